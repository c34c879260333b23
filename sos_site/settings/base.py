"""Settings shared by every environment.

Safe for production as they stand: DEBUG is off and HTTPS is assumed. Only
dev.py loosens them. Every environment variable the project reads is declared
in the ``env`` schema below with its type and default; the README lists them.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

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
    DONATION_RATE_LIMIT_PER_IP=(int, 10),
    DONATION_RATE_LIMIT_GLOBAL=(int, 300),
    DONATION_RATE_LIMIT_WINDOW=(int, 600),
    DONATION_PENDING_RETENTION_DAYS=(int, 90),
    DONATIONS_DEMO_GATEWAY=(bool, False),
    SENTRY_DSN=(str, ""),
    SENTRY_ENVIRONMENT=(str, "production"),
    SENTRY_TRACES_SAMPLE_RATE=(float, 0.0),
    LOG_LEVEL=(str, "INFO"),
    DATABASE_CONNECT_TIMEOUT=(int, 5),
    DATABASE_STATEMENT_TIMEOUT=(int, 15000),
    CACHE_SOCKET_TIMEOUT=(float, 0.5),
    AWS_STORAGE_BUCKET_NAME=(str, ""),
    AWS_S3_ENDPOINT_URL=(str, ""),
    AWS_S3_REGION_NAME=(str, ""),
    AWS_ACCESS_KEY_ID=(str, ""),
    AWS_SECRET_ACCESS_KEY=(str, ""),
    AWS_S3_CUSTOM_DOMAIN=(str, ""),
    AWS_S3_ADDRESSING_STYLE=(str, ""),
    STATIC_HOST=(str, ""),
    TRUSTED_PROXY_COUNT=(int, 0),
    AXES_FAILURE_LIMIT=(int, 5),
    AXES_COOLOFF_MINUTES=(int, 30),
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 31536000),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    RELEASE_ID=(str, ""),
    PAGE_CACHE_ENABLED=(bool, True),
    PAGE_ROUTE_CACHE=(bool, True),
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
    "core",
    "home",
    "donations",
    "local_giving",
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
    "axes",
    "csp",
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
    # Warns once when requests come through a proxy that TRUSTED_PROXY_COUNT does not trust.
    "core.security.UntrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "core.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and auth: a cache hit answers without any database query.
    "core.caching.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.language.LocaleMiddleware",
    # A NUL character in the path, query or form: a localized 400 before any view.
    "core.null_characters.NullCharacterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    # Site and page of a public URL from the layout cache (process_view only).
    "core.caching.routing.PageRouteMiddleware",
    # Last, so its process_exception runs first: database down -> 503 page.
    "core.security.DatabaseUnavailableMiddleware",
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
                "csp.context_processors.nonce",
                "core.caching.context_processors.cache_generation",
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
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast when the server is down or a query hangs: the 503 page answers instead.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": env("DATABASE_CONNECT_TIMEOUT"),
            "options": f"-c statement_timeout={env('DATABASE_STATEMENT_TIMEOUT')}",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory on one machine, Redis when REDIS_URL is set.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's RedisCache, but an unreachable Redis is a logged cache miss, not a 500.
            "BACKEND": "core.caching.redis.ResilientRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "sos",
            "OPTIONS": {
                "socket_connect_timeout": env("CACHE_SOCKET_TIMEOUT"),
                "socket_timeout": env("CACHE_SOCKET_TIMEOUT"),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "sos-site",
        }
    }

# Full-page cache for anonymous visitors (core.caching, docs/performance.md). It must
# be shared by every worker process: Redis when REDIS_URL is set, otherwise files.
if env("REDIS_URL"):
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "sos-pages"}
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env("PAGE_CACHE_DIR"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
# Wagtail looks up image renditions here before asking the database.
CACHES["renditions"] = {**CACHES["default"], "KEY_PREFIX": "sos-renditions", "TIMEOUT": 3600}
if not env("REDIS_URL"):
    CACHES["renditions"]["LOCATION"] = "sos-renditions"
PAGE_CACHE_ALIAS = "pages"
# Names the release in the page cache's generation key (core.release): empty means
# a digest of the static manifest and the project's source, taken at start.
RELEASE_ID = env("RELEASE_ID")
# Plain models (not pages, snippets or settings) that public pages show: an edit of
# one retires cached pages like a publish does (core/caching/signals.py).
PAGE_CACHE_SHOWN_MODELS = {"donations.Fund", "donations.PresetAmount"}
PAGE_CACHE_ENABLED = env("PAGE_CACHE_ENABLED")
# Site and page of a public URL from the generation caches (core.caching.routing); off:
# Wagtail routes every render itself (for measuring it, docs/performance.md).
PAGE_ROUTE_CACHE = env("PAGE_ROUTE_CACHE")
# Publishing retires cached pages at once; the timeout only bounds date-dependent text.
PAGE_CACHE_TIMEOUT = 600
# Fragments ({% cache fragment_timeout ... cache_generation %}) are retired by the generation.
FRAGMENT_CACHE_TIMEOUT = 3600
PAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=60"
# The query parameters pages read (news listing, search): the only ones in a page's cache
# key. Tracking parameters (and every utm_*) are left out of it (core/caching/keys.py).
PAGE_CACHE_QUERY_PARAMS = ("page", "q", "tag")
PAGE_CACHE_TRACKING_PARAMS = {
    "fbclid",
    "gclid",
    "gbraid",
    "wbraid",
    "dclid",
    "msclkid",
    "yclid",
    "ysclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
}

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

# django-axes locks an account out, per username and IP address, after repeated
# failed logins to the Wagtail admin; its backend must come first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env("AXES_FAILURE_LIMIT")
AXES_COOLOFF_TIME = env("AXES_COOLOFF_MINUTES") / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"

# Languages: Kyrgyz is the default; every public URL carries its prefix.
LANGUAGE_CODE = "ky"
LANGUAGES = [
    ("ky", _("Kyrgyz")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Project date/number formats (Kyrgyz: numeric dates), falling back to Django's own.
FORMAT_MODULE_PATH = ["sos_site.formats"]
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
WAGTAILADMIN_DEFAULT_LANGUAGE = "ru"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Served through Django with Content-Disposition: attachment (PDFs inline), nosniff
# and CSP default-src 'none'; see docs/production.md.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# A new translation starts as a draft, whatever the source's state: until a
# translator publishes it, the page is absent from that language (docs/editors.md).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static and media files
# STATIC_HOST puts a CDN in front of WhiteNoise (https://cdn.example.org).
STATIC_URL = env("STATIC_HOST") + "/static/"
STATIC_ROOT = env("STATIC_ROOT")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ORIGINS = []
if env("AWS_STORAGE_BUCKET_NAME"):
    # Media on S3-compatible object storage (see sos_site/settings/storage.py).
    from sos_site.settings.storage import s3_media_origins, s3_media_storage

    STORAGES["default"] = s3_media_storage(
        bucket_name=env("AWS_STORAGE_BUCKET_NAME"),
        endpoint_url=env("AWS_S3_ENDPOINT_URL"),
        region_name=env("AWS_S3_REGION_NAME"),
        access_key=env("AWS_ACCESS_KEY_ID"),
        secret_key=env("AWS_SECRET_ACCESS_KEY"),
        custom_domain=env("AWS_S3_CUSTOM_DOMAIN"),
        addressing_style=env("AWS_S3_ADDRESSING_STYLE"),
    )
    MEDIA_ORIGINS = s3_media_origins(
        bucket_name=env("AWS_STORAGE_BUCKET_NAME"),
        endpoint_url=env("AWS_S3_ENDPOINT_URL"),
        region_name=env("AWS_S3_REGION_NAME"),
        custom_domain=env("AWS_S3_CUSTOM_DOMAIN"),
    )

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
# The one place the Stripe API version is pinned: requests send it, and the webhook
# handlers read payloads in its shapes (invoice.parent.subscription_details, ...).
STRIPE_API_VERSION = "2026-10-28.endive"
# A donor waits for Checkout: fail fast (connect, read seconds) and retry once.
STRIPE_TIMEOUT = (3.05, 10)
STRIPE_MAX_NETWORK_RETRIES = 1
# Webhook bodies larger than this are refused (Stripe's events are a few KB).
STRIPE_WEBHOOK_MAX_BYTES = 64 * 1024
DONATIONS_DEMO_GATEWAY = env("DONATIONS_DEMO_GATEWAY")
# Card-testing guard on the donate form (donations/ratelimits.py): submissions per client IP
# and site-wide per window (seconds); 0 switches a limit off.
DONATION_RATE_LIMIT_PER_IP = env("DONATION_RATE_LIMIT_PER_IP")
DONATION_RATE_LIMIT_GLOBAL = env("DONATION_RATE_LIMIT_GLOBAL")
DONATION_RATE_LIMIT_WINDOW = env("DONATION_RATE_LIMIT_WINDOW")
# Days after which gifts that never completed (pending, failed, expired or cancelled card
# gifts, unconfirmed pledges) lose the donor's name and email; amounts are kept
# (donations/privacy.py, run daily by `manage.py forget_unfinished_gifts`).
DONATION_PENDING_RETENTION_DAYS = env("DONATION_PENDING_RETENTION_DAYS")

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
# Load balancers may probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# How many reverse proxies append to X-Forwarded-For (core.security.client_ip).
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")

# Content-Security-Policy (django-csp): no inline script or style without a nonce
# (templates use none), nothing framed, no framing of us. CSP_NONCE is in the context.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        # Chrome applies form-action to the redirect after a donation form posts.
        "form-action": [SELF, "https://checkout.stripe.com"],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin needs inline styles and scripts and frames its own preview
# (core.security.ContentSecurityPolicyMiddleware applies this under /admin/).
ADMIN_URL_PREFIXES = ("/admin/",)
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
}
SERVICE_UNAVAILABLE_RETRY_AFTER = 30

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
        # fpdf2 subsets the receipt font and fontTools logs every step at INFO.
        "fontTools": {"level": "WARNING"},
    },
}
