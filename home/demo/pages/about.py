"""Content pages: about us, cross-cutting themes, the sister association in Uzbekistan."""

from ..base import T, figures, heading, image, paragraph, same
from .spec import PageSpec

PAGES = [
    PageSpec(
        key="about",
        model="home.ContentPage",
        parent="home",
        slug="about",
        fields={
            "title": T(ky="Биз жөнүндө", ru="О нас", en="About us"),
            "intro": T(
                ky="«Кыргызстандын SOS Балдар Айылдары» Коомдук фонду SOS Балдар "
                "Айылдарынын дүйнөлүк федерациясынын бир бөлүгү.",
                ru="Общественный фонд «SOS Детские Деревни Кыргызстана» — часть всемирной "
                "федерации SOS Детские Деревни.",
                en='Public Fund "SOS Children\'s Villages Kyrgyzstan" is part of the '
                "worldwide federation of SOS Children's Villages.",
            ),
            "body": [
                paragraph(
                    T(
                        ky="Биздин максат: ар бир бала аны сүйгөн, урматтаган жана "
                        "коргогон үй-бүлөдө чоңойсун.",
                        ru="Наша цель — чтобы каждый ребёнок рос в семье, где его любят, "
                        "уважают и берегут.",
                        en="Our aim is for every child to grow up in a family that loves, "
                        "respects and protects them.",
                    )
                ),
                heading(
                    T(
                        ky="Эл аралык федерация",
                        ru="Международная федерация",
                        en="An international federation",
                    )
                ),
                paragraph(
                    T(
                        ky="SOS-Kinderdorf International федерациясы 133 өлкөдө жана аймакта "
                        "2 100дөн ашык программаны жүргүзөт. Федерация Нобель тынчтык "
                        "сыйлыгына 14 жолу көрсөтүлгөн.",
                        ru="Федерация SOS-Kinderdorf International ведёт более 2 100 программ "
                        "в 133 странах и регионах. Её 14 раз выдвигали на Нобелевскую премию "
                        "мира.",
                        en="The SOS-Kinderdorf International federation runs more than 2,100 "
                        "programmes in 133 countries and regions. It has been nominated for "
                        "the Nobel Peace Prize 14 times.",
                    )
                ),
                figures(
                    (
                        same("133"),
                        T(ky="өлкө жана аймак", ru="страны и региона", en="countries and regions"),
                    ),
                    (
                        T(ky="2 100+", ru="2 100+", en="2,100+"),
                        T(ky="программа", ru="программ", en="programmes"),
                    ),
                    (
                        same("14"),
                        T(
                            ky="жолу Нобель тынчтык сыйлыгына көрсөтүлгөн",
                            ru="номинаций на Нобелевскую премию мира",
                            en="Nobel Peace Prize nominations",
                        ),
                    ),
                ),
                heading(T(ky="Реквизиттер", ru="Реквизиты", en="Official details")),
                paragraph(
                    T(
                        ky="Дарек: 720001, Бишкек ш., Исанов көчөсү, 94/3.",
                        ru="Адрес: 720001, г. Бишкек, ул. Исанова, 94/3.",
                        en="Address: 94/3 Isanova street, 720001 Bishkek, Kyrgyzstan.",
                    ),
                    T(
                        ky="[Толтуруу керек: фонддун каттоо номери.]",
                        ru="[Заполнить: регистрационный номер фонда.]",
                        en="[To be filled in: the fund's registration number.]",
                    ),
                    T(
                        ky="[Толтуруу керек: банк реквизиттери жана эсеп номери.]",
                        ru="[Заполнить: банковские реквизиты и номер счёта.]",
                        en="[To be filled in: bank details and account number.]",
                    ),
                ),
            ],
        },
    ),
    PageSpec(
        key="themes",
        model="home.ContentPage",
        parent="about",
        slug="cross-cutting-themes",
        fields={
            "title": T(
                ky="Бардык программаларга жалпы темалар",
                ru="Сквозные темы",
                en="Cross-cutting themes",
            ),
            "intro": T(
                ky="Бул темаларды ар бир программабызда эске алабыз.",
                ru="Эти темы мы учитываем в каждой нашей программе.",
                en="These themes run through every programme we run.",
            ),
            "body": [
                paragraph(
                    [
                        T(
                            ky="Мүмкүнчүлүктөрдү өнүктүрүү: кызматкерлердин, өнөктөштөрдүн "
                            "жана жамааттардын билимин жана көндүмдөрүн бекемдейбиз.",
                            ru="Развитие потенциала: укрепляем знания и навыки сотрудников, "
                            "партнёров и сообществ.",
                            en="Capacity building: growing the knowledge and skills of staff, "
                            "partners and communities.",
                        ),
                        T(
                            ky="Кызматташтык: мамлекеттик органдар, жарандык коом жана "
                            "жамааттар менен бирге иштейбиз.",
                            ru="Сотрудничество: работаем вместе с государственными органами, "
                            "гражданским обществом и сообществами.",
                            en="Collaboration: working with state bodies, civil society and "
                            "communities.",
                        ),
                        T(
                            ky="Катышуу: балдардын, жаштардын жана үй-бүлөлөрдүн пикирин угуп, "
                            "аларды чечим кабыл алууга тартабыз.",
                            ru="Участие: слышим детей, молодёжь и семьи и вовлекаем их в "
                            "принятие решений.",
                            en="Participation: listening to children, young people and "
                            "families, and involving them in decisions.",
                        ),
                        T(
                            ky="Укуктарды коргоо: саясатта жана мыйзамдарда балдардын "
                            "кызыкчылыгын жактайбыз.",
                            ru="Защита прав: отстаиваем интересы детей в политике и "
                            "законодательстве.",
                            en="Advocacy: speaking up for children in policy and law.",
                        ),
                        T(
                            ky="Гендер: кыздар менен балдарга, аялдар менен эркектерге бирдей "
                            "мүмкүнчүлүк.",
                            ru="Гендер: равные возможности для девочек и мальчиков, женщин и "
                            "мужчин.",
                            en="Gender: equal chances for girls and boys, women and men.",
                        ),
                        T(
                            ky="Майыптык: ден соолугунун мүмкүнчүлүгү чектелген балдар жана "
                            "чоңдор бардык иштерге толук катышат.",
                            ru="Инвалидность: дети и взрослые с инвалидностью полноценно "
                            "участвуют во всём.",
                            en="Disability: children and adults with disabilities take a full "
                            "part in everything.",
                        ),
                        T(
                            ky="Айлана-чөйрө: жаратылышка аяр мамиле жасайбыз жана коопсуз "
                            "жашоо шарттары үчүн камкордук көрөбүз.",
                            ru="Окружающая среда: бережём природу и заботимся о безопасных "
                            "условиях жизни.",
                            en="Environment: caring for nature and for safe living conditions.",
                        ),
                    ]
                ),
            ],
        },
    ),
    PageSpec(
        key="uzbekistan",
        model="home.ContentPage",
        parent="about",
        slug="sos-uzbekistan",
        fields={
            "title": T(
                ky="Өзбекстандагы бир тууган уюм",
                ru="Сестринская организация в Узбекистане",
                en="Our sister association in Uzbekistan",
            ),
            "intro": T(
                ky="Өзбекстандын SOS Балдар Айылдары 1997-жылы негизделген коммерциялык эмес "
                "ассоциация.",
                ru="«SOS Детские Деревни Узбекистана» — некоммерческая ассоциация, основанная "
                "в 1997 году.",
                en="SOS Children's Villages of Uzbekistan is a non-profit association founded "
                "in 1997.",
            ),
            "body": [
                paragraph(
                    T(
                        ky="Ассоциация SOS Children's Villages International уюмунун мүчөсү "
                        "жана Өзбекстан Өкмөтү менен түзүлгөн келишимдин негизинде иштейт.",
                        ru="Ассоциация входит в SOS Children's Villages International и "
                        "работает на основании соглашения с правительством Узбекистана.",
                        en="The association is a member of SOS Children's Villages "
                        "International and works under an agreement with the Government of "
                        "Uzbekistan.",
                    )
                ),
                heading(T(ky="Кызматтар", ru="Услуги", en="Services")),
                paragraph(
                    [
                        T(
                            ky="үй-бүлөлүк камкордук: бала үй-бүлөдө тарбияланат",
                            ru="семейная опека: ребёнок растёт в семье",
                            en="family guardianship: the child grows up in a family",
                        ),
                        T(
                            ky="камкордуктан чыккан жаштарды колдоо",
                            ru="поддержка молодых людей, покидающих систему опеки",
                            en="support for young people leaving care",
                        ),
                        T(
                            ky="үй-бүлөнү бекемдөө",
                            ru="укрепление семьи",
                            en="family strengthening",
                        ),
                        T(
                            ky="психологиялык жана укуктук жардам көрсөткөн социалдык борборлор",
                            ru="социальные центры с психологической и юридической помощью",
                            en="social centres offering psychological and legal support",
                        ),
                    ]
                ),
                heading(
                    T(
                        ky="Моделдин негизги принциптери",
                        ru="Принципы модели",
                        en="Principles of the model",
                    )
                ),
                paragraph(
                    [
                        T(
                            ky="ар бир баланын ага кам көргөн ата-энеси бар",
                            ru="у каждого ребёнка есть заботливый родитель",
                            en="every child has a caring parent",
                        ),
                        T(
                            ky="үй-бүлөлүк байланыштар табигый түрдө бекийт",
                            ru="семейные связи складываются естественно",
                            en="family ties grow naturally",
                        ),
                        T(
                            ky="ар бир үй-бүлө өз үйүн өзү түзөт",
                            ru="каждая семья сама создаёт свой дом",
                            en="each family makes its own home",
                        ),
                        T(
                            ky="SOS үй-бүлөсү өз жамаатынын ажырагыс бөлүгү",
                            ru="SOS-семья — часть своего сообщества",
                            en="the SOS family is part of its community",
                        ),
                    ]
                ),
                image(
                    "uzbekistan",
                    T(
                        ky="Көк асман астындагы үйлөрдүн абстракттуу сүрөтү",
                        ru="Абстрактный рисунок: дома под голубым небом",
                        en="Abstract drawing of houses under a blue sky",
                    ),
                ),
            ],
        },
    ),
]
