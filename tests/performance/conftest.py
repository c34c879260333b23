"""Pages to cache and measure: a home page, a news index with articles, a donate page."""

import datetime

from django.core.cache import caches

from wagtail.models import Page

import pytest

from donations.models import DonatePage
from home.models import NewsIndexPage, NewsPage


@pytest.fixture
def page_cache(settings):
    """The full-page cache, switched on and empty."""
    settings.PAGE_CACHE_ENABLED = True
    cache = caches[settings.PAGE_CACHE_ALIAS]
    cache.clear()
    yield cache
    cache.clear()


def publish(page):
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def news_index(home_page):
    return publish(home_page.add_child(instance=NewsIndexPage(title="Жаңылыктар", slug="news")))


def add_article(news_index, number):
    article = NewsPage(
        title=f"Жаңылык {number}",
        slug=f"article-{number}",
        intro=f"Кыскача {number}",
        date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
    )
    return publish(news_index.add_child(instance=article))


@pytest.fixture
def donate_page(home_page):
    return publish(home_page.add_child(instance=DonatePage(title="Жардам берүү", slug="donate")))
