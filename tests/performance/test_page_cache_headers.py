"""Headers of cached pages that shared caches (a CDN, a proxy) and browsers rely on."""

from django.contrib.auth import get_user_model
from django.test import Client

import pytest

pytestmark = pytest.mark.django_db

SHARED = ("Cache-Control", "ETag", "Vary", "Content-Type", "Content-Language")


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value}


def test_anonymous_pages_vary_on_nothing_a_visitor_sends(page_cache, home_page):
    miss = Client().get("/ky/")
    hit = Client().get("/ky/", HTTP_COOKIE="sos_language=ru; _ga=GA1.1.1")
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    for response in (miss, hit):
        assert "public" in response["Cache-Control"]
        assert vary(response) <= {"accept-encoding"}, response.get("Vary")


def test_an_editor_gets_a_private_page_that_varies_on_the_cookie(page_cache, home_page):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 16)
    client = Client()
    client.force_login(editor)

    response = client.get("/ky/")

    assert "private" in response["Cache-Control"]
    assert "cookie" in vary(response)
    assert "wagtail-userbar" in response.content.decode()


def test_anonymous_pages_carry_no_user_bar(page_cache, home_page):
    assert "wagtail-userbar" not in Client().get("/ky/").content.decode()


@pytest.mark.parametrize("first", ["HEAD", "GET"])
def test_head_gets_the_headers_of_get(page_cache, home_page, first):
    client = Client()
    requests = {"HEAD": client.head, "GET": client.get}
    second = "GET" if first == "HEAD" else "HEAD"

    one = requests[first]("/ky/")
    other = requests[second]("/ky/")

    assert one.status_code == other.status_code == 200
    assert "public" in one["Cache-Control"]
    assert other["X-Page-Cache"] == "hit"
    for name in SHARED:
        assert one.get(name) == other.get(name), name
    assert client.head("/ky/").content == b""
