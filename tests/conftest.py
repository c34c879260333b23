"""Fixtures shared by the whole suite: locales, a site with a home page per locale."""

import os

from wagtail.models import Locale, Page, Site

import pytest

from home.models import HomePage


@pytest.fixture
def locales(db):
    """The three content locales, Kyrgyz first (created by Wagtail's migration)."""
    ky, _ = Locale.objects.get_or_create(language_code="ky")
    ru, _ = Locale.objects.get_or_create(language_code="ru")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"ky": ky, "ru": ru, "en": en}


@pytest.fixture
def home_page(locales):
    """A Kyrgyz home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Башкы бет",
            # Wagtail's welcome page, a sibling until it is deleted below, already uses "home".
            slug="bashky-bet",
            slogan="Ар бир балага сүйүктүү үй",
            locale=locales["ky"],
        )
    )
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.specific_class is Page:
        old_root.delete()
    return home


@pytest.fixture(autouse=True)
def staff_read_the_admin_in_english():
    """Users made by tests choose English for the admin, so assertions can quote its text.

    Without a choice the admin follows the browser, falling back to Russian
    (tests/i18n/test_admin_language.py covers that).
    """
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_save

    from wagtail.users.models import UserProfile

    def choose_english(sender, instance, created, raw=False, **kwargs):
        if created and not raw:
            UserProfile.objects.update_or_create(
                user=instance, defaults={"preferred_language": "en"}
            )

    user_model = get_user_model()
    post_save.connect(choose_english, sender=user_model, dispatch_uid="tests-admin-english")
    yield
    post_save.disconnect(sender=user_model, dispatch_uid="tests-admin-english")


@pytest.fixture(autouse=True)
def fresh_page_cache_generation():
    """A new generation and an empty default cache per test: the rollback of the last
    test's data bumps nothing, and SQLite hands out the same ids again after it.

    Layout data, routes and fragments (core.caching), cached pages and image
    renditions (Wagtail keeps them in the default cache, keyed by image id) of an
    earlier test are then never served to this one.
    """
    from django.core.cache import cache

    from core.caching.store import bump_generation

    cache.clear()
    bump_generation()


def pytest_collection_modifyitems(items):
    """Mark the tests that restore the migrated data with ``serialized_rollback``.

    A transactional test's flush emits post_migrate, which recreates content types and the
    finance group under new ids; a serialized copy loaded after that collides with them.
    `make test` therefore runs these tests in a pytest process of their own.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("serialized_rollback"):
            item.add_marker(pytest.mark.serialized_db)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """With REQUIRE_ALL_TOOLS=1 (set by .ci/run) a skipped test fails: install the tool.

    The one skip that stays a skip is a PostgreSQL-only test in the SQLite run (marked
    ``postgres`` or skipped with a reason that names PostgreSQL); `make test-postgres`
    runs those, and there a skip fails like any other.
    """
    report = yield
    if not (report.skipped and os.environ.get("REQUIRE_ALL_TOOLS") == "1"):
        return report
    if hasattr(report, "wasxfail"):
        return report
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    from django.db import connection

    needs_postgres = item.get_closest_marker("postgres") or "postgres" in reason.lower()
    if connection.vendor == "sqlite" and needs_postgres:
        return report
    report.outcome = "failed"
    report.longrepr = f"skipped, but REQUIRE_ALL_TOOLS=1 asks for every tool: {reason}"
    return report
