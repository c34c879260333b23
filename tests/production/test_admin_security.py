"""Admin login: django-axes lock-out, password validators, no open redirect after login."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

import pytest

PASSWORD = "correct horse battery staple"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


@pytest.fixture
def editor(django_user_model, db):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def login(client, password, ip="203.0.113.7", next_url="/admin/"):
    return client.post(
        "/admin/login/",
        {"username": "editor", "password": password, "next": next_url},
        REMOTE_ADDR=ip,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_repeated_failed_logins_lock_the_account_out(client, editor, axes_on, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        response = login(client, "wrong password")
        assert response.status_code == 200  # the login form again, with an error
    locked = login(client, "wrong password")
    assert locked.status_code == 429
    assert "Too many failed login attempts" in locked.content.decode()

    # Even the right password is refused while locked out...
    assert login(client, PASSWORD).status_code == 429
    # ...but only for this username from this address.
    assert login(client, PASSWORD, ip="198.51.100.20").status_code == 302


def test_successful_login_resets_the_failure_count(client, editor, axes_on):
    for _ in range(4):
        login(client, "wrong password")
    assert login(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert login(client, "wrong password").status_code == 200


def test_lockout_uses_the_proxy_supplied_client_address(rf, settings):
    from core.security import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.2")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"  # the spoofable left part is ignored


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "https:evil.example",
        "javascript:alert(1)",
    ],
)
def test_login_never_redirects_off_site(client, editor, next_url):
    response = login(client, PASSWORD, next_url=next_url)
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith("//")
    assert "evil" not in location and "javascript" not in location


@pytest.mark.parametrize(
    "password", ["short", "password1234", "12345678901234", "editor@example.org"]
)
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)


def test_a_long_passphrase_is_accepted(editor):
    validate_password("birch river quietly fourteen", user=editor)
