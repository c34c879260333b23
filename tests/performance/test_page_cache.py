"""The full-page cache: free hits, never private responses, changes visible at once."""

import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import Client

from wagtail.models import Page

import pytest

from core.models import OrganisationSettings
from home.models import Office
from tests.performance.conftest import add_article, publish

pytestmark = pytest.mark.django_db

TEST_TEMPLATES = Path(__file__).parent / "templates"


def test_second_anonymous_get_is_a_hit_without_queries(
    client, page_cache, home_page, django_assert_num_queries
):
    first = client.get("/ky/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get("/ky/")

    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_public_pages_carry_headers_a_cdn_can_use(client, page_cache, home_page):
    for response in (client.get("/ky/"), client.get("/ky/")):
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert "public" in directives
        assert any(d.startswith("s-maxage=") for d in directives)
        assert any(d.startswith("stale-while-revalidate=") for d in directives)
        assert "Set-Cookie" not in response


def test_etag_revalidation_answers_not_modified(client, page_cache, home_page):
    etag = client.get("/ky/")["ETag"]
    response = client.get("/ky/", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""


def test_the_key_holds_the_host_and_the_parameters_pages_read(client, page_cache, home_page):
    client.get("/ky/")
    assert client.get("/ky/", HTTP_HOST="other.example")["X-Page-Cache"] == "miss"
    # The home page reads no ?page: rendered for the asker, never stored.
    assert client.get("/ky/?page=2")["X-Page-Cache"] == "skip"
    assert client.get("/ky/?page=2")["X-Page-Cache"] == "skip"


def test_logged_in_users_are_never_served_or_stored(client, page_cache, home_page):
    client.get("/ky/")  # stored for anonymous visitors
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 16)
    client.force_login(editor)

    response = client.get("/ky/")

    assert response.get("X-Page-Cache") != "hit"
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_AUTHORIZATION": "Basic ZWRpdG9yOng="},
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "messages=abc"},
    ],
    ids=["authorization", "session-cookie", "messages-cookie"],
)
def test_requests_that_may_be_personal_bypass_the_cache(page_cache, home_page, extra):
    Client().get("/ky/")
    response = Client().get("/ky/", **extra)
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]


def test_unrelated_cookies_still_get_cached_pages(page_cache, home_page):
    Client().get("/ky/")
    response = Client().get("/ky/", HTTP_COOKIE="sos_language=ru; csrftoken=abc")
    assert response["X-Page-Cache"] == "hit"


def test_post_and_errors_are_not_cached(client, page_cache, home_page):
    assert client.get("/ky/no-such-page/").status_code == 404
    missing = client.get("/ky/no-such-page/")
    assert missing.get("X-Page-Cache") == "skip"
    assert "no-store" in missing["Cache-Control"]
    assert client.post("/ky/").get("X-Page-Cache") is None


def test_admin_and_pages_outside_the_language_prefix_are_private(client, page_cache, home_page):
    response = client.get("/admin/login/")
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]


def test_preview_is_never_cached(client, page_cache, home_page):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 16)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{home_page.pk}/view_draft/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]


def test_publishing_shows_at_once(client, page_cache, home_page):
    client.get("/ky/")
    home_page.title = "Жаңы аталыш"
    publish(home_page)

    response = client.get("/ky/")

    assert response["X-Page-Cache"] == "miss"
    assert "Жаңы аталыш" in response.content.decode()


def test_publishing_an_article_refreshes_its_listing(client, page_cache, news_index):
    add_article(news_index, 1)
    assert "Жаңылык 1" in client.get("/ky/news/").content.decode()

    add_article(news_index, 2)

    assert "Жаңылык 2" in client.get("/ky/news/").content.decode()


def test_unpublishing_removes_the_page_and_its_listing_entry(client, page_cache, news_index):
    article = add_article(news_index, 1)
    assert client.get("/ky/news/article-1/").status_code == 200
    client.get("/ky/news/")

    article.unpublish()

    assert client.get("/ky/news/article-1/").status_code == 404
    assert "Жаңылык 1" not in client.get("/ky/news/").content.decode()


def test_deleting_a_page_removes_it(client, page_cache, news_index):
    article = add_article(news_index, 1)
    assert client.get("/ky/news/article-1/").status_code == 200

    Page.objects.get(pk=article.pk).delete()

    assert client.get("/ky/news/article-1/").status_code == 404


