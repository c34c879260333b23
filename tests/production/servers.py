"""Production settings in child processes: `manage.py` commands and gunicorn on a free port."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
# Behind the TLS proxy every request arrives with this header (SECURE_PROXY_SSL_HEADER).
HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "sos-production-test"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(workdir, **extra):
    """The documented minimal production environment, its files under ``workdir``."""
    workdir = Path(workdir)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SENTRY_", "AWS_", "REDIS_", "DATABASE_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "sos_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
            "EMAIL_URL": "consolemail://",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "PAGE_CACHE_DIR": str(workdir / "page-cache"),
            "DONATIONS_DEMO_GATEWAY": "off",
            "WEB_CONCURRENCY": "1",
        }
    )
    env.update(extra)
    return env


def manage(env, *args, check=True, timeout=600):
    """Run one manage.py command in ``env``; return the finished process (text output)."""
    result = subprocess.run(  # noqa: S603 (our own fixed command)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result


@contextmanager
def gunicorn(env, log_path, timeout=90):
    """gunicorn with gunicorn.conf.py on a free port; yields its base URL, stops it after."""
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    with open(log_path, "w") as log:
        process = subprocess.Popen(  # noqa: S603 (our own fixed command)
            [GUNICORN, "--config", "gunicorn.conf.py", "sos_site.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                assert process.poll() is None, Path(log_path).read_text()
                try:
                    requests.get(f"{base}/healthz", headers=HEADERS, timeout=5)
                    break
                except requests.RequestException:
                    assert time.monotonic() < deadline, f"gunicorn did not answer in {timeout} s"
                    time.sleep(0.3)
            yield base
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
