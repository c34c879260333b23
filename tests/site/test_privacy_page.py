"""The privacy notice: a page type editors keep, linked from every page's footer."""

import pytest

from home.models import ContentPage, HomePage, PrivacyPage
from tests.privacy_pages import TITLES, make_privacy_pages

LANGUAGES = ("ky", "ru", "en")


@pytest.fixture
def privacy_pages(home_page, locales):
    return make_privacy_pages(home_page, locales)


def footer_of(html):
    return html.split('<footer class="site-footer">', 1)[1].split("</footer>", 1)[0]


def test_privacy_page_rules(home_page):
    assert PrivacyPage.parent_page_types == ["home.HomePage"]
    assert PrivacyPage.subpage_types == []
    assert "home.PrivacyPage" in HomePage.subpage_types
    assert PrivacyPage.can_create_at(home_page)
    about = home_page.add_child(instance=ContentPage(title="Биз жөнүндө", slug="about"))
    assert not PrivacyPage.can_create_at(about)


def test_one_privacy_page_per_home_page(privacy_pages, home_page):
    assert not PrivacyPage.can_create_at(home_page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_renders_and_every_footer_links_it_in_its_language(
    client, privacy_pages, language
):
    page = privacy_pages[language]
    response = client.get(f"/{language}/privacy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html and f"<h1>{TITLES[language]}</h1>" in html
    assert '<time datetime="2026-11-30">' in html

    footer = footer_of(client.get(f"/{language}/").content.decode())
    assert f'<a href="{page.url}">' in footer
    assert page.url == f"/{language}/privacy/"
    label = {"ky": "Купуялуулук саясаты", "ru": "Политика конфиденциальности"}
    assert label.get(language, "Privacy notice") in footer


def test_no_link_without_a_live_page_and_it_goes_at_once(client, privacy_pages):
    assert "/en/privacy/" in footer_of(client.get("/en/").content.decode())
    privacy_pages["en"].unpublish()
    assert "/en/privacy/" not in footer_of(client.get("/en/").content.decode())
    # The other languages keep theirs.
    assert "/ru/privacy/" in footer_of(client.get("/ru/").content.decode())


def test_without_any_privacy_page_the_footer_has_no_link(client, home_page):
    footer = footer_of(client.get("/ky/").content.decode())
    assert "privacy" not in footer and "Купуялуулук" not in footer
