"""Programmes and projects: the EU family-environment project and the community programme."""

import datetime
from decimal import Decimal

from ..base import ImageRef, T, direction, figures, heading, paragraph, same
from .spec import PageSpec


def objective(title, text):
    return direction(title, text, block_type="objective")


PAGES = [
    PageSpec(
        key="programmes",
        model="home.ProgrammeIndexPage",
        parent="home",
        slug="programmes",
        fields={
            "title": T(
                ky="Программалар жана долбоорлор",
                ru="Программы и проекты",
                en="Programmes and projects",
            ),
            "intro": T(
                ky="Үй-бүлөлөрдү бекемдөөгө жана балдарды коргоо системасын өзгөртүүгө "
                "багытталган ишибиз.",
                ru="Наша работа по укреплению семей и реформе системы защиты детей.",
                en="Our work to strengthen families and reform the child protection system.",
            ),
        },
    ),
    PageSpec(
        key="programme-eu",
        model="home.ProgrammePage",
        parent="programmes",
        slug="supportive-family-environment",
        partners=(
            ("partner:eu", "donor"),
            ("partner:every-child", "implementing"),
            ("partner:defenders-league", "implementing"),
        ),
        fields={
            "title": T(
                ky="Кыргыз Республикасындагы балдар үчүн колдоочу үй-бүлөлүк чөйрө",
                ru="Поддерживающая семейная среда для детей в Кыргызской Республике",
                en="Supportive Family Environment for Children in Kyrgyz Republic",
            ),
            "intro": T(
                ky="Европа Бирлиги каржылаган бул долбоор Кыргызстандагы 40 000 аялуу балага "
                "коопсуз, коргоочу үй-бүлөлүк чөйрөдө жашоо мүмкүнчүлүгүн кеңейтүүгө "
                "багытталган.",
                ru="Проект, который финансировал Европейский союз, был нацелен на то, чтобы "
                "у 40 000 уязвимых детей Кыргызстана стало больше возможностей жить в "
                "безопасной семейной среде, где их защищают.",
                en="Funded by the European Union, the project set out to give 40,000 "
                "vulnerable children in Kyrgyzstan a better chance to live in a safe, "
                "protective family environment.",
            ),
            "image": ImageRef("programme-eu"),
            "image_alt": T(
                ky="Жылуу күн астында катар турган ак үйлөр, чийме сүрөт",
                ru="Рисунок: ряд белых домов под тёплым солнцем",
                en="Drawing of a row of white houses under a warm sun",
            ),
            "start_date": datetime.date(2018, 7, 1),
            "end_date": datetime.date(2021, 6, 25),
            "budget": Decimal("677737.00"),
            "budget_currency": "EUR",
            "region": T(ky="Чүй облусу", ru="Чуйская область", en="Chüy region"),
            "target_figures": [
                {
                    "type": "figure",
                    "value": {
                        "value": T(ky="40 000", ru="40 000", en="40,000"),
                        "label": T(
                            ky="аялуу бала үй-бүлөдө коопсуз жашоого көбүрөөк мүмкүнчүлүк алат",
                            ru="уязвимых детей получат больше шансов жить в безопасной семье",
                            en="vulnerable children with a better chance of a safe family life",
                        ),
                    },
                },
                {
                    "type": "figure",
                    "value": {
                        "value": same("220"),
                        "label": T(
                            ky="бала мекемелерден үй-бүлөгө жана жамааттык камкордукка өтөт",
                            ru="детей перейдут из учреждений в семьи и под опеку сообщества",
                            en="children moved from institutions into family and community care",
                        ),
                    },
                },
                {
                    "type": "figure",
                    "value": {
                        "value": same("3"),
                        "label": T(
                            ky="интернаттык мекеме кайра уюштурулат",
                            ru="интернатных учреждения будут реорганизованы",
                            en="residential institutions reorganised",
                        ),
                    },
                },
            ],
            "objectives": [
                objective(
                    T(
                        ky="Жергиликтүү бийликтин мүмкүнчүлүктөрү",
                        ru="Потенциал местных органов власти",
                        en="Capacity of local authorities",
                    ),
                    T(
                        ky="Чүй облусундагы жергиликтүү бийлик органдарына үй-бүлөнүн "
                        "ажырап калышынын алдын алган жана ата-эненин камкордугусуз калган "
                        "балдарды коргогон социалдык кызматтарды уюштурууга жардам берүү.",
                        ru="Помочь местным органам власти Чуйской области организовать "
                        "социальные услуги, которые предотвращают разлучение семей и защищают "
                        "детей, оставшихся без попечения родителей.",
                        en="Help local authorities in Chüy region run social services that "
                        "prevent family separation and protect children without parental "
                        "care.",
                    ),
                ),
                objective(
                    T(
                        ky="Балдарга камкордук системасын бекемдөө",
                        ru="Укрепление системы ухода за детьми",
                        en="A stronger child-care system",
                    ),
                    T(
                        ky="Өкмөттү, жергиликтүү бийликти жана жарандык коом уюмдарын "
                        "балдарга камкордук системасын жана анда кабыл алынган чечимдерди "
                        "бекемдөөдө колдоо.",
                        ru="Поддержать правительство, местные органы власти и организации "
                        "гражданского общества в укреплении системы ухода за детьми и "
                        "решений, которые в ней принимаются.",
                        en="Support the government, local authorities and civil-society "
                        "organisations in strengthening the child-care system and the "
                        "decisions taken within it.",
                    ),
                ),
            ],
            "body": [
                heading(
                    T(ky="Күтүлгөн натыйжалар", ru="Ожидаемые результаты", en="Planned results")
                ),
                paragraph(
                    [
                        T(
                            ky="Үч интернаттык мекеме кайра уюштурулуп, 220 бала үй-бүлөгө "
                            "жана жамааттык камкордукка өтөт.",
                            ru="Три интернатных учреждения реорганизуются, и 220 детей "
                            "переходят в семьи и под опеку сообщества.",
                            en="Three residential institutions are reorganised and 220 "
                            "children move into family and community care.",
                        ),
                        T(
                            ky="Мекемелерден бошогон каражат жергиликтүү жамааттык "
                            "кызматтарга багытталат.",
                            ru="Средства, высвобожденные из учреждений, направляются на "
                            "местные службы в сообществах.",
                            en="Money freed up from institutions goes to local community services.",
                        ),
                        T(
                            ky="Баланы мекемеге жөнөтүү чечими Балдар жөнүндө кодексте "
                            "көрсөтүлгөндөй кылдат текшерилет (гейткипинг).",
                            ru="Решение о помещении ребёнка в учреждение проходит тщательную "
                            "проверку (гейткипинг), как того требует Кодекс о детях.",
                            en="Gatekeeping works as the Children's Code sets out: placing a "
                            "child in an institution is carefully checked first.",
                        ),
                        T(
                            ky="Социалдык камкордукта ар бир учур боюнча жеке иш алып баруу "
                            "(кейс-менеджмент) жана минималдуу сапат стандарттары "
                            "колдонулат.",
                            ru="В социальной помощи применяются ведение случая "
                            "(кейс-менеджмент) и минимальные стандарты качества.",
                            en="Social care uses case management and minimum quality standards.",
                        ),
                    ]
                ),
            ],
        },
    ),
    PageSpec(
        key="programme-community",
        model="home.ProgrammePage",
        parent="programmes",
        slug="family-strengthening",
        fields={
            "title": T(
                ky="Үй-бүлөнү бекемдөө жана жамааттагы иш",
                ru="Укрепление семьи и работа в сообществах",
                en="Family strengthening and community work",
            ),
            "intro": T(
                ky="Балдар өз үй-бүлөсүндө калышы үчүн үй-бүлөлөргө укуктук, турак-жай жана "
                "материалдык жардам көрсөтөбүз, балдар жана аялдар клубдарын уюштурабыз.",
                ru="Чтобы дети оставались в своих семьях, мы оказываем семьям юридическую, "
                "жилищную и материальную помощь и ведём детские и женские клубы.",
                en="So that children can stay with their families, we give families legal, "
                "housing and material help and run children's and women's clubs.",
            ),
            "image": ImageRef("programme-community"),
            "image_alt": T(
                ky="Чоңдор менен балдар катар турат, чийме сүрөт",
                ru="Рисунок: взрослые и дети стоят рядом",
                en="Drawing of adults and children standing side by side",
            ),
            "objectives": [
                objective(
                    T(ky="Укуктук колдоо", ru="Юридическая поддержка", en="Legal support"),
                    T(
                        ky="Паспорт, туулгандыгы тууралуу күбөлүк сыяктуу документтерди "
                        "калыбына келтирүүгө жана майыптык статусун каттоого жардам беребиз.",
                        ru="Помогаем восстановить документы, например паспорта и "
                        "свидетельства о рождении, и оформить статус инвалидности.",
                        en="We help people restore documents such as passports and birth "
                        "certificates, and register disability status.",
                    ),
                ),
                objective(
                    T(
                        ky="Турак-жай жана каржылык колдоо",
                        ru="Жилищная и финансовая помощь",
                        en="Housing and financial support",
                    ),
                    T(
                        ky="Кризис учурунда үй-бүлөлөр турак жай маселеси боюнча жардам жана "
                        "материалдык колдоо алышат.",
                        ru="В кризисной ситуации семьи получают помощь с жильём и "
                        "материальную поддержку.",
                        en="In a crisis, families get help with housing and material support.",
                    ),
                ),
                objective(
                    T(
                        ky="Балдар жана аялдар клубдары",
                        ru="Детские и женские клубы",
                        en="Children's and women's clubs",
                    ),
                    T(
                        ky="Клубдар колдоо тармагын, окутууну жана коопсуз чөйрөнү түзөт; "
                        "ошол жерден адамдар керектүү кызматтарга багытталат.",
                        ru="Клубы дают поддержку, обучение и безопасное пространство, откуда "
                        "людей направляют к нужным службам.",
                        en="The clubs offer a support network, training and a safe space "
                        "from which people are referred to the services they need.",
                    ),
                ),
            ],
            "body": [
                heading(
                    T(
                        ky="Биз эмнени жактайбыз",
                        ru="За что мы выступаем",
                        en="What we campaign for",
                    )
                ),
                paragraph(
                    [
                        T(
                            ky="үй-бүлөлөрдү бекемдеген улуттук саясат",
                            ru="национальная политика, которая укрепляет семьи",
                            en="national policies that strengthen families",
                        ),
                        T(
                            ky="балдардын үй-бүлөсүндө калышына жардам берген программалар",
                            ru="программы, которые помогают детям оставаться в своих семьях",
                            en="programmes that help children stay with their families",
                        ),
                        T(
                            ky="кризис учурундагы субсидиялар жана материалдык жардам",
                            ru="субсидии и материальная помощь в кризисной ситуации",
                            en="subsidies and material help in a crisis",
                        ),
                        T(
                            ky="бардык үй-бүлөлөр үчүн социалдык жана медициналык кызматтар",
                            ru="социальные и медицинские услуги для всех семей",
                            en="social and health services for every family",
                        ),
                        T(
                            ky="баарына жеткиликтүү билим",
                            ru="образование для всех",
                            en="education for all",
                        ),
                        T(
                            ky="татыктуу турак жай, санитария жана таза суу",
                            ru="достойное жильё, санитария и чистая вода",
                            en="adequate housing, sanitation and clean water",
                        ),
                        T(
                            ky="баланын кызыкчылыгын эске алган үй-бүлөлүк кеңеш берүү",
                            ru="семейное консультирование с учётом интересов ребёнка",
                            en="family counselling that keeps the child's needs in view",
                        ),
                    ]
                ),
                heading(
                    T(
                        ky="Укуктарды коргоодон тышкары",
                        ru="Помимо защиты прав",
                        en="Beyond advocacy",
                    )
                ),
                paragraph(
                    T(
                        ky="Биз коомчулукка балдардын абалы тууралуу маалымат таратабыз, "
                        "өнөктөштөр жана уюмдардын тармактары менен кызматташабыз, балдар "
                        "үчүн каражат чогултабыз.",
                        ru="Мы рассказываем обществу о положении детей, сотрудничаем с "
                        "партнёрами и сетями организаций и собираем средства для детей.",
                        en="We raise awareness of children's situation, work with partners "
                        "and networks, and raise funds for children.",
                    )
                ),
                figures(
                    (
                        same("7"),
                        T(
                            ky="бардык программаларды бириктирген тема",
                            ru="сквозных тем во всех программах",
                            en="cross-cutting themes in every programme",
                        ),
                    ),
                ),
            ],
        },
    ),
]
