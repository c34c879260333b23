"""load_demo can run on every start: a second run adds nothing and keeps editors' changes."""

from django.contrib.auth import get_user_model

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)

from core.models import OrganisationSettings
from home.demo.pages import get_demo_page
from home.models import NewsPageTopic, NewsTopic, Office, Partner, SiteFigure

from .conftest import load_demo

COUNTED = [
    Locale,
    Page,
    Site,
    Revision,
    get_image_model(),
    Office,
    Partner,
    SiteFigure,
    NewsTopic,
    NewsPageTopic,
    TranslationSource,
    Translation,
    StringTranslation,
    SegmentOverride,
    get_user_model(),
]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_reruns_create_only_what_is_missing_and_keep_edits(db, demo_media):
    first_output = load_demo(force_accounts=True)
    assert "Demo content: created" in first_output

    advocacy = get_demo_page("advocacy")
    advocacy.title = "Балдардын укуктары (редактор өзгөрткөн)"
    advocacy.save_revision().publish()
    office = Office.objects.get(locale__language_code="ru", is_head_office=True)
    office.phone = "+996 312 000000"
    office.save()
    details = OrganisationSettings.load()
    details.short_name_ru = "SOS ДД Кыргызстана"
    details.save()
    before = counts()

    second_output = load_demo(force_accounts=True)

    assert counts() == before
    assert "nothing changed" in second_output
    assert "Demo admin 'admin' exists" in second_output
    assert "changepassword admin" in second_output
    assert get_demo_page("advocacy").title == "Балдардын укуктары (редактор өзгөрткөн)"
    assert Office.objects.get(pk=office.pk).phone == "+996 312 000000"
    assert OrganisationSettings.load().short_name_ru == "SOS ДД Кыргызстана"

    # A translation an editor deleted comes back; nothing else is touched.
    get_demo_page("story-mother", "en").delete()
    russian_title = get_demo_page("story-mother", "ru").title
    before = counts()

    third_output = load_demo()

    recreated = get_demo_page("story-mother", "en")
    assert recreated is not None and recreated.live
    assert recreated.title == "How a mother of five made a new start"
    assert get_demo_page("story-mother", "ru").title == russian_title
    assert "page translations: 1\n" in third_output
    assert counts()["Page"] == before["Page"] + 1
    assert get_demo_page("advocacy").title == "Балдардын укуктары (редактор өзгөрткөн)"
