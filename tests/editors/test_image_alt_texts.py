"""Alternative texts of page images: written per page, translated with it, shown in its language."""

import html
import re

from django.urls import reverse
from django.utils import translation

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail_localize.models import Translation

import pytest

from home.models import HomePage, NewsPage, ProgrammePage, StoryPage
from home.models.illustrated import illustrated_page

from .conftest import add_article, publish, translate_copy
from .test_translation import fill_strings

KYRGYZ_DESCRIPTION = "Айылдагы балдар ойноп жатышат"
KYRGYZ_ALT = "Айылдын короосунда ойноп жаткан балдар"
RUSSIAN_ALT = "Дети играют во дворе деревни"


@pytest.fixture
def described_image(db, settings, tmp_path):
    """An image whose description (its default alt text) is in Kyrgyz."""
    settings.MEDIA_ROOT = str(tmp_path)
    return Image.objects.create(
        title="Балдар",
        description=KYRGYZ_DESCRIPTION,
        file=get_test_image_file(size=(1600, 1000)),
    )


def picture_alts(page_html):
    """The alt text of each <picture>'s <img>, in page order."""
    pictures = re.findall(r"<picture>(.*?)</picture>", page_html, re.S)
    return [html.unescape(re.search(r'alt="([^"]*)"', p).group(1)) for p in pictures]


def sharing_alts(page_html):
    """(og:image:alt, twitter:image:alt) of the page's head."""
    og = re.search(r'<meta property="og:image:alt" content="([^"]*)">', page_html).group(1)
    twitter = re.search(r'<meta name="twitter:image:alt" content="([^"]*)">', page_html).group(1)
    return html.unescape(og), html.unescape(twitter)


@pytest.mark.parametrize(
    ("model", "image_field", "alt_field"),
    [
        (HomePage, "hero_image", "hero_image_alt"),
        (NewsPage, "lead_image", "lead_image_alt"),
        (ProgrammePage, "image", "image_alt"),
        (StoryPage, "image", "image_alt"),
    ],
)
def test_the_alt_text_field_sits_after_its_image(model, image_field, alt_field):
    names = [getattr(panel, "field_name", None) for panel in model.content_panels]
    assert names.index(alt_field) == names.index(image_field) + 1
    field = model._meta.get_field(alt_field)
    assert field.blank and field.max_length == 250
    with translation.override("en"):
        assert "cannot see" in str(field.help_text)
    with translation.override("ru"):
        assert "не может его видеть" in str(field.help_text)


def test_an_illustrated_page_base_declares_the_image_its_alt_text_and_the_body():
    base = illustrated_page("cover", "cover", "alternative text of the cover")
    assert base._meta.abstract
    names = [field.name for field in base._meta.local_fields]
    assert names[-3:] == ["cover", "cover_alt", "body"]
    assert base.image_alt_fields == {"cover": "cover_alt"}
    assert [panel.field_name for panel in base.image_panels] == ["cover", "cover_alt"]
    assert base.body_panel.field_name == "body"
    assert "body" in [field.field_name for field in base.search_fields]


@pytest.mark.parametrize(
    ("model", "image_field"),
    [(NewsPage, "lead_image"), (ProgrammePage, "image"), (StoryPage, "image")],
)
def test_an_illustrated_page_gives_its_own_alt_text_for_its_main_image_only(
    model, image_field, described_image
):
    image = described_image
    other_image = Image.objects.create(title="Башка", file=get_test_image_file())
    page = model(**{image_field: image, f"{image_field}_alt": " Children at play "})
    assert page.alt_text_for(image) == "Children at play"
    assert page.alt_text_for(other_image) == ""
    assert page.alt_text_for(None) == ""
    # Left empty, the image's own description is used (the template's fallback).
    assert model(**{image_field: image}).alt_text_for(image) == ""
    assert "body" in [field.field_name for field in model.search_fields]


