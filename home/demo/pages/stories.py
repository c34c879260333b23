"""Stories: told without names, to protect the families' privacy."""

import datetime

from ..base import ImageRef, T, call_to_action, paragraph
from .home import DONATE_BUTTON
from .spec import PageSpec

PAGES = [
    PageSpec(
        key="stories",
        model="home.StoryIndexPage",
        parent="home",
        slug="stories",
        fields={
            "title": T(ky="Окуялар", ru="Истории", en="Stories"),
            "intro": T(
                ky="Биз колдогон үй-бүлөлөрдүн окуялары. Адамдардын жеке турмушун коргоо "
                "үчүн алардын ысымдарын атабайбыз.",
                ru="Истории семей, которым мы помогаем. Чтобы оберегать частную жизнь людей, "
                "мы не называем их имён.",
                en="Stories of families we support. We leave out names to protect people's "
                "privacy.",
            ),
        },
    ),
    PageSpec(
        key="story-mother",
        model="home.StoryPage",
        parent="stories",
        slug="a-new-start",
        show_in_menus=False,
        fields={
            "title": T(
                ky="Беш баланын энеси кайра турмушун кантип жолго салды",
                ru="Как мама пятерых детей начала всё заново",
                en="How a mother of five made a new start",
            ),
            "intro": T(
                ky="Чыр-чатак маалында документтеринен ажыраган жалгыз бой эне балдары менен "
                "жылытылбаган бир бөлмөдө жашап калган.",
                ru="Одинокая мама, потерявшая документы во время конфликта, жила с детьми "
                "в одной неотапливаемой комнате.",
                en="A single mother who lost her papers during the conflict was living with "
                "her children in one unheated room.",
            ),
            "date": datetime.date(2026, 3, 2),
            "image": ImageRef("story-mother"),
            "image_alt": T(
                ky="Эне балдары менен катар турат, чийме сүрөт",
                ru="Рисунок: мама стоит рядом со своими детьми",
                en="Drawing of a mother standing beside her children",
            ),
            "body": [
                paragraph(
                    T(
                        ky="Ал беш баласын жалгыз багып жаткан. Чыр-чатак учурунда "
                        "үй-бүлөнүн документтери жоголуп, аларсыз мамлекеттик кызматтардан "
                        "жардам алуу дээрлик мүмкүн болбой калды. Алтоо бир бөлмөдө, "
                        "жылуулуксуз жашашкан.",
                        ru="Она одна растила пятерых детей. Во время конфликта документы "
                        "семьи пропали, а без них получить помощь от государственных служб "
                        "было почти невозможно. Вшестером они жили в одной комнате без "
                        "отопления.",
                        en="She was raising five children on her own. The family's documents "
                        "were lost in the conflict, and without them help from public "
                        "services was almost out of reach. The six of them lived in a single "
                        "room with no heating.",
                    ),
                    T(
                        ky="Биздин кызматкерлер энеге паспортторун калыбына келтирүүгө жардам "
                        "беришти. Андан соң фонд анын атынан жергиликтүү мамлекеттик органга "
                        "жер тилкесин бөлүп берүү тууралуу арыз менен кайрылды.",
                        ru="Наши сотрудники помогли маме восстановить паспорта. Затем фонд "
                        "от её имени обратился в местный государственный орган с просьбой "
                        "выделить семье земельный участок.",
                        en="Our staff helped her get her passports back. We then applied on "
                        "her behalf to the local state agency for a plot of land.",
                    ),
                    T(
                        ky="Балдар да колдоосуз калган жок: алар билим алып, ар кандай "
                        "машыгууларга катышууга мүмкүнчүлүк алышты.",
                        ru="Дети тоже не остались без поддержки: они получили возможность "
                        "учиться и заниматься на обучающих курсах.",
                        en="The children were not left out either: they were given education "
                        "and training.",
                    ),
                ),
                call_to_action(
                    T(
                        ky="Ушундай абалга туш болгон үй-бүлөлөргө колдоо көрсөтүңүз.",
                        ru="Поддержите семьи, которые оказались в такой же ситуации.",
                        en="Support families facing the same hardship.",
                    ),
                    "donate",
                    DONATE_BUTTON,
                ),
            ],
        },
    ),
]
