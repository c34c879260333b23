"""Security headers on every response; a strict CSP in public, the admin's own policy."""

import pytest


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_page_has_every_security_header(client, home_page, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/ky/", secure=True)

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]

    csp = directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in csp[directive]
        assert "'unsafe-eval'" not in csp[directive]


@pytest.mark.parametrize("path", ["/healthz", "/ky/no-such-page/", "/robots.txt"])
def test_headers_are_on_other_responses_too(client, home_page, path):
    response = client.get(path)
    assert "Content-Security-Policy" in response
    assert "Permissions-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"


def test_nonce_is_added_to_the_policy_when_a_template_uses_it(rf, settings):
    from django.template import engines
    from django.test import RequestFactory

    from core.security import ContentSecurityPolicyMiddleware

    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}"></script>')

    def view(request):
        from django.http import HttpResponse

        return HttpResponse(template.render({}, request))

    middleware = ContentSecurityPolicyMiddleware(view)
    request = RequestFactory().get("/en/")
    response = middleware(request)
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert len(nonce) >= 16
    assert f"'nonce-{nonce}'" in directives(response["Content-Security-Policy"])["script-src"]


def test_session_and_csrf_cookies_are_secure_httponly_samesite(settings):
    from django.conf import settings as live

    import sos_site.settings.base as base

    assert base.SESSION_COOKIE_SECURE and base.CSRF_COOKIE_SECURE
    assert base.SESSION_COOKIE_HTTPONLY and base.CSRF_COOKIE_HTTPONLY
    assert base.SESSION_COOKIE_SAMESITE == "Lax" and base.CSRF_COOKIE_SAMESITE == "Lax"
    assert live.LANGUAGE_COOKIE_SAMESITE == "Lax"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "correct horse battery staple"
    )


def test_admin_gets_its_own_policy(client, home_page, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert response["X-Frame-Options"] == "DENY"


def test_admin_preview_can_be_framed_by_the_admin_only(client, home_page, editor):
    """Wagtail's live preview shows the page in an iframe of the same origin."""
    client.force_login(editor)
    response = client.get(f"/admin/pages/{home_page.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
