"""The offices page (the offices themselves are snippets)."""

from ..base import T, paragraph
from .spec import PageSpec

PAGES = [
    PageSpec(
        key="offices",
        model="home.OfficesPage",
        parent="home",
        slug="contacts",
        fields={
            "title": T(ky="Байланыш", ru="Контакты", en="Contacts"),
            "intro": T(
                ky="Улуттук координациялык кеңсебиз Бишкекте жайгашкан. Суроолоруңуз болсо, "
                "телефон же факс аркылуу кайрылыңыз.",
                ru="Наш Национальный координационный офис находится в Бишкеке. С вопросами "
                "обращайтесь по телефону или факсу.",
                en="Our National Coordination Office is in Bishkek. Call us or send a fax "
                "with any question.",
            ),
            "body": [
                paragraph(
                    T(
                        ky="[Толтуруу керек: кеңсенин иш убактысы жана электрондук почтасы.]",
                        ru="[Заполнить: часы работы офиса и адрес электронной почты.]",
                        en="[To be filled in: office hours and email address.]",
                    )
                ),
            ],
        },
    ),
]
