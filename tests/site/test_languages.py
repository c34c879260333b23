"""Language switcher, hreflang links, the root redirect and the language cookie."""

import re

from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory

from wagtail.models import Page

import pytest

from home.navigation import pick_targets, translation_targets


def switcher(content):
    """``{language: href}`` from the rendered switcher, in page order."""
    nav = content.split('class="languages"', 1)[1].split("</nav>", 1)[0]
    return dict(
        (lang, href)
        for href, lang in re.findall(r'<a href="([^"]+)" lang="([a-z]+)" hreflang="\2"', nav)
    )


def alternates(content):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', content)


def test_pick_targets_prefers_the_page_then_the_nearest_ancestor():
    chain = ["page", "section", "home"]
    candidates = [
        ("ky", "page", "ky-page"),
        ("ky", "home", "ky-home"),
        ("ru", "section", "ru-section"),
        ("ru", "home", "ru-home"),
        ("en", "home", "en-home"),
    ]
    assert pick_targets(chain, candidates, ["ky", "ru", "en", "de"]) == {
        "ky": ("ky-page", True),
        "ru": ("ru-section", False),
        "en": ("en-home", False),
        "de": (None, False),
    }


def test_translation_targets_of_a_translated_page(tree):
    targets = translation_targets(tree["ru"]["programme"])
    assert {code: (page.pk, exact) for code, (page, exact) in targets.items()} == {
        "ky": (tree["ky"]["programme"].pk, True),
        "ru": (tree["ru"]["programme"].pk, True),
        "en": (tree["en"]["programme"].pk, True),
    }


def test_translation_targets_of_an_untranslated_page_use_the_nearest_ancestor(tree):
    targets = translation_targets(tree["ky"]["uzbekistan"])
    assert targets["ky"] == (tree["ky"]["uzbekistan"], True)
    assert targets["ru"][0].pk == tree["ru"]["about"].pk
    assert targets["en"][0].pk == tree["en"]["about"].pk
    assert targets["ru"][1] is targets["en"][1] is False


def test_translation_targets_skip_unpublished_translations(tree):
    tree["en"]["about"].unpublish()
    targets = translation_targets(tree["ky"]["uzbekistan"])
    assert targets["en"][0].pk == tree["en"]["home"].pk


def test_translation_targets_cost_the_same_queries_at_any_depth(tree, django_assert_num_queries):
    for name in ("about", "uzbekistan", "programme"):
        page = Page.objects.get(pk=tree["ky"][name].pk)
        # The ancestors, their live translations, and the page's own locale.
        with django_assert_num_queries(3):
            translation_targets(page)


def test_switcher_links_the_translation_of_the_page(client, tree):
    content = client.get(tree["ru"]["programme"].url).content.decode()
    links = switcher(content)
    assert list(links) == ["ky", "ru", "en"]
    assert links["ru"] == "/ru/programmes/family-environment/"
    assert links["ky"] == "/language/ky/?next=%2Fky%2Fprogrammes%2Ffamily-environment%2F"
    assert links["en"] == "/language/en/?next=%2Fen%2Fprogrammes%2Ffamily-environment%2F"
    assert 'aria-current="true">' in content.split('lang="ru" hreflang="ru"', 1)[1][:40]


def test_switcher_falls_back_to_the_nearest_translated_ancestor(client, tree):
    links = switcher(client.get(tree["ky"]["uzbekistan"].url).content.decode())
    assert links["ky"] == "/ky/about/uzbekistan/"
    assert links["ru"] == "/language/ru/?next=%2Fru%2Fabout%2F"
    assert links["en"] == "/language/en/?next=%2Fen%2Fabout%2F"
    story = switcher(client.get(tree["ru"]["story"].url).content.decode())
    assert story["en"] == "/language/en/?next=%2Fen%2Fstories%2F"


def test_switcher_shows_short_codes_and_full_names(client, tree):
    content = client.get("/en/").content.decode()
    nav = content.split('class="languages"', 1)[1].split("</nav>", 1)[0]
    short = re.findall(r'<span aria-hidden="true">([^<]+)</span>', nav)
    full = re.findall(r'<span class="visually-hidden">([^<]+)</span>', nav)
    assert short == ["КЫР", "РУ", "EN"]
    assert full == ["Кыргызча", "Русский", "English"]


def test_hreflang_lists_exactly_the_translations_and_x_default(client, tree):
    links = alternates(client.get(tree["en"]["advocacy"].url).content.decode())
    assert links == [
        ("ky", "http://testserver/ky/advocacy/"),
        ("ru", "http://testserver/ru/advocacy/"),
        ("en", "http://testserver/en/advocacy/"),
        ("x-default", "http://testserver/ky/advocacy/"),
    ]


def test_hreflang_leaves_out_missing_and_unpublished_translations(client, tree):
    story = alternates(client.get(tree["ru"]["story"].url).content.decode())
    assert [code for code, _url in story] == ["ky", "ru", "x-default"]
    alone = alternates(client.get(tree["ky"]["uzbekistan"].url).content.decode())
    assert alone == [
        ("ky", "http://testserver/ky/about/uzbekistan/"),
        ("x-default", "http://testserver/ky/about/uzbekistan/"),
    ]
    tree["ky"]["offices"].unpublish()
    offices = alternates(client.get(tree["ru"]["offices"].url).content.decode())
    assert offices == [
        ("ru", "http://testserver/ru/offices/"),
        ("en", "http://testserver/en/offices/"),
        ("x-default", "http://testserver/ru/offices/"),
    ]


def test_switcher_and_alternates_work_without_a_page(tree):
    request = RequestFactory().get("/ru/no-such-page/")
    with_language = Template(
        "{% load navigation_tags %}{% language_switcher as l %}{% alternate_links as a %}"
        "{% for x in l %}{{ x.code }}={{ x.url }};{% endfor %}|{{ a|length }}"
    )
    from django.utils import translation

    with translation.override("ru"):
        output = with_language.render(Context({"request": request}))
    assert output == (
        "ky=/language/ky/?next=%2Fky%2F;ru=/ru/no-such-page/;en=/language/en/?next=%2Fen%2F;|0"
    )


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, "/ky/"),
        ({"HTTP_ACCEPT_LANGUAGE": "ru-RU,ru;q=0.9,en;q=0.8"}, "/ru/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}, "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.9"}, "/ky/"),
        ({"HTTP_ACCEPT_LANGUAGE": "ky"}, "/ky/"),
    ],
)
def test_root_redirects_by_accept_language(client, db, headers, expected):
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_redirect_prefers_the_language_cookie(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response["Location"] == "/en/"


def test_switching_language_remembers_it_for_the_root(client, db):
    response = client.get("/language/ru/", {"next": "/ru/about/"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/about/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "ru"
    assert cookie["samesite"] == "Lax"
    assert "no-cache" in response["Cache-Control"]
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/ru/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "ru/about/", ""])
def test_switching_language_refuses_foreign_targets(client, db, target):
    response = client.get("/language/en/", {"next": target})
    assert response["Location"] == "/en/"


def test_switching_to_an_unknown_language_sets_no_cookie(client, db):
    response = client.get("/language/de/", {"next": "/ky/"}, follow=True)
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
