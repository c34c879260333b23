"""News: demo articles dated 2026, written from the organisation's facts."""

import datetime

from ..base import ImageRef, T, paragraph
from .spec import PageSpec


def article(key, slug, date, topics, title, intro, *paragraphs, image_alt):
    return PageSpec(
        key=key,
        model="home.NewsPage",
        parent="news",
        slug=slug,
        show_in_menus=False,
        topics=tuple(f"topic:{topic}" for topic in topics),
        fields={
            "title": title,
            "intro": intro,
            "date": date,
            "lead_image": ImageRef(key),
            "lead_image_alt": image_alt,
            "body": [paragraph(*paragraphs)],
        },
    )


PAGES = [
    PageSpec(
        key="news",
        model="home.NewsIndexPage",
        parent="home",
        slug="news",
        fields={
            "title": T(ky="Жаңылыктар", ru="Новости", en="News"),
            "intro": T(
                ky="Фонддун иши жана балдардын укуктары тууралуу акыркы кабарлар.",
                ru="Последние новости о работе фонда и о правах детей.",
                en="The latest on our work and on children's rights.",
            ),
        },
    ),
    article(
        "news-research",
        "childrens-rights-study-2026",
        datetime.date(2026, 2, 16),
        ("research", "rights"),
        T(
            ky="Балдардын укуктары боюнча кезектеги изилдөө башталды",
            ru="Началось очередное исследование прав детей",
            en="Our four-yearly study of children's rights has begun",
        ),
        T(
            ky="Төрт жылда бир өткөрүлүүчү изилдөө Кыргызстанда балдардын укуктары кандай "
            "сакталып жатканын баалайт.",
            ru="Исследование, которое мы проводим раз в четыре года, покажет, как в "
            "Кыргызстане соблюдаются права детей.",
            en="Every four years we take stock of children's rights in Kyrgyzstan, and this "
            "year's work is under way.",
        ),
        T(
            ky="Изилдөөнүн жыйынтыктары балдарды коргоо системасын жакшыртуу боюнча "
            "сунуштарыбыздын негизи болот. Өзгөчө көңүлдү ата-эненин камкордугусуз калган "
            "балдарга жана камкордуктан чыккан жаштарга бурабыз.",
            ru="Итоги исследования лягут в основу наших предложений по улучшению системы "
            "защиты детей. Особое внимание мы уделим детям, оставшимся без попечения "
            "родителей, и выпускникам системы опеки.",
            en="Its findings will shape what we propose to improve child protection. We look "
            "especially at children without parental care and at young people leaving care.",
        ),
        image_alt=T(
            ky="Күнгө карай көтөрүлгөн тепкичтер, чийме сүрөт",
            ru="Рисунок: ступени, поднимающиеся к солнцу",
            en="Drawing of steps rising towards the sun",
        ),
    ),
    article(
        "news-clubs",
        "clubs-a-safe-space",
        datetime.date(2026, 4, 7),
        ("clubs", "family"),
        T(
            ky="Балдар жана аялдар клубдары: коопсуз чөйрө жана колдоо",
            ru="Детские и женские клубы: безопасное пространство и поддержка",
            en="Children's and women's clubs: a safe space and support",
        ),
        T(
            ky="Клубдарда балдар жана энелер бири-бирин колдоп, жаңы нерселерди үйрөнүп, "
            "керектүү кызматтарга жол табышат.",
            ru="В клубах дети и мамы поддерживают друг друга, учатся новому и находят дорогу "
            "к нужным службам.",
            en="In the clubs, children and mothers support each other, learn new things and "
            "find their way to the services they need.",
        ),
        T(
            ky="Клубдар жамааттын ичиндеги колдоо тармагы катары иштейт. Бул жерде машыгуулар "
            "өтөт, ал эми кыйынчылыкка туш болгон адамдар социалдык, укуктук же медициналык "
            "кызматтарга багытталат.",
            ru="Клубы работают как сеть поддержки внутри сообщества. Здесь проходят занятия, "
            "а тех, кто оказался в трудной ситуации, направляют к социальным, юридическим или "
            "медицинским службам.",
            en="The clubs work as a support network within the community. They hold training "
            "sessions, and people facing difficulties are referred on to social, legal or "
            "health services.",
        ),
        image_alt=T(
            ky="Катар турган балдар жана чоңдор, чийме сүрөт",
            ru="Рисунок: дети и взрослые стоят в ряд",
            en="Drawing of children and adults standing in a row",
        ),
    ),
    article(
        "news-children-day",
        "international-childrens-day",
        datetime.date(2026, 6, 1),
        ("rights",),
        T(
            ky="1-июнь: ар бир бала үй-бүлөгө татыктуу",
            ru="1 июня: каждый ребёнок достоин семьи",
            en="1 June: every child deserves a family",
        ),
        T(
            ky="Балдарды коргоонун эл аралык күнүндө ар бир баланын үй-бүлөдө чоңоюу укугун "
            "эске салабыз.",
            ru="В Международный день защиты детей мы напоминаем о праве каждого ребёнка "
            "расти в семье.",
            en="On International Children's Day we speak up for every child's right to grow "
            "up in a family.",
        ),
        T(
            ky="Биз үй-бүлөлөрдү бекемдеген улуттук саясатты, балдардын үйүндө калышына "
            "жардам берген программаларды жана ар бир үй-бүлөгө жеткиликтүү социалдык "
            "кызматтарды жактайбыз.",
            ru="Мы выступаем за национальную политику, которая укрепляет семьи, за программы, "
            "помогающие детям оставаться дома, и за социальные услуги, доступные каждой семье.",
            en="We call for national policies that strengthen families, programmes that help "
            "children stay at home, and social services that every family can reach.",
        ),
        image_alt=T(
            ky="Жылуу күн астындагы ак үйлөр, чийме сүрөт",
            ru="Рисунок: белые дома под тёплым солнцем",
            en="Drawing of white houses under a warm sun",
        ),
    ),
    article(
        "news-documents",
        "legal-help-with-documents",
        datetime.date(2026, 9, 15),
        ("legal-aid", "family"),
        T(
            ky="Укуктук жардам: документтерди калыбына келтирүү",
            ru="Юридическая помощь: восстанавливаем документы",
            en="Legal help: getting documents back",
        ),
        T(
            ky="Паспорту же туулгандыгы тууралуу күбөлүгү жок үй-бүлө көп кызматтардан "
            "куру калат. Биз документтерди калыбына келтирүүгө жардам беребиз.",
            ru="Без паспорта или свидетельства о рождении семья остаётся без многих услуг. "
            "Мы помогаем восстановить документы.",
            en="Without a passport or birth certificate a family is shut out of many "
            "services. We help people get their documents back.",
        ),
        T(
            ky="Биздин укуктук колдоо менен үй-бүлөлөр документтерин калыбына келтиришет, "
            "турак-жай жана каржылык жардам алышат, майыптык статусун каттатышат.",
            ru="С нашей юридической поддержкой семьи восстанавливают документы, получают "
            "жилищную и финансовую помощь, оформляют статус инвалидности.",
            en="With our legal support, families restore their documents, obtain housing and "
            "financial support, and register disability status.",
        ),
        image_alt=T(
            ky="Сызыктар менен туташкан тегеректер, чийме сүрөт",
            ru="Рисунок: круги, соединённые линиями",
            en="Drawing of circles joined by lines",
        ),
    ),
]
