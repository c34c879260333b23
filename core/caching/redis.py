"""A Redis cache that degrades to a miss when Redis is unreachable.

Django's built-in RedisCache raises on every connection error, so a Redis
outage would turn every cached page into a 500. This subclass logs the error
(at most once every few seconds per process, so an outage does not flood the
logs) and answers as an empty cache would: reads miss, writes do nothing,
``add`` reports that nothing was added and ``incr``/``decr`` raise ValueError
exactly as for a missing key. Callers that count (rate limits) must decide for
themselves what a missing counter means; see docs/production.md.
"""

import logging
import time
from functools import wraps

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger("core.caching.redis")

LOG_INTERVAL_SECONDS = 10.0


def _degrading(miss):
    """Wrap a cache method so a Redis error logs and returns ``miss(args)``."""

    def decorator(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                self._log_failure(method.__name__, error)
                return miss(*args, **kwargs)

        return wrapper

    return decorator


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (cache unavailable).")


class ResilientRedisCache(RedisCache):
    """RedisCache whose connection errors become cache misses, logged."""

    _last_logged = 0.0

    def _log_failure(self, operation, error):
        now = time.monotonic()
        if now - ResilientRedisCache._last_logged >= LOG_INTERVAL_SECONDS:
            ResilientRedisCache._last_logged = now
            logger.error(
                "Cache unavailable, serving without it (%s failed: %s)",
                operation,
                error.__class__.__name__,
            )

    @property
    def is_available(self):
        """True when Redis answers a PING (used by the health check)."""
        try:
            return bool(self._cache.get_client(write=False).ping())
        except RedisError as error:
            self._log_failure("ping", error)
            return False

    @_degrading(lambda key, default=None, version=None: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_degrading(lambda *args, **kwargs: None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_degrading(lambda *args, **kwargs: False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_degrading(lambda *args, **kwargs: False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_degrading(lambda *args, **kwargs: False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_degrading(lambda *args, **kwargs: {})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_degrading(lambda *args, **kwargs: False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_degrading(_missing_key)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)

    @_degrading(lambda data, *args, **kwargs: list(data))
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_degrading(lambda *args, **kwargs: None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_degrading(lambda *args, **kwargs: False)
    def clear(self):
        return super().clear()