def test_moving_a_page_retires_its_old_address(client, page_cache, home_page, news_index):
    article = add_article(news_index, 1)
    other_index = publish(news_index.copy(update_attrs={"slug": "news-2", "title": "Башка"}))
    assert client.get("/ky/news/article-1/").status_code == 200

    Page.objects.get(pk=article.pk).move(other_index, pos="last-child")

    old_address = client.get("/ky/news/article-1/")
    assert old_address.status_code in (301, 404)  # Wagtail may leave a redirect behind
    assert old_address.get("X-Page-Cache") != "hit"
    assert client.get("/ky/news-2/article-1/").status_code == 200


def test_snippet_edits_show_on_every_page(client, page_cache, home_page, locales):
    client.get("/ky/")
    before = client.get("/ky/")
    assert before["X-Page-Cache"] == "hit"

    Office.objects.create(name="Бишкек", address="Исанов 94/3", locale=locales["ky"])

    assert client.get("/ky/")["X-Page-Cache"] == "miss"


def test_organisation_settings_edits_show_on_every_page(client, page_cache, home_page):
    client.get("/ky/")
    organisation = OrganisationSettings.load()
    organisation.short_name_ky = "Жаңы кыска аталыш"
    organisation.save()

    response = client.get("/ky/")

    assert response["X-Page-Cache"] == "miss"
    assert "Жаңы кыска аталыш" in response.content.decode()


def test_fund_and_preset_edits_show_on_the_cached_donate_page(client, page_cache, donate_page):
    from decimal import Decimal

    from donations.models import Fund, PresetAmount

    fund = Fund.objects.create(name_ky="Билим берүү", slug="education", is_default=True)
    client.get("/ky/donate/")
    assert client.get("/ky/donate/")["X-Page-Cache"] == "hit"

    fund.name_ky = "Балдардын билими"
    fund.save()
    response = client.get("/ky/donate/")
    assert response["X-Page-Cache"] == "miss"
    assert "Балдардын билими" in response.content.decode()

    assert client.get("/ky/donate/")["X-Page-Cache"] == "hit"
    preset = PresetAmount.objects.create(currency="KGS", amount=Decimal("7777"))
    response = client.get("/ky/donate/")
    assert response["X-Page-Cache"] == "miss"
    assert f'name="preset" value="{preset.pk}"' in response.content.decode()


def test_a_render_that_straddles_a_change_is_never_served(client, page_cache, home_page):
    """Entries carry the generation read before rendering, so a change during a render wins."""
    from django.test.signals import template_rendered

    from core.caching.store import bump_generation

    def change_while_rendering(**kwargs):
        template_rendered.disconnect(change_while_rendering)
        bump_generation()

    template_rendered.connect(change_while_rendering)
    try:
        client.get("/ky/")
    finally:
        template_rendered.disconnect(change_while_rendering)

    assert client.get("/ky/")["X-Page-Cache"] == "miss"


CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_a_csrf_form_gives_each_visitor_their_own_token(settings, page_cache, donate_page):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [TEST_TEMPLATES, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    first = Client().get("/ky/donate/")
    second = Client().get("/ky/donate/")

    tokens = [CSRF_INPUT.search(response.content).group(1) for response in (first, second)]
    assert tokens[0] != tokens[1]
    assert second["X-Page-Cache"] == "skip"
    assert "private" in second["Cache-Control"]


def test_the_donate_form_is_shared_and_its_review_step_is_not(page_cache, donate_page):
    """The blank form carries no token (cached); the review step gives each donor their own."""
    first = Client().get("/ky/donate/")
    second = Client().get("/ky/donate/")
    assert first.status_code == second.status_code == 200
    assert CSRF_INPUT.search(second.content) is None
    assert second["X-Page-Cache"] == "hit"
    assert "public" in second["Cache-Control"]

    action = re.search(rb'<form class="donate-form" method="post" action="([^"]+)"', second.content)
    reviews = [Client().post(action.group(1).decode(), {}) for _ in range(2)]
    assert [review.status_code for review in reviews] == [400, 400]  # nothing chosen yet
    assert "X-Page-Cache" not in reviews[1]
    assert "no-store" in reviews[1]["Cache-Control"]


def test_a_page_that_uses_a_csp_nonce_is_not_shared(settings, page_cache, donate_page):
    nonce_templates = Path(__file__).parent / "templates_nonce"
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [nonce_templates, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    first = Client().get("/ky/donate/")
    second = Client().get("/ky/donate/")

    nonces = [re.search(rb'data-nonce="([^"]+)"', r.content).group(1) for r in (first, second)]
    assert nonces[0] != nonces[1]
    assert second["X-Page-Cache"] == "skip"
