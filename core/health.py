"""/healthz: is this app server able to serve? Quick, uncached, JSON."""

import logging
import time
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("core.health")


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError as error:
        logger.error("Health check: database unreachable (%s)", error.__class__.__name__)
        return False


def _cache_ok():
    probe = getattr(cache, "is_available", None)
    if probe is not None:
        return probe
    key, value = "healthz-probe", uuid.uuid4().hex
    cache.set(key, value, 10)
    return cache.get(key) == value


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers; 503 when it does not.

    A cache (Redis) outage is reported as ``"cache": "error"`` with status
    "degraded" but still 200: pages render without the cache, so taking every
    app server out of the load balancer for it would only make things worse.
    """
    started = time.monotonic()
    database = _database_ok()
    cache_state = _cache_ok()
    if not database:
        status, code = "error", 503
    elif not cache_state:
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse(
        {
            "status": status,
            "database": "ok" if database else "error",
            "cache": "ok" if cache_state else "error",
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
        },
        status=code,
    )
