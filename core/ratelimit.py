"""Fixed-window rate limits counted in the default cache (Redis in production).

    from core.ratelimit import over_limit
    from core.security import client_ip

    if over_limit("donate-ip", client_ip(request), limit=10, window=600):
        ...  # answer 429 with a localized message

Fails safe: when the shared cache is unreachable the count continues in this
process's memory, so limits still hold (per process) instead of either
blocking everyone or letting everything through.
"""

import hashlib
import logging
import time

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger("core.ratelimit")

_fallback = LocMemCache("sos-ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def _count(store, key, window):
    store.add(key, 0, window + 1)
    return store.incr(key)


def over_limit(scope, identifier, *, limit, window):
    """Count one hit for ``identifier`` in ``scope``; True once more than ``limit`` in ``window`` s.

    The identifier (an IP address, a card fingerprint, "global") is hashed, so
    no personal data is stored in the cache.
    """
    digest = hashlib.sha256(f"{scope}:{identifier}".encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}:{int(time.time() // window)}"
    try:
        count = _count(cache, key, window)
    except ValueError:
        # The shared cache did not keep the counter: it is down (already logged
        # by core.caching.redis) or the key expired in between. Count locally.
        logger.warning("Rate limit %s counted in process memory (shared cache unavailable)", scope)
        count = _count(_fallback, key, window)
    return count > limit
