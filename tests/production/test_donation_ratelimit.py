"""Rate limits on the donate form's submission (donations/ratelimits.py) against card testing."""

import logging

from django.core.cache import cache

import pytest

from core import ratelimit
from core.caching.redis import ResilientRedisCache
from donations.models import Donation
from tests.stripe_double import events as stripe_events

from .conftest import redis_cache_settings

IP_MESSAGE = "You have sent the donation form many times in a short while."
GLOBAL_MESSAGE = "We are receiving an unusually large number of donations right now."


@pytest.fixture(autouse=True)
def limits(settings):
    ratelimit._fallback.clear()
    cache.clear()
    settings.DONATION_RATE_LIMIT_PER_IP = 3
    settings.DONATION_RATE_LIMIT_GLOBAL = 100
    settings.DONATION_RATE_LIMIT_WINDOW = 600
    yield settings
    ratelimit._fallback.clear()
    cache.clear()


def test_per_ip_limit_answers_429_with_the_form_kept(client, donate_url, gift, stripe_double):
    for _ in range(3):
        assert client.post(donate_url("en"), gift()).status_code == 303
    data = gift(donor_name="Keep <Me> Typed", custom_amount="777", preset="")
    response = client.post(donate_url("en"), data)
    body = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert IP_MESSAGE in body
    assert 'value="Keep &lt;Me&gt; Typed"' in body  # typed values back, escaped
    assert 'value="777"' in body
    assert 'value="aigul@example.org"' in body
    # Nothing was created for the refused submission.
    assert Donation.objects.count() == 3
    assert len(stripe_double.sessions) == 3


def test_the_message_is_localized(client, donate_url, gift, stripe_double, limits):
    limits.DONATION_RATE_LIMIT_PER_IP = 1
    assert client.post(donate_url("ru"), gift()).status_code == 303
    response = client.post(donate_url("ru"), gift())
    assert response.status_code == 429
    assert 'lang="ru"' in response.content.decode()


def test_other_addresses_are_not_affected(client, donate_url, gift, stripe_double, limits):
    limits.DONATION_RATE_LIMIT_PER_IP = 1
    assert client.post(donate_url(), gift(), REMOTE_ADDR="203.0.113.1").status_code == 303
    assert client.post(donate_url(), gift(), REMOTE_ADDR="203.0.113.1").status_code == 429
    assert client.post(donate_url(), gift(), REMOTE_ADDR="203.0.113.2").status_code == 303


def test_spoofed_forwarded_for_does_not_reset_the_count(
    client, donate_url, gift, stripe_double, limits
):
    limits.DONATION_RATE_LIMIT_PER_IP = 2
    limits.TRUSTED_PROXY_COUNT = 0
    statuses = [
        client.post(donate_url(), gift(), HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").status_code
        for i in range(4)
    ]
    assert statuses == [303, 303, 429, 429]


def test_behind_one_proxy_the_client_address_counts(
    client, donate_url, gift, stripe_double, limits
):
    limits.DONATION_RATE_LIMIT_PER_IP = 1
    limits.TRUSTED_PROXY_COUNT = 1

    def post(forwarded):
        return client.post(donate_url(), gift(), HTTP_X_FORWARDED_FOR=forwarded).status_code

    # The proxy appends the real client; what the client wrote on the left is ignored.
    assert post("6.6.6.6, 203.0.113.9") == 303
    assert post("7.7.7.7, 203.0.113.9") == 429
    assert post("6.6.6.6, 203.0.113.10") == 303


def test_global_limit(client, donate_url, gift, stripe_double, limits):
    limits.DONATION_RATE_LIMIT_PER_IP = 0
    limits.DONATION_RATE_LIMIT_GLOBAL = 2
    statuses = [
        client.post(donate_url("en"), gift(), REMOTE_ADDR=f"203.0.113.{i}").status_code
        for i in range(3)
    ]
    assert statuses == [303, 303, 429]
    response = client.post(donate_url("en"), gift(), REMOTE_ADDR="192.0.2.50")
    assert response.status_code == 429
    assert GLOBAL_MESSAGE in response.content.decode()


def test_transfers_count_too(client, donate_url, gift, stripe_double, limits):
    limits.DONATION_RATE_LIMIT_PER_IP = 1
    assert client.post(donate_url("en"), gift(payment_method="transfer")).status_code == 303
    assert client.post(donate_url("en"), gift(payment_method="transfer")).status_code == 429
    assert client.post(donate_url("en"), gift()).status_code == 429
    assert Donation.objects.count() == 1


def test_review_steps_and_pages_do_not_count(client, donate_url, gift, stripe_double, limits):
    limits.DONATION_RATE_LIMIT_PER_IP = 1
    for _ in range(5):
        assert client.get(donate_url("en")).status_code == 200
        assert client.post(donate_url("en"), gift(confirm=None)).status_code == 200  # review
        assert client.post(donate_url("en"), gift(edit="1")).status_code == 200  # back to edit
    assert client.post(donate_url("en"), gift()).status_code == 303


def test_invalid_submissions_count(client, donate_url, gift, stripe_double, limits):
    """A card tester gets no free tries by sending broken forms."""
    limits.DONATION_RATE_LIMIT_PER_IP = 2
    assert client.post(donate_url("en"), gift(donor_email="nope")).status_code == 400
    assert client.post(donate_url("en"), gift(donor_email="nope")).status_code == 400
    assert client.post(donate_url("en"), gift()).status_code == 429


def test_counted_in_redis(client, donate_url, gift, stripe_double, limits, redis_url):
    limits.CACHES = redis_cache_settings(redis_url)
    limits.DONATION_RATE_LIMIT_PER_IP = 1
    assert client.post(donate_url(), gift()).status_code == 303
    ratelimit._fallback.clear()  # the count lives in Redis, not in this process
    assert client.post(donate_url(), gift()).status_code == 429
    import redis

    keys = redis.Redis.from_url(redis_url).keys("*ratelimit:donate-ip*")
    assert keys and not any(b"127.0.0.1" in key for key in keys)


def test_fails_safe_when_redis_is_down(
    client, donate_url, gift, stripe_double, limits, closed_port, monkeypatch, caplog
):
    monkeypatch.setattr(ResilientRedisCache, "_last_logged", 0.0)
    limits.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port}/0")
    limits.DONATION_RATE_LIMIT_PER_IP = 2
    caplog.set_level(logging.WARNING)
    statuses = [client.post(donate_url(), gift()).status_code for _ in range(3)]
    assert statuses == [303, 303, 429]
    assert any(r.name == "core.ratelimit" for r in caplog.records)
    assert any(r.name == "donations.ratelimits" for r in caplog.records)


def test_webhook_is_not_rate_limited_and_needs_no_csrf(client, webhook, limits):
    """Stripe's retries must never be dropped by the donor limits; the signature guards it."""
    limits.DONATION_RATE_LIMIT_PER_IP = 1
    limits.DONATION_RATE_LIMIT_GLOBAL = 1
    client.handler.enforce_csrf_checks = True
    for i in range(5):
        event = stripe_events.event("customer.created", {"id": f"cus_test_{i}"})
        assert webhook(event).status_code == 200
    # ...but an unsigned post is still refused.
    assert client.post("/stripe/webhook/", "{}", content_type="application/json").status_code == 400
