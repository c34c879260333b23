"""sos_site.settings.production: refuses unsafe configurations; `check --deploy` is clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

# The minimal production environment of docs/production.md ("Minimal environment").
DOCUMENTED_ENV = {
    "DJANGO_SETTINGS_MODULE": "sos_site.settings.production",
    "SECRET_KEY": "Jq6v0l3TzX9bN2kRfW8pYc4sHd7aMe1uGo5iLtQx-Zr_Vy0wBn3CmKj",
    "ALLOWED_HOSTS": "sos-kyrgyzstan.example,www.sos-kyrgyzstan.example",
    "CSRF_TRUSTED_ORIGINS": "https://sos-kyrgyzstan.example",
    "DATABASE_URL": "postgres://sos:secret@127.0.0.1:5432/sos",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    "WAGTAILADMIN_BASE_URL": "https://sos-kyrgyzstan.example",
}


def manage(*args, **overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    for key in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DONATIONS_DEMO_GATEWAY"):
        env.pop(key, None)
    env.update(DOCUMENTED_ENV)
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_documented_variables():
    result = manage("check", "--deploy", "--fail-level", "DEBUG")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set"),
        ({"DEBUG": "on"}, "DEBUG must be off"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS must list"),
        ({"DONATIONS_DEMO_GATEWAY": "true"}, "demo payment gateway"),
    ],
    ids=["no-secret", "empty-secret", "debug", "no-hosts", "demo-gateway"],
)
def test_production_refuses_to_start_when_unsafe(overrides, message):
    result = manage("check", **overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_logs_are_json_lines_on_stdout():
    result = manage(
        "shell",
        "-c",
        "import logging; logging.getLogger('sos_site.test').warning("
        "'receipt sent to donor.name@example.org for card 4242 4242 4242 4242')",
    )
    assert result.returncode == 0, result.stderr
    import json

    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    entry = next(line for line in lines if line["logger"] == "sos_site.test")
    assert entry["level"] == "WARNING"
    assert "donor.name@example.org" not in entry["message"]
    assert "d***@example.org" in entry["message"]
    assert "4242 4242 4242 4242" not in entry["message"]


def test_sentry_is_initialised_only_with_a_dsn():
    probe = "import sentry_sdk; print('SENTRY', sentry_sdk.get_client().is_active())"
    without = manage("shell", "-c", probe)
    assert without.returncode == 0, without.stderr
    assert "SENTRY False" in without.stdout
    with_dsn = manage("shell", "-c", probe, SENTRY_DSN="https://public@sentry.example.org/1")
    assert with_dsn.returncode == 0, with_dsn.stderr
    assert "SENTRY True" in with_dsn.stdout
