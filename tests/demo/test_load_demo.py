"""What `manage.py load_demo` builds: the page tree in ky, ru and en, snippets, site, accounts."""

import re

from django.contrib.auth import get_user_model
from django.utils import translation

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from core.localization import source_strings
from core.models import OrganisationSettings
from donations.models import DonatePage
from home.demo.pages import PAGE_TREE, get_demo_page
from home.models import (
    AdvocacyPage,
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsTopic,
    Office,
    OfficesPage,
    Partner,
    PrivacyPage,
    ProgrammeIndexPage,
    ProgrammePage,
    SiteFigure,
    StoryIndexPage,
    StoryPage,
)

pytestmark = pytest.mark.usefixtures("demo", "db")

LANGUAGES = ("ky", "ru", "en")
KYRGYZ_LETTERS = set("ңөүҢӨҮ")

PAGE_TYPES = {
    HomePage: 1,
    AdvocacyPage: 1,
    OfficesPage: 1,
    ProgrammeIndexPage: 1,
    ProgrammePage: 2,
    StoryIndexPage: 1,
    StoryPage: 1,
    NewsIndexPage: 1,
    NewsPage: 4,
    ContentPage: 3,
    DonatePage: 1,
    PrivacyPage: 1,
}


def demo_pages(language):
    return [get_demo_page(spec.key, language) for spec in PAGE_TREE]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_is_live_in_every_language(language):
    for model, minimum in PAGE_TYPES.items():
        live = model.objects.live().filter(locale__language_code=language)
        assert live.count() >= minimum, f"{model.__name__} in {language}"


@pytest.mark.parametrize("language", ["ru", "en"])
def test_translations_are_wagtail_localize_translations_of_the_kyrgyz_source(language):
    ky = Locale.objects.get(language_code="ky")
    target_locale = Locale.objects.get(language_code=language)
    for source_page in demo_pages("ky"):
        target = get_demo_page(PAGE_TREE[demo_pages("ky").index(source_page)].key, language)
        assert target is not None and target.live, source_page
        assert target.translation_key == source_page.translation_key
        source = TranslationSource.objects.get(object_id=source_page.translation_key, locale=ky)
        assert source.get_source_instance().pk == source_page.pk
        assert Translation.objects.filter(
            source=source, target_locale=target_locale, enabled=True
        ).exists()
        title = StringTranslation.objects.get(
            translation_of__data=source_page.title,
            locale=target_locale,
            context__object_id=source_page.translation_key,
            context__path="title",
        )
        assert title.data == target.title != source_page.title


@pytest.mark.parametrize("model", [Office, Partner, SiteFigure, NewsTopic])
def test_snippets_are_translated_through_wagtail_localize(model):
    sources = model.objects.filter(locale__language_code="ky")
    assert sources.exists()
    for source_object in sources:
        source = TranslationSource.objects.get(
            object_id=source_object.translation_key, locale=source_object.locale
        )
        for language in ("ru", "en"):
            assert Translation.objects.filter(
                source=source, target_locale__language_code=language
            ).exists()
            assert source_object.get_translation(Locale.objects.get(language_code=language))


def test_kyrgyz_texts_are_kyrgyz_and_russian_texts_are_russian():
    for page in demo_pages("ky"):
        text = " ".join(source_strings(page))
        assert KYRGYZ_LETTERS & set(text), f"no ң, ө or ү in {text!r}"
    for page in demo_pages("ru"):
        text = " ".join(source_strings(page))
        assert re.search("[а-яё]", text), text
        assert not KYRGYZ_LETTERS & set(text), f"Kyrgyz letters in Russian text {text!r}"
    for page in demo_pages("en"):
        assert not re.search("[а-яёңөү]", page.title.lower()), page.title
    home = get_demo_page("home")
    assert home.slogan == "Ар бир балага сүйүктүү үй"


def test_kyrgyz_home_page_is_the_default_site_root_and_links_to_the_donate_page():
    site = Site.objects.get(is_default_site=True)
    home = get_demo_page("home")
    assert site.root_page_id == home.pk
    assert home.locale.language_code == "ky"
    assert not Page.objects.filter(depth=2, title__startswith="Welcome").exists()
    for language in LANGUAGES:
        translated_home = get_demo_page("home", language)
        donate = get_demo_page("donate", language)
        assert translated_home.donate_page_id == donate.pk, language


