"""A release names the page cache's generation; `manage.py release` starts it afresh.

The whole deploy (pages cached by two gunicorns in Redis, a stylesheet changed,
`release` into a new static root, a restart, no static link answering 404) is
`deploy_drill()` in scripts/prod_smoke.py, run by CI.
"""

import json

from django.core.cache import caches
from django.core.management import call_command

import pytest

from core.caching import store
from core.release import release_id, source_digest


@pytest.fixture
def manifest_storage(settings, tmp_path):
    """Production's kind of static storage (hashed names in a manifest), in tmp_path."""
    settings.STATIC_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }

    def write(css_name):
        manifest = {"paths": {"css/site.css": css_name}, "version": "1.1", "hash": css_name}
        (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))

    return write


def test_the_release_follows_the_static_manifest(manifest_storage):
    manifest_storage("css/site.1a2b3c.css")
    before = source_digest()
    assert source_digest() == before
    manifest_storage("css/site.4d5e6f.css")
    assert source_digest() != before


def test_release_id_from_the_environment_wins(settings):
    settings.RELEASE_ID = "build-42"
    release_id.cache_clear()
    try:
        assert release_id() == "build-42"
    finally:
        release_id.cache_clear()


def test_the_generation_key_names_the_release():
    assert store.generation_key(release_id()) == store.GENERATION_KEY
    assert store.GENERATION_KEY.endswith(":" + release_id())


def test_manage_py_release_retires_cached_pages(client, settings, tmp_path, home_page, monkeypatch):
    # The browser tests' conftest (collected in the same run) allows async-unsafe calls for
    # Playwright; the deploy check the command runs refuses that, as it should in production.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    settings.PAGE_CACHE_ENABLED = True
    settings.STATIC_ROOT = str(tmp_path / "static")
    caches[settings.PAGE_CACHE_ALIAS].clear()
    client.get("/ky/")
    assert client.get("/ky/")["X-Page-Cache"] == "hit"

    call_command("release", verbosity=0)

    assert (tmp_path / "static" / "css").is_dir(), "collectstatic ran"
    assert client.get("/ky/")["X-Page-Cache"] == "miss"
    assert client.get("/ky/")["X-Page-Cache"] == "hit"
