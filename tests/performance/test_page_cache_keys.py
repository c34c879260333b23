"""Which query strings share a cached page, and which may never create an entry."""

from django.test import Client

import pytest

from home.models import NewsPageTopic, NewsTopic
from tests.performance.conftest import add_article

pytestmark = pytest.mark.django_db


def status(url):
    return Client().get(url)["X-Page-Cache"]


@pytest.mark.parametrize(
    "query",
    [
        "utm_source=facebook&utm_medium=social&utm_campaign=winter",
        "fbclid=IwAR0abc",
        "gclid=Cj0KCQ",
        "yclid=123",
        "UTM_Source=x",
    ],
)
def test_tracking_parameters_are_a_hit_on_the_plain_page(page_cache, home_page, query):
    assert status("/ky/") == "miss"
    response = Client().get(f"/ky/?{query}")
    assert response["X-Page-Cache"] == "hit"
    assert response.content == Client().get("/ky/").content


def test_a_tracked_link_fills_the_plain_entry(page_cache, home_page):
    assert status("/ky/?utm_source=newsletter&gclid=1") == "miss"
    assert status("/ky/") == "hit"


def test_unknown_parameters_get_the_plain_page_but_never_an_entry_of_their_own(
    page_cache, home_page
):
    # Nothing cached yet: rendered for the asker, not stored (not even as the plain page).
    assert status("/ky/?x=1") == "skip"
    assert status("/ky/?y=2&x=1") == "skip"
    assert status("/ky/") == "miss"
    # Cached: served from the plain entry.
    assert status("/ky/?x=3") == "hit"


@pytest.fixture
def news_with_two_pages(news_index, locales):
    topic = NewsTopic.objects.create(name="Билим", slug="education", locale=locales["ky"])
    for number in range(1, 13):  # 10 per page
        article = add_article(news_index, number)
        NewsPageTopic.objects.create(page=article, topic=topic)
    return news_index


def test_the_pages_a_listing_links_to_are_cached_in_one_order(page_cache, news_with_two_pages):
    assert status("/ky/news/?page=2") == "miss"
    assert status("/ky/news/?page=2&utm_source=x") == "hit"
    assert status("/ky/news/?tag=education&page=2") == "miss"
    assert status("/ky/news/?page=2&tag=education") == "hit"
    assert status("/ky/news/?page=1") == "miss"  # the "newer" link of page 2


@pytest.mark.parametrize(
    "query",
    ["page=abc", "page=999", "page=0", "tag=no-such-topic", "tag=Билим", "page=2&tag=nope"],
)
def test_values_the_listing_does_not_link_to_never_create_entries(
    page_cache, news_with_two_pages, query
):
    first = Client().get(f"/ky/news/?{query}")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "skip"
    assert status(f"/ky/news/?{query}") == "skip"


def test_search_results_are_never_stored(page_cache, home_page, locales):
    assert status("/ky/search/?q=балдар") == "skip"
    assert status("/ky/search/?q=балдар") == "skip"
    assert status("/ky/search/") == "miss"
