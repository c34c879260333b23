"""core.ratelimit: counts in the shared cache, and still limits when Redis is down."""

import logging

from django.core.cache import cache

import pytest

from core import ratelimit
from core.caching.redis import ResilientRedisCache

from .conftest import redis_cache_settings


@pytest.fixture(autouse=True)
def empty_fallback():
    ratelimit._fallback.clear()
    cache.clear()


def test_allows_up_to_the_limit_then_refuses():
    results = [ratelimit.over_limit("t", "203.0.113.7", limit=3, window=60) for _ in range(5)]
    assert results == [False, False, False, True, True]
    # Another identifier has its own count.
    assert ratelimit.over_limit("t", "198.51.100.1", limit=3, window=60) is False


def test_identifiers_are_not_stored_in_clear(settings, redis_url):
    settings.CACHES = redis_cache_settings(redis_url)
    ratelimit.over_limit("donate", "donor@example.org", limit=3, window=60)
    import redis

    keys = redis.Redis.from_url(redis_url).keys("*")
    assert keys
    assert not any(b"donor" in key for key in keys)


def test_counts_are_shared_through_redis(settings, redis_url):
    settings.CACHES = redis_cache_settings(redis_url)
    for _ in range(3):
        assert ratelimit.over_limit("shared", "ip", limit=3, window=60) is False
    ratelimit._fallback.clear()  # nothing counted locally: the count lives in Redis
    assert ratelimit.over_limit("shared", "ip", limit=3, window=60) is True


def test_still_limits_when_redis_is_down(settings, closed_port, monkeypatch, caplog):
    monkeypatch.setattr(ResilientRedisCache, "_last_logged", 0.0)
    settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port}/0")
    caplog.set_level(logging.WARNING)
    results = [ratelimit.over_limit("down", "ip", limit=2, window=60) for _ in range(4)]
    assert results == [False, False, True, True]
    assert any(r.name == "core.caching.redis" for r in caplog.records)
    assert any(r.name == "core.ratelimit" for r in caplog.records)
