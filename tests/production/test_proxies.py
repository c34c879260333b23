"""TRUSTED_PROXY_COUNT 0 behind a proxy: logged once, reported by check --deploy."""

import logging

from django.core.cache import cache
from django.core.checks import run_checks

import pytest

from core.security import UNTRUSTED_PROXY_KEY


@pytest.fixture(autouse=True)
def forget_the_mark():
    cache.delete(UNTRUSTED_PROXY_KEY)
    yield
    cache.delete(UNTRUSTED_PROXY_KEY)


def deploy_warnings():
    return [m for m in run_checks(include_deployment_checks=True) if m.id == "sos_site.W001"]


def test_forwarded_requests_without_trusted_proxies_warn_once_and_fail_the_deploy_check(
    client, db, settings, caplog
):
    settings.TRUSTED_PROXY_COUNT = 0
    caplog.set_level(logging.WARNING, logger="core.security")
    assert client.get("/healthz").status_code == 200
    assert deploy_warnings() == []

    for _ in range(3):
        client.get("/healthz", HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="10.0.0.2")

    logged = [r for r in caplog.records if "TRUSTED_PROXY_COUNT is 0" in r.getMessage()]
    assert len(logged) == 1
    warnings = deploy_warnings()
    assert len(warnings) == 1
    assert "10.0.0.2" in warnings[0].msg
    assert "TRUSTED_PROXY_COUNT" in warnings[0].hint


def test_trusted_proxies_raise_no_warning(client, db, settings, caplog):
    settings.TRUSTED_PROXY_COUNT = 1
    caplog.set_level(logging.WARNING, logger="core.security")
    client.get("/healthz", HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="10.0.0.2")
    assert not [r for r in caplog.records if "TRUSTED_PROXY_COUNT" in r.getMessage()]
    assert cache.get(UNTRUSTED_PROXY_KEY) is None
    assert deploy_warnings() == []


def test_the_deploy_check_is_quiet_once_proxies_are_trusted(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    client.get("/healthz", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert deploy_warnings()
    settings.TRUSTED_PROXY_COUNT = 2
    assert deploy_warnings() == []
