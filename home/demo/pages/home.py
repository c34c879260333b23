"""The home page and the donate page."""

from ..base import ImageRef, T, heading, paragraph, rich
from .spec import PageSpec

DONATE_BUTTON = T(ky="Азыр жардам көрсөтүү", ru="Помогите детям", en="Donate now")

PAGES = [
    PageSpec(
        key="home",
        model="home.HomePage",
        parent=None,
        slug="home",
        show_in_menus=False,
        links={"donate_page": "donate"},
        fields={
            "title": T(ky="Башкы бет", ru="Главная", en="Home"),
            "intro": T(
                ky="Биз ата-эненин камкордугусуз калган жана аны жоготуу коркунучунда турган "
                "балдардын үй-бүлөдө чоңоюшуна көмөктөшөбүз.",
                ru="Мы помогаем расти в семье детям, которые остались без родительской заботы "
                "или рискуют её потерять.",
                en="We help children who have lost parental care, or who are at risk of "
                "losing it, to grow up in a family.",
            ),
            "slogan": T(
                ky="Ар бир балага сүйүктүү үй",
                ru="Любящий дом для каждого ребёнка",
                en="A loving home for every child",
            ),
            "hero_image": ImageRef("hero"),
            "hero_image_alt": T(
                ky="Көк чатырлуу ак үйлөр жана сары күн, чийме сүрөт",
                ru="Рисунок: белые дома с синими крышами под жёлтым солнцем",
                en="Drawing of white houses with blue roofs under a yellow sun",
            ),
            "mission": rich(
                T(
                    ky="«Кыргызстандын SOS Балдар Айылдары» Коомдук фонду ар бир баланын "
                    "үй-бүлөдө, камкордукта жана коопсуздукта өсүү укугун коргойт. Биз "
                    "үй-бүлөлөрдү бекемдейбиз, жергиликтүү жамааттар менен бирге иштейбиз жана "
                    "мамлекеттик саясатта балдардын кызыкчылыгын жактайбыз.",
                    ru="Общественный фонд «SOS Детские Деревни Кыргызстана» защищает право "
                    "каждого ребёнка расти в семье, в заботе и безопасности. Мы укрепляем семьи, "
                    "работаем вместе с местными сообществами и отстаиваем интересы детей "
                    "в государственной политике.",
                    en='Public Fund "SOS Children\'s Villages Kyrgyzstan" stands up for every '
                    "child's right to grow up in a family, cared for and safe. We strengthen "
                    "families, work alongside local communities and speak up for children in "
                    "public policy.",
                ),
                T(
                    ky="Биз SOS Балдар Айылдарынын эл аралык федерациясынын мүчөсүбүз. "
                    "Федерация 133 өлкөдө жана аймакта 2 100дөн ашык программаны ишке ашырат.",
                    ru="Мы входим в международную федерацию SOS Детские Деревни, которая ведёт "
                    "более 2 100 программ в 133 странах и регионах.",
                    en="We belong to the international federation of SOS Children's Villages, "
                    "which runs more than 2,100 programmes in 133 countries and regions.",
                ),
            ),
            "donate_text": T(
                ky="Балдарга колдоо көрсөтүңүз: ар бир салым бир үй-бүлөнү бекемдейт.",
                ru="Поддержите детей: каждое пожертвование делает чью-то семью крепче.",
                en="Stand with children: every gift makes a family stronger.",
            ),
            "body": [
                heading(T(ky="Биз эмне кылабыз", ru="Что мы делаем", en="What we do")),
                paragraph(
                    [
                        T(
                            ky="Үй-бүлөлөргө укуктук, турак-жай жана материалдык колдоо "
                            "көрсөтөбүз.",
                            ru="Оказываем семьям юридическую, жилищную и материальную помощь.",
                            en="We give families legal, housing and material support.",
                        ),
                        T(
                            ky="Балдар жана аялдар клубдарында коопсуз чөйрө түзөбүз.",
                            ru="Создаём безопасное пространство в детских и женских клубах.",
                            en="We make children's and women's clubs a safe place to be.",
                        ),
                        T(
                            ky="Балдарды коргоо системасын жакшыртуу үчүн мамлекеттик органдар "
                            "менен бирге иштейбиз.",
                            ru="Вместе с государственными органами совершенствуем систему "
                            "защиты детей.",
                            en="We work with state bodies to improve the child protection system.",
                        ),
                        T(
                            ky="Камкордук системасынан чыккан жаштардын укуктарын коргойбуз.",
                            ru="Защищаем права молодых людей, покидающих систему опеки.",
                            en="We defend the rights of young people leaving care.",
                        ),
                    ]
                ),
            ],
        },
    ),
    PageSpec(
        key="donate",
        model="donations.DonatePage",
        parent="home",
        slug="donate",
        fields={
            "title": T(ky="Жардам көрсөтүү", ru="Помочь детям", en="Donate"),
            "intro": T(
                ky="Сиздин салымыңыз балдардын үй-бүлөсүндө калышына жана үй-бүлөлөрдүн "
                "оор мезгилди жеңип чыгышына жардам берет.",
                ru="Ваше пожертвование помогает детям остаться в семье, а семьям — пережить "
                "трудные времена.",
                en="Your gift helps children stay with their families and helps families "
                "through hard times.",
            ),
        },
    ),
]
