"""Security middleware: extra headers, the admin's own CSP, a 503 when the database is down.

Django's SecurityMiddleware already sends HSTS, X-Content-Type-Options,
Referrer-Policy and Cross-Origin-Opener-Policy; XFrameOptionsMiddleware sends
X-Frame-Options. This module adds what Django lacks. docs/production.md lists
every header and why.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import MiddlewareNotUsed
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

from csp.middleware import CSPMiddleware

from core.framework_internals import policy_set_by_view, policy_with_directives

logger = logging.getLogger("core.security")

# Set in the default cache (Redis in production, shared by every app server) when a
# request arrived through a proxy nobody told us about; read by core.checks.
UNTRUSTED_PROXY_KEY = "security:untrusted-x-forwarded-for"
UNTRUSTED_PROXY_MEMORY = 7 * 24 * 3600


def client_ip(request):
    """The visitor's IP address, trusting X-Forwarded-For only from TRUSTED_PROXY_COUNT proxies.

    With N trusted proxies in front of the app, the client address is the
    N-th entry from the right of X-Forwarded-For; anything left of it was
    written by the client and cannot be trusted. Used by django-axes and meant
    for the donation rate limits too.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class UntrustedProxyMiddleware:
    """Notice requests that came through a proxy while TRUSTED_PROXY_COUNT is 0.

    Behind a load balancer REMOTE_ADDR is the balancer's address, so every
    donor would share one IP for the lock-outs and rate limits. The first such
    request in each process logs a warning and leaves a mark in the shared
    cache, which `manage.py check --deploy` reports (core.checks). With
    proxies trusted the middleware steps out of the chain.
    """

    def __init__(self, get_response):
        if settings.TRUSTED_PROXY_COUNT > 0:
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.noticed = False

    def __call__(self, request):
        if not self.noticed and "HTTP_X_FORWARDED_FOR" in request.META:
            self.noticed = True
            logger.warning(
                "A request arrived with X-Forwarded-For but TRUSTED_PROXY_COUNT is 0: "
                "every visitor behind the proxy shares its address for lock-outs and "
                "rate limits. Set TRUSTED_PROXY_COUNT to the number of proxies in front."
            )
            cache.set(
                UNTRUSTED_PROXY_KEY, request.META.get("REMOTE_ADDR", ""), UNTRUSTED_PROXY_MEMORY
            )
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: Permissions-Policy and Cross-Origin-Resource-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-site")
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the looser ADMIN_CONTENT_SECURITY_POLICY under /admin/.

    Public pages get the strict CONTENT_SECURITY_POLICY (no inline code
    without a nonce, no framing). The Wagtail admin still relies on inline
    styles and scripts and frames its own preview, so it gets its own policy.
    A view that sets a policy through csp's decorators keeps it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and not policy_set_by_view(parts)
            and request.path_info.startswith(settings.ADMIN_URL_PREFIXES)
        ):
            return policy_with_directives(
                parts, settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            )
        return parts


def service_unavailable(request):
    """A small localized 503 page that needs neither the database nor the cache."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = loader.get_template("503.html").render({"LANGUAGE_CODE": language})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turn database connection errors into a fast 503 instead of a 500.

    Place it last in MIDDLEWARE so its process_exception runs first. It sees
    errors raised by views and by lazy template rendering, which is where the
    site touches the database. The next request reconnects on its own
    (CONN_HEALTH_CHECKS), so service resumes when the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error(
            "Database unavailable, answered 503 (%s: %s)",
            exception.__class__.__name__,
            str(exception).splitlines()[0] if str(exception) else "",
            extra={"path": request.path},
        )
        return service_unavailable(request)
