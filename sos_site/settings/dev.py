"""Local development: DEBUG on, plain HTTP, emails written to files."""

from .base import *  # noqa: F403
from .base import BASE_DIR, STORAGES, env

DEBUG = True
SECRET_KEY = env("SECRET_KEY") or "dev-only-not-secret-8f2c1e0a9b7d4c3e"
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]"]

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False

# Sent emails land as .eml files a newcomer can open (see README).
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = BASE_DIR / "var" / "sent-emails"

# Templates change under your hands: no full-page cache (docs/performance.md).
PAGE_CACHE_ENABLED = False

# Background tasks run straight away in development.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Without a Stripe key, the clearly bannered demo gateway stands in for Checkout.
DONATIONS_DEMO_GATEWAY = not env("STRIPE_SECRET_KEY")

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
