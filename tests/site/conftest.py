"""A small trilingual page tree with one page of every public type.

Kyrgyz is the source. Everything is translated into Russian and English except
``uzbekistan`` (Kyrgyz only, below the translated ``about``) and ``story``
(Kyrgyz and Russian), so the switcher's fallbacks and the hreflang lists can
be checked.
"""

import datetime
from decimal import Decimal

import pytest

from donations.models import DonatePage
from home.models import (
    AdvocacyPage,
    ContentPage,
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


@pytest.fixture
def tree(home_page, locales):
    ky, ru, en = locales["ky"], locales["ru"], locales["en"]
    home = home_page
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
