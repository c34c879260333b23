"""Load and concurrency under production settings: gunicorn, PostgreSQL, Redis, the Stripe double.

- 100 concurrent clients on cached pages for LOAD_SECONDS (default 30): zero errors.
- 20 concurrent donation submissions from 20 addresses: one Checkout Session per
  donation, unique idempotency keys, no duplicate session anywhere.

gunicorn serves the test database (committed by transactional_db, so PostgreSQL
only: an in-memory SQLite database cannot be shared with another process).
The mail-server-down case (receipt retried with back-off, sent once it is back, no
duplicate) is tested in tests/donations/test_tasks.py:
test_mail_server_down_schedules_a_retry_and_sends_once_it_is_back and
test_concurrent_workers_send_one_email.
"""

import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings as django_settings
from django.db import connection

import pytest
import requests

from donations.models import Donation

from .conftest import REDIS_URL, _closed_port

ROOT = Path(__file__).resolve().parents[2]
LOAD_SECONDS = float(os.environ.get("LOAD_SECONDS", "30"))
CLIENTS = 100
DONORS = 20
HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "sos-load-test"}

# Committed data, so gunicorn's connections see it; Wagtail's root page comes back after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _database_url():
    db = connection.settings_dict
    auth = db["USER"] or ""
    if db["PASSWORD"]:
        auth += f":{db['PASSWORD']}"
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """static_root(): collectstatic once (on first use), for production's manifest."""
    done = []

    def static_root():
        if not done:
            root = tmp_path_factory.mktemp("static")
            env = {**os.environ, **_production_env(root, "postgres://x@127.0.0.1/x", {})}
            subprocess.run(  # noqa: S603
                [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                cwd=ROOT,
                env=env,
                check=True,
                timeout=300,
            )
            done.append(root)
        return done[0]

    return static_root


def _production_env(static_root, database_url, extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SENTRY_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "sos_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": REDIS_URL,
            "EMAIL_URL": "consolemail://",
            "STATIC_ROOT": str(static_root),
            "DONATIONS_DEMO_GATEWAY": "off",
            "LOG_LEVEL": "WARNING",
        }
    )
    env.update(extra)
    return env


