"""Production: everything from the environment; refuses to start when unsafe.

Every variable is declared in base.py's ``env`` schema and listed in
docs/production.md. HTTPS, HSTS, secure cookies and the CSP come from base.py.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DEBUG, DONATIONS_DEMO_GATEWAY, SECRET_KEY, env

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names in production.")
if DONATIONS_DEMO_GATEWAY:
    raise ImproperlyConfigured("The demo payment gateway cannot run in production.")

# Structured logs: one JSON object per line on stdout, personal data masked.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "core.logs.RedactingFilter"}},
    "formatters": {"json": {"()": "core.logs.JSONFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["redact"],
        }
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Host header probes are noise, not errors.
        "django.security.DisallowedHost": {"level": "CRITICAL"},
    },
}

# Error reports go to Sentry only when SENTRY_DSN is set; no personal data is sent.
if env("SENTRY_DSN"):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=env("SENTRY_DSN"),
        environment=env("SENTRY_ENVIRONMENT"),
        integrations=[DjangoIntegration()],
        traces_sample_rate=env("SENTRY_TRACES_SAMPLE_RATE"),
        send_default_pii=False,
    )