def test_eu_project_carries_its_structured_facts():
    import datetime
    from decimal import Decimal

    for language, donor in [
        ("ky", "Европа Бирлиги"),
        ("ru", "Европейский союз"),
        ("en", "European Union"),
    ]:
        project = get_demo_page("programme-eu", language)
        assert project.start_date == datetime.date(2018, 7, 1)
        assert project.end_date == datetime.date(2021, 6, 25)
        assert project.budget == Decimal("677737")
        assert project.budget_currency == "EUR"
        assert project.status == ProgrammePage.Status.COMPLETED
        figures = [block.value["value"] for block in project.target_figures]
        assert len(figures) == 3 and figures[1:] == ["220", "3"]
        with translation.override(language):
            assert [partner.name for partner in project.donors()] == [donor]
            assert len(project.implementing_partners()) == 2


def test_office_figures_and_organisation_details():
    for language in LANGUAGES:
        office = Office.objects.get(locale__language_code=language, is_head_office=True)
        assert office.phone == "+996 312 611546"
        assert office.fax == "+996 312 611552"
        assert "94/3" in office.address
        assert Partner.objects.filter(locale__language_code=language).count() == 4
        values = SiteFigure.objects.filter(locale__language_code=language).values_list(
            "value", flat=True
        )
        assert "133" in values and "14" in values
    details = OrganisationSettings.load()
    assert details.name_ky.startswith("«Кыргызстандын SOS Балдар Айылдары»")
    assert details.name_ru == "Общественный фонд «SOS Детские Деревни Кыргызстана»"
    assert details.short_name_en == "SOS Children's Villages Kyrgyzstan"
    assert details.registration_number == ""


def test_news_are_dated_in_2026_and_have_topics():
    articles = NewsPage.objects.filter(locale__language_code="ky")
    assert articles.count() >= 4
    for article in articles:
        assert article.date.year == 2026
        assert article.topics()
        assert article.lead_image is not None


@pytest.mark.parametrize(
    ("language", "word"),
    [("ky", "укуктук жардам"), ("ru", "юридическая помощь"), ("en", "legal aid")],
)
def test_each_language_has_its_own_topic_words(client, language, word):
    article = NewsPage.objects.get(locale__language_code=language, slug="legal-help-with-documents")
    topics = article.topics()
    assert word in [topic.name for topic in topics]
    assert {topic.locale.language_code for topic in topics} == {language}
    index = client.get(f"/{language}/news/")
    names = [topic.name for topic in index.context["topics"]]
    assert word in names
    others = NewsTopic.objects.exclude(locale__language_code=language)
    assert not set(names) & set(others.values_list("name", flat=True))
    filtered = client.get(f"/{language}/news/", {"tag": "legal-aid"}).context["articles"]
    assert [a.pk for a in filtered] == [article.pk]


def test_demo_admin_is_created_with_the_printed_password(demo):
    match = re.search(r"Demo admin: admin / (\S+)  \(http://\S+/admin/\)", demo)
    assert match, demo
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(match.group(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_page_renders(client, language):
    for page in demo_pages(language):
        url = page.get_url()
        assert url.startswith(f"/{language}/"), url
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        assert page.title.encode() in response.content or page.title in response.text, url


def test_page_images_have_alt_texts_in_each_language(client):
    for spec in PAGE_TREE:
        kyrgyz = get_demo_page(spec.key)
        for image_field, alt_field in kyrgyz.image_alt_fields.items():
            if getattr(kyrgyz, f"{image_field}_id") is None:
                continue
            alts = {code: getattr(get_demo_page(spec.key, code), alt_field) for code in LANGUAGES}
            assert all(alts.values()), (spec.key, alts)
            assert len(set(alts.values())) == 3, (spec.key, alts)
            assert alts["ky"] != getattr(kyrgyz, image_field).description

    ky_alt = get_demo_page("home").hero_image_alt
    for language in ("ru", "en"):
        home = get_demo_page("home", language)
        assert home.hero_image_alt != ky_alt
        page_html = client.get(home.url).text
        picture = page_html.split('<div class="hero__media">', 1)[1].split("</picture>", 1)[0]
        assert f'alt="{home.hero_image_alt}"' in picture
        assert ky_alt not in page_html
        assert f'<meta property="og:image:alt" content="{home.hero_image_alt}">' in page_html
