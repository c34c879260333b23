"""A small trilingual page tree with one page of every public type.

Kyrgyz is the source. Everything is translated into Russian and English except
``uzbekistan`` (Kyrgyz only, below the translated ``about``) and ``story``
(Kyrgyz and Russian), so the switcher's fallbacks and the hreflang lists can
be checked.

Building the tree publishes some thirty pages, which is slow, so it is built
once per test module inside a transaction that is rolled back at the end of the
module; each test still runs in its own savepoint and gets fresh instances.
"""

import datetime
from decimal import Decimal

from django.core.cache import cache
from django.db import transaction

from wagtail.models import Locale, Page, Site

import pytest

from donations.models import DonatePage
from home.models import (
    AdvocacyPage,
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    Office,
    OfficesPage,
    Partner,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammePartner,
    SiteFigure,
    StoryIndexPage,
    StoryPage,
)


def translate(page, locale, **changes):
    """Copy a page into another locale the way Wagtail's translation action does, then publish."""
    copy = page.copy_for_translation(locale).specific
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_home(ky):
    """Replace Wagtail's welcome page by a Kyrgyz home page as the default site's root."""
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Башкы бет", slug="bashky-bet", slogan="Ар бир балага сүйүктүү үй", locale=ky
        )
    )
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.specific_class is Page:
        old_root.delete()
    return home


@pytest.fixture(scope="module")
def tree_keys(django_db_setup, django_db_blocker):
    """Build the tree once per module; yield ``{language: {name: page pk}}``."""
    with django_db_blocker.unblock(), transaction.atomic():
        pages = build_tree()
        yield {
            code: {name: page.pk for name, page in named.items()} for code, named in pages.items()
        }
        transaction.set_rollback(True)
    cache.clear()  # Wagtail caches site root paths; they are gone with the rollback.


@pytest.fixture
def tree(tree_keys, db):
    """Fresh specific instances of the module's tree, ``tree[language][name]``."""
    return {
        code: {name: Page.objects.get(pk=pk).specific for name, pk in named.items()}
        for code, named in tree_keys.items()
    }


def build_tree():
    ky, _ = Locale.objects.get_or_create(language_code="ky")
    ru, _ = Locale.objects.get_or_create(language_code="ru")
    en, _ = Locale.objects.get_or_create(language_code="en")
    home = make_home(ky)
    home.intro = "Ар бир бала үй-бүлөдө чоңойсун."
    home.mission = "<p>Балдардын укуктарын коргойбуз.</p>"
    home.donate_text = "Балдарга азыр жардам көрсөтүңүз."
    home.save_revision().publish()

    about = publish(home, ContentPage(title="Биз жөнүндө", slug="about", show_in_menus=True))
    uzbekistan = publish(about, ContentPage(title="Өзбекстан", slug="uzbekistan"))
    advocacy = publish(
        home,
        AdvocacyPage(
            title="Коргоо",
            slug="advocacy",
            show_in_menus=True,
            directions=[
                ("direction", {"title": "Жетим балдардын укуктары", "text": "<p>Укук.</p>"})
            ],
            body=[
                ("heading", {"text": "Изилдөө", "level": "h2"}),
                ("paragraph", "<p>Ар бир төрт жылда.</p>"),
                ("quote", {"quote": "Ар бир балага үй керек.", "attribution": "Бүтүрүүчү"}),
                ("figures", [{"value": "40 000", "label": "бала"}]),
            ],
        ),
    )
    offices = publish(home, OfficesPage(title="Кеңселер", slug="offices", show_in_menus=True))
    programmes = publish(
        home, ProgrammeIndexPage(title="Программалар", slug="programmes", show_in_menus=True)
    )
    programme = publish(
        programmes,
        ProgrammePage(
            title="Үй-бүлөлүк чөйрө",
            slug="family-environment",
            start_date=datetime.date(2018, 7, 1),
            end_date=datetime.date(2021, 6, 25),
            budget=Decimal("677737.00"),
            budget_currency="EUR",
            region="Чүй облусу",
            target_figures=[("figure", {"value": "220", "label": "бала үй-бүлөгө кайтты"})],
            objectives=[
                ("objective", {"title": "Жергиликтүү бийлик", "text": "<p>Кызматтар.</p>"})
            ],
        ),
    )
    donor = Partner.objects.create(name="Европа Биримдиги", kind=Partner.Kind.DONOR, locale=ky)
    ProgrammePartner.objects.create(page=programme, partner=donor, role=ProgrammePartner.Role.DONOR)
    stories = publish(home, StoryIndexPage(title="Окуялар", slug="stories", show_in_menus=True))
    story = publish(
        stories, StoryPage(title="Беш баланын энеси", slug="mother", date=datetime.date(2024, 3, 8))
    )
    news_index = publish(home, NewsIndexPage(title="Жаңылыктар", slug="news"))
    news = publish(
        news_index, NewsPage(title="Жаңы долбоор", slug="project", date=datetime.date(2025, 1, 20))
    )
    donate = publish(home, DonatePage(title="Жардам берүү", slug="donate"))
    home.donate_page = donate
    home.save_revision().publish()

    Office.objects.create(
        name="Улуттук координациялык кеңсе",
        address="720001 Бишкек, Исанов көч., 94/3",
        phone="+996 312 611546",
        fax="+996 312 611552",
        is_head_office=True,
        locale=ky,
    )
    SiteFigure.objects.create(value="133", label="өлкө жана аймак", locale=ky)

    pages = {
        "home": home,
        "about": about,
        "uzbekistan": uzbekistan,
        "advocacy": advocacy,
        "offices": offices,
        "programmes": programmes,
        "programme": programme,
        "stories": stories,
        "story": story,
        "news_index": news_index,
        "news": news,
        "donate": donate,
    }
    result = {"ky": dict(pages), "ru": {}, "en": {}}
    for code, locale in (("ru", ru), ("en", en)):
        for name in (
            "home",
            "about",
            "advocacy",
            "offices",
            "programmes",
            "programme",
            "stories",
            "news_index",
            "news",
            "donate",
        ):
            result[code][name] = translate(
                pages[name], locale, title=f"{pages[name].title} ({code})"
            )
        office = Office.objects.get(locale=ky).copy_for_translation(locale)
        office.name = f"Head office ({code})"
        office.save()
        figure = SiteFigure.objects.get(locale=ky).copy_for_translation(locale)
        figure.save()
    result["ru"]["story"] = translate(story, ru, title="Мать пятерых детей")
    return result
