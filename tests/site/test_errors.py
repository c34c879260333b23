"""Unknown paths and language prefixes give a localized 404, never a 500."""

import re
from pathlib import Path

from django.template import engines
from django.template.loader import get_template
from django.utils import translation

import pytest


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_unknown_page_is_a_404_in_the_language_of_the_prefix(client, tree, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response) == language
    assert 'class="page-not-found"' in response.content.decode()
    assert f'href="/{language}/"' in response.content.decode()


def test_404_speaks_the_language_of_the_prefix(client, tree):
    with translation.override("ru"):
        expected = translation.gettext("Page not found")
    response = client.get("/ru/no/such/page/")
    assert expected in response.content.decode()


@pytest.mark.parametrize("path", ["/xx/", "/xx/foo/", "/de/", "/de/about/", "/xx/foo", "/zh-hans/"])
def test_unknown_language_prefix_is_a_direct_kyrgyz_404(client, tree, path):
    response = client.get(path)
    assert response.status_code == 404
    assert html_lang(response) == "ky"
    assert 'class="page-not-found"' in response.content.decode()


def test_unknown_language_prefix_404_follows_the_visitors_language(client, tree):
    response = client.get("/xx/foo/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert html_lang(response) == "en"


def test_unprefixed_unknown_path_ends_in_a_404_under_the_visitors_prefix(client, tree):
    response = client.get("/no-such-page/", follow=True)
    assert response.redirect_chain == [("/ky/no-such-page/", 302)]
    assert response.status_code == 404
    assert html_lang(response) == "ky"


def test_500_page_renders_without_request_or_database(db, django_assert_num_queries):
    with django_assert_num_queries(0), translation.override("ru"):
        html = get_template("500.html").render()
    assert '<html lang="ru"' in html
    assert 'href="/static/css/site.css"' in html
    assert "{%" not in html


def test_500_template_loads_only_the_i18n_library():
    origin = engines["django"].engine.find_template("500.html")[0].origin
    source = Path(origin.name).read_text()
    assert re.findall(r"{% load ([^%]+) %}", source) == ["i18n"]