@pytest.fixture
def gunicorn(redis_url, collected_static, tmp_path):
    """start(**env) -> base URL: gunicorn with production settings on the test database."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL (DATABASE_URL=postgres://...): gunicorn runs in another process "
            "and cannot see SQLite's in-memory test database"
        )
    started = []

    def start(**extra):
        port = _closed_port()
        env = _production_env(
            collected_static(),
            _database_url(),
            {
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "WEB_CONCURRENCY": "2",
                "GUNICORN_THREADS": "4",
                "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
                **extra,
            },
        )
        log = open(tmp_path / f"gunicorn-{port}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(  # noqa: S603
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", "sos_site.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        started.append((process, log))
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, (tmp_path / f"gunicorn-{port}.log").read_text()
            try:
                if requests.get(f"{base}/healthz", headers=HEADERS, timeout=5).ok:
                    return base
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise AssertionError("gunicorn did not start within 60 s")

    yield start
    for process, log in started:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def test_100_clients_on_cached_pages_without_errors(gunicorn, donate_pages):
    base = gunicorn()
    # The donate form carries no per-visitor token, so it is cached like the others.
    paths = ["/ky/", "/ru/", "/en/", *(page.url for page in donate_pages.values())]
    for path in paths:  # warm the cache
        assert requests.get(base + path, headers=HEADERS, timeout=30).status_code == 200
    for path in paths:
        response = requests.get(base + path, headers=HEADERS, timeout=30)
        assert response.headers.get("X-Page-Cache") == "hit", path

    deadline = time.monotonic() + LOAD_SECONDS
    results = Counter()
    latencies = []
    lock = threading.Lock()

    def client(number):
        session = requests.Session()
        session.headers.update(HEADERS)
        mine = Counter()
        times = []
        i = number
        while time.monotonic() < deadline:
            path = paths[i % len(paths)]
            i += 1
            began = time.monotonic()
            try:
                response = session.get(base + path, timeout=20)
                cached = response.headers.get("X-Page-Cache")
                ok = response.status_code == 200 and cached == "hit"
                mine["ok" if ok else f"{response.status_code} {cached}"] += 1
            except requests.RequestException as error:
                mine[type(error).__name__] += 1
            times.append(time.monotonic() - began)
        with lock:
            results.update(mine)
            latencies.extend(times)

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        list(pool.map(client, range(CLIENTS)))
    elapsed = time.monotonic() - started
    latencies.sort()
    total = sum(results.values())
    print(
        f"\n{CLIENTS} clients, {elapsed:.1f} s: {total} requests, {total / elapsed:.0f}/s, "
        f"p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms, "
        f"max {latencies[-1] * 1000:.0f} ms; {dict(results)}"
    )
    assert elapsed < LOAD_SECONDS + 30, "the load test must stop by itself"
    assert total >= CLIENTS
    assert results == Counter({"ok": total}), dict(results)


def _donor(base, url, number, fund_id, preset_id):
    """One donor from their own address: GET the form, POST the confirmed gift, like a browser."""
    session = requests.Session()
    session.headers.update({**HEADERS, "X-Forwarded-For": f"203.0.113.{number + 1}"})
    page = session.get(base + url, timeout=30)
    action = re.search(r'<form class="donate-form" method="post" action="([^"]+)"', page.text)
    origin = base.replace("http://", "https://")
    gift = {
        "frequency": "one_time",
        "currency": "KGS",
        "preset": str(preset_id),
        "fund": str(fund_id),
        "donor_name": f"Donor {number}",
        "donor_email": f"donor{number}@example.org",
        "payment_method": "card",
    }
    # The review step (no token needed) hands out the CSRF token for the confirm button.
    review = session.post(base + action.group(1), data=gift, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', review.text).group(1)
    attempt = re.search(r'name="attempt" value="([^"]+)"', review.text).group(1)
    response = session.post(
        base + url,
        data={**gift, "csrfmiddlewaretoken": token, "attempt": attempt, "confirm": "1"},
        headers={
            "Cookie": f"csrftoken={review.cookies['csrftoken']}",
            "Origin": origin,
            "Referer": origin + url,
        },
        timeout=30,
        allow_redirects=False,
    )
    return response.status_code, response.headers.get("Location", "")


def test_20_concurrent_donations_make_no_duplicate_sessions(
    gunicorn, donate_pages, funds, presets, stripe_double_server
):
    double = stripe_double_server
    double.reset()
    base = gunicorn(
        STRIPE_SECRET_KEY="sk_test_load_0000000000",
        STRIPE_WEBHOOK_SECRET="whsec_test_load",
        STRIPE_API_BASE=double.url,
        TRUSTED_PROXY_COUNT="1",  # each donor arrives from their own address
    )
    url = donate_pages["en"].url
    barrier = threading.Barrier(DONORS)

    def donor(number):
        barrier.wait(timeout=60)
        return _donor(base, url, number, funds["general"].pk, presets[("KGS", "1000")].pk)

    with ThreadPoolExecutor(max_workers=DONORS) as pool:
        results = list(pool.map(donor, range(DONORS)))

    assert [status for status, _ in results] == [303] * DONORS, results
    donations = list(Donation.objects.all())
    assert len(donations) == DONORS
    assert len({d.donor_email for d in donations}) == DONORS
    requests_made = double.requests_to("POST", "/v1/checkout/sessions")
    keys = [r["idempotency_key"] for r in requests_made]
    assert len(keys) == DONORS and len(set(keys)) == DONORS, keys
    assert set(keys) == {f"checkout-{d.attempt_key}" for d in donations}
    assert len(double.sessions) == DONORS
    session_ids = {d.stripe_checkout_session_id for d in donations}
    assert session_ids == set(double.sessions)
    assert {location for _, location in results} == {s["url"] for s in double.sessions.values()}
    assert django_settings.DONATION_RATE_LIMIT_PER_IP == 0  # the suite's; gunicorn used 10/IP
