"""The advocacy page: four directions, standards, research, care leavers."""

from ..base import ImageRef, T, direction, heading, image, paragraph
from .spec import PageSpec

PAGES = [
    PageSpec(
        key="advocacy",
        model="home.AdvocacyPage",
        parent="home",
        slug="advocacy",
        fields={
            "title": T(ky="Укуктарды коргоо", ru="Защита прав детей", en="Advocacy"),
            "intro": T(
                ky="Биз жетим балдардын, ата-эненин камкордугусуз калган балдардын жана "
                "аны жоготуу коркунучундагы балдардын укуктарын коргойбуз жана илгерилетебиз.",
                ru="Мы защищаем и продвигаем права сирот, детей, оставшихся без попечения "
                "родителей, и детей, которые рискуют его лишиться.",
                en="We protect and promote the rights of orphans, of children without "
                "parental care, and of children at risk of losing it.",
            ),
            "social_image": ImageRef("advocacy"),
            "directions": [
                direction(
                    T(
                        ky="Жетимдердин жана ата-эненин камкордугусуз калган балдардын укуктары",
                        ru="Права сирот и детей, оставшихся без попечения родителей",
                        en="The rights of orphans and of children without parental care",
                    ),
                    T(
                        ky="Ар бир баланын укуктары кагаз жүзүндө гана эмес, күнүмдүк "
                        "турмушта да сакталышы үчүн иштейбиз.",
                        ru="Добиваемся, чтобы права каждого ребёнка соблюдались не только "
                        "на бумаге, но и в повседневной жизни.",
                        en="We work so that every child's rights are respected in daily "
                        "life, not only on paper.",
                    ),
                ),
                direction(
                    T(
                        ky="Балдарды мекемелерге жайгаштыруунун алдын алган социалдык кызматтар",
                        ru="Социальные услуги, которые не дают детям попасть в учреждения",
                        en="Social services that keep children out of institutions",
                    ),
                    T(
                        ky="Кыйынчылыкка кабылган үй-бүлөгө өз убагында жардам берген "
                        "жергиликтүү кызматтардын өнүгүшүн колдойбуз.",
                        ru="Поддерживаем местные службы, которые вовремя приходят на помощь "
                        "семье в трудной ситуации.",
                        en="We back local services that reach a family in difficulty "
                        "before it is too late.",
                    ),
                ),
                direction(
                    T(
                        ky="Үй-бүлөгө негизделген альтернативдүү камкордук",
                        ru="Альтернативные формы ухода на основе семьи",
                        en="Family-based alternative care",
                    ),
                    T(
                        ky="Ата-эненин камкордугусуз калган бала мекемеде эмес, үй-бүлөлүк "
                        "чөйрөдө чоңоюшу керек деп эсептейбиз.",
                        ru="Мы убеждены: ребёнок, оставшийся без родителей, должен расти "
                        "в семейной обстановке, а не в учреждении.",
                        en="We believe a child without parental care should grow up in a "
                        "family setting, not in an institution.",
                    ),
                ),
                direction(
                    T(
                        ky="Камкордуктан чыккан жаштардын укуктары",
                        ru="Права выпускников системы опеки",
                        en="The rights of young people leaving care",
                    ),
                    T(
                        ky="Мекемелерден жана камкордук системасынан чыккан жаштардын өз "
                        "алдынча жашоого даярданышына көмөктөшөбүз.",
                        ru="Помогаем молодым людям, которые покидают учреждения и систему "
                        "опеки, подготовиться к самостоятельной жизни.",
                        en="We help young people leaving institutions and care get ready "
                        "for an independent life.",
                    ),
                ),
            ],
            "body": [
                heading(
                    T(
                        ky="Эл аралык стандарттар",
                        ru="Международные стандарты",
                        en="International standards",
                    )
                ),
                paragraph(
                    T(
                        ky="SOS-Kinderdorf International менен бирге биз «Балдар үчүн сапат "
                        "стандарттарын» жана БУУнун Балдарга альтернативдүү камкордук көрсөтүү "
                        "боюнча жетекчилик принциптерин иштеп чыгууга жана кабыл алууга салым "
                        "коштук.",
                        ru="Вместе с SOS-Kinderdorf International мы участвовали в разработке "
                        "и принятии «Стандартов качества для детей» и Руководящих указаний ООН "
                        "по альтернативному уходу за детьми.",
                        en="Together with SOS-Kinderdorf International we helped to draft and "
                        "adopt the “Quality Standards for Children” and the UN Guidelines for "
                        "the Alternative Care of Children.",
                    )
                ),
                heading(
                    T(
                        ky="Төрт жылда бир изилдөө",
                        ru="Исследование раз в четыре года",
                        en="Research every four years",
                    )
                ),
                paragraph(
                    T(
                        ky="Ар бир төрт жылда Кыргызстанда балдардын укуктары кандай "
                        "сакталып жатканын изилдейбиз. Ошентип биздин сунуштарыбыз так "
                        "маалыматтарга таянат.",
                        ru="Каждые четыре года мы изучаем, как в Кыргызстане соблюдаются права "
                        "детей. Так наши предложения опираются на проверенные данные.",
                        en="Every four years we study how children's rights are upheld in "
                        "Kyrgyzstan, so that what we propose rests on evidence.",
                    )
                ),
                heading(
                    T(
                        ky="Камкордуктан чыккан жаштар",
                        ru="Выпускники системы опеки",
                        en="Young people leaving care",
                    )
                ),
                paragraph(
                    T(
                        ky="2009-жылдан бери камкордуктан чыккан жаштардын төмөнкү укуктары "
                        "үчүн иштеп келебиз:",
                        ru="С 2009 года мы отстаиваем права выпускников системы опеки на:",
                        en="Since 2009 we have worked for the rights of care leavers to:",
                    ),
                    [
                        T(ky="турак жай", ru="жильё", en="housing"),
                        T(ky="социалдык кызматтар", ru="социальные услуги", en="social services"),
                        T(ky="билим алуу", ru="образование", en="education"),
                        T(ky="жумушка орношуу", ru="трудоустройство", en="employment"),
                        T(
                            ky="коомдук турмушка катышуу",
                            ru="участие в жизни общества",
                            en="a full part in society",
                        ),
                    ],
                ),
                image(
                    "advocacy",
                    T(
                        ky="Бири-бири менен байланышкан тегеректердин абстракттуу сүрөтү",
                        ru="Абстрактный рисунок: связанные между собой круги",
                        en="Abstract drawing of linked circles",
                    ),
                ),
            ],
        },
    ),
]
