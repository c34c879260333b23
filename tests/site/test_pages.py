"""Every public page type renders in every language, with the right chrome."""

import re

import pytest
from wagtail_factories import ImageFactory

from core.models import OrganisationSettings
from home.models import Office

LANGUAGES = ("ky", "ru", "en")
# News templates belong to the editorial area and are tested there.
PAGE_NAMES = (
    "home",
    "about",
    "advocacy",
    "offices",
    "programmes",
    "programme",
    "stories",
    "donate",
)


def html_lang(content):
    return re.search(r'<html lang="([^"]+)"', content).group(1)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_page_type_renders_in_its_language(client, tree, language, name):
    page = tree[language][name]
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert page.url.startswith(f"/{language}/")
    assert html_lang(content) == language
    assert f"<title>{page.title}" in content or name == "home"
    assert '<main id="main"' in content
    assert 'href="#main"' in content


@pytest.mark.parametrize("language", ("ky", "ru"))
def test_story_renders_where_translated(client, tree, language):
    response = client.get(tree[language]["story"].url)
    assert response.status_code == 200
    assert html_lang(response.content.decode()) == language


def test_home_page_shows_figures_news_and_call_to_donate(client, tree):
    content = client.get("/ky/").content.decode()
    assert "Ар бир балага сүйүктүү үй" in content
    assert "Балдардын укуктарын коргойбуз." in content
    assert "өлкө жана аймак" in content
    assert 'href="/ky/news/project/"' in content
    assert content.count('href="/ky/donate/"') >= 2  # header button and the call to donate


def test_primary_navigation_lists_live_menu_pages_of_the_language(client, tree):
    content = client.get(tree["ru"]["programme"].url).content.decode()
    nav = content.split('class="primary-nav"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/ru/about/"' in nav
    assert 'href="/ru/programmes/" aria-current="true"' in nav
    assert "/ru/news/" not in nav  # not in the menu
    assert "/ky/" not in nav


def test_navigation_leaves_out_unpublished_pages(client, tree):
    tree["en"]["about"].unpublish()
    nav = client.get("/en/").content.decode().split('class="primary-nav"', 1)[1]
    assert "/en/about/" not in nav.split("</nav>", 1)[0]


def test_programme_facts_follow_the_language(client, tree):
    ky = client.get(tree["ky"]["programme"].url).content.decode()
    en = client.get(tree["en"]["programme"].url).content.decode()
    assert "677\xa0737\xa0€" in ky
    assert "€677,737" in en
    assert '<time datetime="2018-07-01">July 1, 2018</time>' in en
    assert "Европа Биримдиги" in ky
    assert '<dl class="facts">' in en
    assert "Completed" in en


def test_footer_shows_the_head_office_of_the_language(client, tree):
    ky = client.get("/ky/").content.decode()
    ru = client.get("/ru/").content.decode()
    assert "Улуттук координациялык кеңсе" in ky
    assert "Head office (ru)" in ru
    assert 'href="tel:+996312611546"' in ru


def test_footer_falls_back_to_the_kyrgyz_head_office(client, tree):
    Office.objects.filter(locale__language_code="en").delete()
    assert "Улуттук координациялык кеңсе" in client.get("/en/").content.decode()


def test_donate_page_renders_its_title(client, tree):
    content = client.get("/ru/donate/").content.decode()
    assert "<h1>Жардам берүү (ru)</h1>" in content


def test_pages_need_no_inline_script_or_style(client, tree):
    content = client.get(tree["ky"]["advocacy"].url).content.decode()
    assert "style=" not in content
    assert "<style" not in content
    assert re.search(r"<script(?![^>]*\bsrc=)", content) is None


def test_favicon_ico_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("favicon.ico")
    assert response["Location"].startswith("/static/")


def test_organisation_name_follows_the_language(client, tree):
    organisation = OrganisationSettings.load()
    organisation.short_name_ky = "SOS Балдар Айылдары Кыргызстан"
    organisation.short_name_en = "SOS Children's Villages Kyrgyzstan"  # same as the field default
    organisation.save()
    assert '<span class="brand__name">SOS Children&#x27;s Villages Kyrgyzstan</span>' in (
        client.get("/en/").content.decode()
    )
    assert '<span class="brand__name">SOS Балдар Айылдары Кыргызстан</span>' in (
        client.get("/ky/").content.decode()
    )


def test_images_are_responsive_webp_pictures(client, tree, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    image = ImageFactory(title="Көк үйлөр", file__width=1200, file__height=800)
    story = tree["ky"]["story"]
    story.image = image
    story.save_revision().publish()

    page = client.get(story.url).content.decode()
    picture = page.split("<picture>", 1)[1].split("</picture>", 1)[0]
    assert 'type="image/webp"' in picture
    assert ".webp 480w" in picture and ".jpg 800w" in picture
    assert 'alt="Көк үйлөр"' in picture
    assert 'width="480"' in picture and 'height="320"' in picture
    assert 'fetchpriority="high"' in picture  # the lead image is above the fold

    listing = client.get(tree["ky"]["stories"].url).content.decode()
    card = listing.split("<picture>", 1)[1].split("</picture>", 1)[0]
    assert 'loading="lazy"' in card
    assert 'alt=""' in card  # the card's title beside it says the same


def test_a_picture_is_rendered_once_and_again_after_its_image_changes(
    client, tree, settings, tmp_path
):
    """Pictures are fragment-cached per generation: an edit of the image shows at once."""
    settings.MEDIA_ROOT = str(tmp_path)
    image = ImageFactory(title="Көк үйлөр", file__width=1200, file__height=800)
    story = tree["ky"]["story"]
    story.image = image
    story.save_revision().publish()
    assert 'alt="Көк үйлөр"' in client.get(story.url).content.decode()
    renditions = image.renditions.count()

    assert 'alt="Көк үйлөр"' in client.get(story.url).content.decode()
    assert image.renditions.count() == renditions

    image.description = "Үй-бүлөлүк үйлөр күздө"
    image.save()
    assert 'alt="Үй-бүлөлүк үйлөр күздө"' in client.get(story.url).content.decode()
