"""Fixtures for the production tests: real Redis, a closed port, moto's S3 server."""

import socket
import threading

import pytest

# The donor's-way fixtures (donate pages, funds, the Stripe double) for test_donation_*.py.
from tests.donations.conftest import *  # noqa: F403

REDIS_URL = "redis://127.0.0.1:6379/15"


def _reachable(host, port):
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def _closed_port():
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def closed_port():
    return _closed_port()


@pytest.fixture
def redis_url():
    """The Redis server on 127.0.0.1:6379 (database 15, emptied before and after)."""
    if not _reachable("127.0.0.1", 6379):
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    yield REDIS_URL
    client.flushdb()


def redis_cache_settings(location):
    """CACHES as base.py builds it for REDIS_URL (the page cache alias kept local)."""
    options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    return {
        "default": {
            "BACKEND": "core.caching.redis.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "sos-test",
            "OPTIONS": options,
        },
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }


@pytest.fixture
def blackhole_port():
    """A port that accepts TCP connections and never answers: a hung database server."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server on 127.0.0.1, for the duration of the session."""
    from moto.server import ThreadedMotoServer

    port = _closed_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()
