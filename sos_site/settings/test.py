"""Fast, isolated settings for the test suite (pytest uses these)."""

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}

# Off for the suite; tests/performance switches it on where it is under test.
PAGE_CACHE_ENABLED = False
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
WAGTAILADMIN_BASE_URL = "http://testserver"
DONATIONS_DEMO_GATEWAY = False
# Off for the suite (many gifts from one test client); tests/production turns them on.
DONATION_RATE_LIMIT_PER_IP = 0
DONATION_RATE_LIMIT_GLOBAL = 0
# The test client's login() passes no request, which django-axes refuses;
# tests/production/test_admin_security.py turns it back on.
AXES_ENABLED = False