def test_a_translator_translates_the_alt_text_and_the_russian_page_reads_it(
    login, news_indexes, locales, described_image, django_capture_on_commit_callbacks
):
    source = add_article(news_indexes["ky"], "Балдар ойношот", image=described_image)
    source.lead_image_alt = KYRGYZ_ALT
    publish(source)
    editor_form = login("editor").get(reverse("wagtailadmin_pages:edit", args=[source.pk]))
    assert 'name="lead_image_alt"' in editor_form.text

    translator = login("translator")
    submit = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    assert translator.post(submit, {"locales": [locales["ru"].pk]}).status_code == 302
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=locales["ru"]
    )
    segments = translation.source.stringsegment_set.select_related("string", "context")
    assert {s.context.path: s.string.data for s in segments}["lead_image_alt"] == KYRGYZ_ALT

    fill_strings(
        translator, translation, {"Балдар ойношот": "Дети играют", KYRGYZ_ALT: RUSSIAN_ALT}
    )
    target = source.get_translation(locales["ru"])
    with django_capture_on_commit_callbacks(execute=True):
        response = login("moderator").post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    target = Page.objects.get(pk=target.pk).specific
    assert target.live and target.lead_image_alt == RUSSIAN_ALT

    russian = login("donations").get(target.url).text
    assert picture_alts(russian) == [RUSSIAN_ALT]
    assert sharing_alts(russian) == (RUSSIAN_ALT, RUSSIAN_ALT)
    kyrgyz = login("donations").get(source.url).text
    assert picture_alts(kyrgyz) == [KYRGYZ_ALT]
    assert sharing_alts(kyrgyz) == (KYRGYZ_ALT, KYRGYZ_ALT)


def test_an_empty_alt_text_falls_back_to_the_image_description(
    client, news_indexes, described_image
):
    article = add_article(news_indexes["ru"], "Без подписи", image=described_image)
    page_html = client.get(article.url).text
    assert picture_alts(page_html) == [KYRGYZ_DESCRIPTION]
    assert sharing_alts(page_html) == (KYRGYZ_DESCRIPTION, KYRGYZ_DESCRIPTION)


def test_pages_sharing_an_image_each_show_their_own_alt_text(client, news_indexes, described_image):
    """The picture fragment is cached per image: the alt text is part of its key."""
    first = add_article(news_indexes["ru"], "Первая", image=described_image)
    first.lead_image_alt = "Дети на качелях"
    publish(first)
    second = add_article(news_indexes["ru"], "Вторая", image=described_image)
    second.lead_image_alt = "Дети у песочницы"
    publish(second)
    third = add_article(news_indexes["ru"], "Третья", image=described_image)

    for article, alt in [
        (first, "Дети на качелях"),
        (second, "Дети у песочницы"),
        (third, KYRGYZ_DESCRIPTION),
        (first, "Дети на качелях"),
    ]:
        page_html = client.get(article.url).text
        assert picture_alts(page_html) == [alt], article.title
        assert sharing_alts(page_html) == (alt, alt), article.title


def test_the_home_page_hero_reads_its_translation_alt_text(client, homes, described_image):
    homes["ky"].hero_image = described_image
    homes["ky"].hero_image_alt = KYRGYZ_ALT
    publish(homes["ky"])
    russian = homes["ru"]
    russian.hero_image = described_image
    russian.hero_image_alt = RUSSIAN_ALT
    publish(russian)

    assert picture_alts(client.get(homes["ky"].url).text) == [KYRGYZ_ALT]
    page_html = client.get(russian.url).text
    assert picture_alts(page_html) == [RUSSIAN_ALT]
    assert sharing_alts(page_html) == (RUSSIAN_ALT, RUSSIAN_ALT)
    # A sharing image of its own has no page alt text: its description is read.
    russian.social_image = Image.objects.create(
        title="Логотип", description="Логотип фонда", file=get_test_image_file()
    )
    publish(russian)
    assert sharing_alts(client.get(russian.url).text) == ("Логотип фонда", "Логотип фонда")


def test_body_images_keep_their_own_alt_text_per_language(client, news_indexes, described_image):
    """Image blocks carry their alt text; a shared cached picture must not leak another's."""

    def body(alt, decorative=False):
        return [
            (
                "image",
                {"image": described_image, "alt_text": alt, "decorative": decorative},
            )
        ]

    kyrgyz = add_article(news_indexes["ky"], "Денеде сүрөт")
    kyrgyz.body = body(KYRGYZ_ALT)
    publish(kyrgyz)
    russian = translate_copy(kyrgyz, news_indexes["ru"].locale)
    russian.body = body(RUSSIAN_ALT)
    publish(russian)
    decorative = add_article(news_indexes["ru"], "Украшение")
    decorative.body = body("", decorative=True)
    publish(decorative)

    assert picture_alts(client.get(kyrgyz.url).text) == [KYRGYZ_ALT]
    assert picture_alts(client.get(russian.url).text) == [RUSSIAN_ALT]
    assert picture_alts(client.get(decorative.url).text) == [""]
