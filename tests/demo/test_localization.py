"""core.localization: translations created from code, as the admin would create them."""

from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from core.localization import (
    TranslationIncompleteError,
    page_link_overrides,
    parallel_strings,
    source_strings,
    translate_object,
)
from donations.models import DonatePage
from home.models import ContentPage, Partner

HOME_STRINGS = {
    "Башкы бет": "Главная",
    "bashky-bet": "bashky-bet",
    "Ар бир балага сүйүктүү үй": "Любящий дом для каждого ребёнка",
}


@pytest.fixture
def partner(locales):
    return Partner.objects.create(
        name="Европа Бирлиги", description="Донор", kind="donor", locale=locales["ky"]
    )


def test_translate_object_refuses_an_incomplete_mapping_and_writes_nothing(partner, locales):
    with pytest.raises(TranslationIncompleteError) as error:
        translate_object(partner, locales["ru"], {"Европа Бирлиги": "Европейский союз"})

    assert "'Донор'" in str(error.value)
    assert "description" in str(error.value)
    assert not Partner.objects.filter(locale=locales["ru"]).exists()
    assert not Translation.objects.exists()


def test_translate_object_creates_and_updates_a_snippet_translation(partner, locales):
    russian = translate_object(
        partner, "ru", {"Европа Бирлиги": "Европейский союз", "Донор": "Донор проекта"}
    )
    assert russian.locale == locales["ru"]
    assert russian.translation_key == partner.translation_key
    assert russian.kind == "donor"
    source = TranslationSource.objects.get(object_id=partner.translation_key)
    assert Translation.objects.filter(source=source, target_locale=locales["ru"]).exists()

    again = translate_object(partner, "ru", {"Донор": "Донор"})  # the name is already translated
    assert again.pk == russian.pk
    assert (again.name, again.description) == ("Европейский союз", "Донор")
    assert StringTranslation.objects.filter(locale=locales["ru"]).count() == 2


def test_pages_rich_text_and_page_links(home_page, locales):
    donate = home_page.add_child(instance=DonatePage(title="Жардам көрсөтүү", slug="donate"))
    home_page.donate_page = donate
    home_page.save_revision().publish()
    about = home_page.add_child(
        instance=ContentPage(
            title="Биз жөнүндө",
            slug="about",
            body=[
                {
                    "type": "paragraph",
                    "value": (
                        '<p>Биз <a href="https://example.org/">федерациянын</a> мүчөсүбүз.</p>'
                    ),
                }
            ],
        )
    )
    about.save_revision().publish()

    assert '<a id="a1">федерациянын</a>' in " ".join(source_strings(about))
    russian_home = translate_object(home_page, "ru", HOME_STRINGS)
    russian_donate = translate_object(
        donate, "ru", {"Жардам көрсөтүү": "Помочь детям", "donate": "donate"}
    )
    russian_about = translate_object(
        about,
        "ru",
        {
            "Биз жөнүндө": "О нас",
            "about": "about",
            'Биз <a id="a1">федерациянын</a> мүчөсүбүз.': 'Мы входим в <a id="a1">федерацию</a>.',
        },
    )

    assert russian_about.live and russian_about.get_parent().pk == russian_home.pk
    assert 'href="https://example.org/"' in russian_about.body[0].value.source
    assert "Мы входим в" in russian_about.body[0].value.source
    assert russian_home.donate_page_id == donate.pk  # copied as is until overridden

    overrides = page_link_overrides(home_page, "ru")
    assert overrides == {"donate_page": russian_donate.pk}
    translate_object(home_page, "ru", {}, overrides=overrides)
    russian_home.refresh_from_db()
    assert russian_home.donate_page_id == russian_donate.pk


def test_translating_a_page_before_its_parent_fails_clearly(home_page, locales):
    about = home_page.add_child(instance=ContentPage(title="Биз жөнүндө", slug="about"))
    with pytest.raises(Exception, match="not translated|ParentNotTranslated"):
        translate_object(about, locales["ru"], {"Биз жөнүндө": "О нас", "about": "about"})


@pytest.mark.django_db  # extracting segments looks up the default locale
def test_parallel_strings_pairs_segments_and_rejects_mismatches():
    source = ContentPage(title="Биз жөнүндө", slug="about", intro="Кыскача")
    target = ContentPage(title="О нас", slug="about", intro="Кратко")
    assert parallel_strings(source, target) == {
        "Биз жөнүндө": "О нас",
        "about": "about",
        "Кыскача": "Кратко",
    }
    with pytest.raises(ValueError, match="same structure"):
        parallel_strings(source, ContentPage(title="О нас", slug="about"))
