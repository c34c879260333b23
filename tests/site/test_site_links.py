"""Site-wide links (core.links): apps register them, the chrome and the emails show them.

Core and home never import donations: the donate button in the header comes from
the link donations registers; the privacy notice from the one home registers.
"""

from django.template import Context, Template
from django.utils import translation

from wagtail import hooks

import pytest

from core.links import SITE_LINK_HOOK, registered_links, site_link_url
from donations.models import DonatePage
from home.models import ContentPage, PrivacyPage
from tests.privacy_pages import make_privacy_pages


def header_of(html):
    return html.split("<header", 1)[1].split("</header>", 1)[0]


def test_donations_and_home_register_their_links():
    links = registered_links()
    assert links["donate"] is DonatePage
    assert links["privacy"] is PrivacyPage


def test_a_link_is_the_live_page_of_its_type_below_the_language_home(home_page, locales):
    assert site_link_url("privacy", "ru") is None
    pages = make_privacy_pages(home_page, locales)
    assert site_link_url("privacy", "ru") == "/ru/privacy/"
    assert site_link_url("privacy", "ky") == "/ky/privacy/"
    pages["ru"].unpublish()
    assert site_link_url("privacy", "ru") is None
    assert site_link_url("donate", "ky") is None  # no donate page yet


def test_a_name_nobody_registered_has_no_url(home_page):
    assert site_link_url("nothing", "ky") is None


def test_a_link_another_app_registers_is_shown_by_the_tag(home_page):
    home_page.add_child(instance=ContentPage(title="Биз жөнүндө", slug="about"))
    template = Template('{% load site_link_tags %}[{% site_link_url "about" %}]')
    with translation.override("ky"):
        assert template.render(Context({})) == "[None]"
        with hooks.register_temporarily(SITE_LINK_HOOK, lambda: ("about", ContentPage)):
            assert template.render(Context({})) == "[/ky/about/]"


@pytest.mark.parametrize("language", ["ky", "en"])
def test_the_header_shows_the_donate_button_only_with_a_donate_page(
    client, home_page, locales, language
):
    if language != "ky":
        home_page.copy_for_translation(locales[language]).save_revision().publish()
    assert "button--donate" not in header_of(client.get(f"/{language}/").content.decode())
    donate = DonatePage(title="Кайрымдуулук", slug="donate")
    home_page.add_child(instance=donate)
    donate.save_revision().publish()
    if language != "ky":
        donate.copy_for_translation(locales[language]).save_revision().publish()
    header = header_of(client.get(f"/{language}/").content.decode())
    assert f'class="button button--donate" href="/{language}/donate/"' in header
