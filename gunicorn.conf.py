"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py sos_site.wsgi`.

gunicorn reads this file before Django starts, so the few knobs it has come
straight from the environment (listed in docs/production.md with the rest).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# The usual 2 x cores + 1 sync workers, capped so a big host does not exhaust
# PostgreSQL connections; WEB_CONCURRENCY overrides.
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 9)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request that takes longer than this is stuck: the worker is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never becomes an outage.
max_requests = 1000
max_requests_jitter = 100
# Load the app once in the master: faster worker start, less memory, and a
# broken configuration fails before any worker forks.
preload_app = True
# Request line and header limits (bodies are limited by Django and the proxy).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# Access log and errors as JSON lines on stdout, like Django's logs (core.logs), through
# the same filter: e-mails, card numbers and keys in a path are masked, bank accounts kept.
# The access line leaves out the query string: it may carry personal data.
accesslog = "-"
errorlog = "-"
access_log_format = "%(m)s %(U)s %(s)s %(B)s bytes %(M)s ms"
logconfig_dict = {
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
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
# The TLS-terminating proxy in front sets X-Forwarded-Proto (see SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
