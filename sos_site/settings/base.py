"""Settings shared by every environment.

Safe for production as they stand: DEBUG is off and HTTPS is assumed. Only
dev.py loosens them. Every environment variable the project reads is declared
in the ``env`` schema below with its type and default; the README lists them.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    DATABASE_CONN_MAX_AGE=(int, 60),
    REDIS_URL=(str, ""),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "SOS Children's Villages Kyrgyzstan <noreply@example.org>"),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STRIPE_SECRET_KEY=(str, ""),
    STRIPE_PUBLISHABLE_KEY=(str, ""),
    STRIPE_WEBHOOK_SECRET=(str, ""),
    STRIPE_API_BASE=(str, ""),
    STRIPE_WEBHOOK_TOLERANCE=(int, 300),
    DONATIONS_DEMO_GATEWAY=(bool, False),
    SENTRY_DSN=(str, ""),
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 31536000),
    PAGE_CACHE_ENABLED=(bool, True),
    PAGE_CACHE_DIR=(str, str(BASE_DIR / "var" / "cache" / "pages")),
    FRONTEND_CACHE_CLOUDFLARE_TOKEN=(str, ""),
    FRONTEND_CACHE_CLOUDFLARE_ZONEID=(str, ""),
    FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID=(str, ""),
)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches models and the admin, so it must come first.
    "modeltranslation",
    "home",
    "donations",
    "sos_site.caching",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and auth: a cache hit answers without any database query.
    "sos_site.caching.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "sos_site.urls"
WSGI_APPLICATION = "sos_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite out of the box, PostgreSQL (or any other) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL"),
        conn_max_age=env("DATABASE_CONN_MAX_AGE"),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the task worker proceed while a request writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory on one machine, Redis when REDIS_URL is set.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "sos",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "sos-site",
        }
    }

# Full-page cache for anonymous visitors (sos_site.caching, docs/performance.md). It must
# be shared by every worker process: Redis when REDIS_URL is set, otherwise files.
if env("REDIS_URL"):
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "sos-pages"}
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env("PAGE_CACHE_DIR"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_ENABLED = env("PAGE_CACHE_ENABLED")
# Publishing retires cached pages at once; the timeout only bounds date-dependent text.
PAGE_CACHE_TIMEOUT = 600
PAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=60"

# CDN purge on publish (wagtail.contrib.frontend_cache), switched on by its variables.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_CLOUDFLARE_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
        "ZONEID": env("FRONTEND_CACHE_CLOUDFLARE_ZONEID"),
    }
if env("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    # AWS credentials come from the usual AWS_* variables or the instance role.
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Kyrgyz is the default; every public URL carries its prefix.
LANGUAGE_CODE = "ky"
LANGUAGES = [
    ("ky", _("Kyrgyz")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bishkek"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "sos_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = True

# django-modeltranslation: plain models with per-language columns.
MODELTRANSLATION_DEFAULT_LANGUAGE = "ky"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ky", "ru", "en")}

# Wagtail
WAGTAIL_SITE_NAME = "SOS Children's Villages Kyrgyzstan"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Wagtail ships no Kyrgyz admin catalogue: editors use Russian or English.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский"), ("en", "English")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email
vars().update(env.email_url("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (django-tasks): the database backend, run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Stripe
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env("STRIPE_API_BASE")
STRIPE_WEBHOOK_TOLERANCE = env("STRIPE_WEBHOOK_TOLERANCE")
DONATIONS_DEMO_GATEWAY = env("DONATIONS_DEMO_GATEWAY")

# Security: HTTPS everywhere; dev.py turns these off for http://127.0.0.1.
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
    },
}
