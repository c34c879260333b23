"""Fixtures shared by the whole suite: locales, a site with a home page per locale."""

import pytest

from wagtail.models import Locale, Page, Site

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
