"""Redis as the cache; when it is down, pages still render and the outage is logged."""

import logging
import time

from django.core.cache import cache

import pytest

from core.caching.redis import ResilientRedisCache

from .conftest import redis_cache_settings


@pytest.fixture
def redis_down(settings, closed_port, monkeypatch):
    monkeypatch.setattr(ResilientRedisCache, "_last_logged", 0.0)
    settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port}/0")
    return closed_port


def test_pages_render_when_redis_is_down_and_the_error_is_logged(
    client, home_page, redis_down, caplog
):
    caplog.set_level(logging.ERROR, logger="core.caching.redis")
    started = time.monotonic()
    for path in ("/ky/", "/ru/", "/en/", "/ky/"):
        response = client.get(path)
        assert response.status_code in (200, 302), path
    assert time.monotonic() - started < 10
    assert client.get("/ky/").status_code == 200
    errors = [r for r in caplog.records if r.name == "core.caching.redis"]
    assert errors, "the cache outage was not logged"
    assert "Cache unavailable" in errors[0].getMessage()


def test_cache_calls_degrade_to_a_miss_when_redis_is_down(redis_down, caplog):
    caplog.set_level(logging.ERROR, logger="core.caching.redis")
    assert cache.get("key") is None
    assert cache.get("key", "fallback") == "fallback"
    assert cache.set("key", 1) is None
    assert cache.add("key", 1) is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.has_key("key") is False
    assert cache.get_or_set("computed", lambda: 42) == 42
    with pytest.raises(ValueError):
        cache.incr("counter")
    assert cache.is_available is False
    # One log line per interval, not one per call.
    assert len([r for r in caplog.records if r.name == "core.caching.redis"]) == 1


def test_health_reports_a_degraded_cache(client, db, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "error"


def test_redis_cache_works_when_redis_is_up(client, home_page, settings, redis_url):
    settings.CACHES = redis_cache_settings(redis_url)
    cache.set("greeting", "салам", 30)
    assert cache.get("greeting") == "салам"
    assert cache.add("counter", 0) is True
    assert cache.incr("counter") == 1
    assert cache.is_available is True
    assert client.get("/ky/").status_code == 200
    health = client.get("/healthz").json()
    assert health == {**health, "status": "ok", "database": "ok", "cache": "ok"}
