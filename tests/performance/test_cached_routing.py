"""Page URLs resolve from the layout cache, and every change of the tree shows at once.

core.caching.routing keeps the site and each routed URL's page per page-cache
generation; core.caching.restrictions answers "no view restriction" without a
query. These tests run with the page cache off, so each request renders.
"""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from home.models import ContentPage
from tests.performance.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    return publish(home_page.add_child(instance=ContentPage(title="Биз жөнүндө", slug="about")))


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [query["sql"] for query in queries]


def test_a_known_url_routes_without_walking_the_tree(client, about):
    first, first_queries = queries_for(client, "/ky/about/")
    second, second_queries = queries_for(client, "/ky/about/")

    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    tree_walks = [sql for sql in second_queries if "wagtailcore_site" in sql]
    assert tree_walks == []
    # Wagtail's own check reads the restrictions of the page and its ancestors by id.
    restriction_checks = [
        sql for sql in second_queries if '"wagtailcore_pageviewrestriction"."page_id" IN' in sql
    ]
    assert restriction_checks == []
    assert len(second_queries) < len(first_queries)


def test_without_the_route_cache_wagtail_routes_every_render(client, settings, about):
    """PAGE_ROUTE_CACHE=false (for measuring it: docs/performance.md) turns it off."""
    settings.PAGE_ROUTE_CACHE = False
    client.get("/ky/about/")

    response, sql = queries_for(client, "/ky/about/")

    assert response.status_code == 200
    assert [query for query in sql if "wagtailcore_site" in query] != []


def test_unpublishing_a_routed_page_is_a_404_at_once(client, about):
    assert client.get("/ky/about/").status_code == 200

    Page.objects.get(pk=about.pk).unpublish()

    assert client.get("/ky/about/").status_code == 404


def test_a_new_slug_routes_at_once_and_the_old_one_stops(client, about):
    assert client.get("/ky/about/").status_code == 200

    about.slug = "biz-jonundo"
    publish(about)

    assert client.get("/ky/biz-jonundo/").status_code == 200
    assert client.get("/ky/about/").status_code in (301, 404)  # Wagtail may leave a redirect


def test_a_new_view_restriction_applies_at_once(client, about):
    assert client.get("/ky/about/").status_code == 200

    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/ky/about/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_restricted_section_keeps_guarding_its_children(client, home_page, about):
    child = publish(about.add_child(instance=ContentPage(title="Ички", slug="inner")))
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)

    for _ in range(2):  # the second time from the cached route
        assert client.get(child.url).status_code == 302


def test_sub_routes_of_a_routable_page_still_resolve(client, home_page):
    from donations.models import DonatePage

    donate = publish(home_page.add_child(instance=DonatePage(title="Жардам", slug="donate")))
    for _ in range(2):
        assert client.get(donate.url).status_code == 200
        assert client.get(donate.url + "thank-you/not-a-token/").status_code == 404
        assert client.get(donate.url + "no-such-route/").status_code == 404


def test_unknown_urls_are_not_remembered(client, home_page):
    client.get("/ky/")
    client.get("/ky/no-such-page/")  # the 404 page's own layout data
    keys_before = set(cache._cache)

    for number in range(20):
        assert client.get(f"/ky/no-such-page-{number}/").status_code == 404

    assert set(cache._cache) == keys_before


def test_made_up_sub_routes_are_not_remembered(client, home_page):
    from donations.models import DonatePage

    donate = publish(home_page.add_child(instance=DonatePage(title="Жардам", slug="donate")))
    client.get(donate.url)
    client.get(donate.url + "thank-you/made-up-0/")  # the 404 page's own layout data
    keys_before = set(cache._cache)

    for number in range(1, 20):
        assert client.get(donate.url + f"thank-you/made-up-{number}/").status_code == 404
        assert client.get(donate.url + f"demo-checkout/made-up-{number}/").status_code == 404

    assert set(cache._cache) == keys_before


def test_organisation_settings_are_read_once_per_generation(client, home_page):
    from core.models import OrganisationSettings

    client.get("/ky/")
    _response, sql = queries_for(client, "/ky/")
    assert [query for query in sql if "home_organisationsettings" in query] == []

    organisation = OrganisationSettings.load()
    organisation.short_name_ky = "SOS Балдар айылдары"
    organisation.save()

    assert "SOS Балдар айылдары" in client.get("/ky/").content.decode()


def test_a_restricted_article_leaves_the_news_listing_and_comes_back(client, news_index):
    from tests.performance.conftest import add_article

    shown = add_article(news_index, 1)
    hidden = add_article(news_index, 2)
    listing = client.get(news_index.url).content.decode()
    assert shown.title in listing and hidden.title in listing

    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )
    listing = client.get(news_index.url).content.decode()
    assert shown.title in listing and hidden.title not in listing

    restriction.delete()
    assert hidden.title in client.get(news_index.url).content.decode()


def test_a_preview_shows_the_draft_not_the_cached_live_fragments(client, news_index):
    from django.contrib.auth import get_user_model

    from tests.performance.conftest import add_article

    article = add_article(news_index, 1)
    article.body = [("paragraph", "<p>Жарыяланган текст</p>")]
    publish(article)
    assert "Жарыяланган текст" in client.get(article.url).content.decode()  # fragments stored

    draft = Page.objects.get(pk=article.pk).specific
    draft.body = [("paragraph", "<p>Долбоор текст</p>")]
    draft.save_revision()
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 16)
    client.force_login(editor)

    preview = client.get(f"/admin/pages/{article.pk}/view_draft/").content.decode()
    assert "Долбоор текст" in preview
    assert "Жарыяланган текст" not in preview

    client.logout()
    live = client.get(article.url).content.decode()
    assert "Жарыяланган текст" in live and "Долбоор текст" not in live
