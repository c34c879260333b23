"""The privacy notice: what the donation code stores, for how long, who processes it.

Written from what the code does (donations.models.Donation, local_giving.StatementLine,
donations.privacy); facts the code cannot know are placeholders for an editor.
"""

from ..base import T, heading, paragraph
from .spec import PageSpec

PAGES = [
    PageSpec(
        key="privacy",
        model="home.PrivacyPage",
        parent="home",
        slug="privacy",
        show_in_menus=False,
        fields={
            "title": T(
                ky="Купуялуулук саясаты",
                ru="Политика конфиденциальности",
                en="Privacy notice",
            ),
            "intro": T(
                ky="Белек бергениңизде биз сиз тууралуу эмнени сактайбыз, эмне үчүн, канча "
                "убакытка чейин, аны дагы ким иштетет жана аны кантип өчүрүүгө болот.",
                ru="Что мы храним о вас, когда вы жертвуете, зачем и как долго, кто ещё "
                "обрабатывает эти данные и как их удалить.",
                en="What we keep about you when you give, why and for how long, who else "
                "handles it, and how to have it removed.",
            ),
            "body": [
                heading(T(ky="Ким жооп берет", ru="Кто отвечает", en="Who is responsible")),
                paragraph(
                    T(
                        ky="Бул жерде сүрөттөлгөн жеке маалыматтар үчүн «Кыргызстандын SOS "
                        "Балдар Айылдары» Коомдук фонду жооп берет: 720001, Бишкек ш., Исанов "
                        "көчөсү, 94/3; телефон +996 312 611546.",
                        ru="За персональные данные, описанные здесь, отвечает Общественный "
                        "фонд «SOS Детские Деревни Кыргызстана»: 720001, г. Бишкек, ул. "
                        "Исанова, 94/3; телефон +996 312 611546.",
                        en='Public Fund "SOS Children\'s Villages Kyrgyzstan", 94/3 Isanova '
                        "street, 720001 Bishkek, phone +996 312 611546, is responsible for the "
                        "personal data described here.",
                    ),
                    T(
                        ky="Жеке маалыматтарыңыз боюнча суроолоруңузду жогорудагы дарекке "
                        "жазыңыз же телефон аркылуу бериңиз.",
                        ru="С вопросами о ваших данных пишите нам по адресу выше или "
                        "звоните по этому телефону.",
                        en="For questions about your data, write to us at the address above "
                        "or call that number.",
                    ),
                ),
                heading(
                    T(
                        ky="Белек бергениңизде эмне сакталат",
                        ru="Что хранится, когда вы жертвуете",
                        en="What we keep when you give",
                    )
                ),
                paragraph(
                    T(
                        ky="Бул сайт аркылуу белек бергениңизде биздин белектер реестрибизде "
                        "төмөнкүлөр сакталат:",
                        ru="Когда вы жертвуете через этот сайт, в нашем реестре пожертвований "
                        "хранится:",
                        en="When you give through this site, our ledger of gifts keeps:",
                    ),
                    [
                        T(
                            ky="атыңыз жана электрондук почтаңыз (эгер аларды жазсаңыз), "
                            "ошондой эле атыңызды жарыялабоону сурадыңызбы же жокпу;",
                            ru="ваше имя и адрес электронной почты (если вы их указали) и "
                            "отметка о том, просили ли вы не называть ваше имя;",
                            en="your name and email address (if you gave them), and whether "
                            "you asked to give anonymously;",
                        ),
                        T(
                            ky="сумма, валюта, фонд, белектин мезгилдүүлүгү жана белек "
                            "берилген барактын тили;",
                            ru="сумма, валюта, фонд, периодичность и язык страницы, с которой "
                            "вы сделали пожертвование;",
                            en="the amount, currency, fund and frequency, and the language of "
                            "the page you gave from;",
                        ),
                        T(
                            ky="арноо, эгер аны жазсаңыз;",
                            ru="посвящение, если вы его написали;",
                            en="a dedication, if you wrote one;",
                        ),
                        T(
                            ky="карта менен берилген белек үчүн: Stripe төлөмгө, Checkout "
                            "сессиясына, ай сайын берилүүчү белекте кардарга жана жазылууга "
                            "берген идентификаторлор, ошондой эле алар тууралуу Stripe бизге "
                            "жөнөткөн билдирүүлөр;",
                            ru="для пожертвования картой: идентификаторы, которые Stripe "
                            "присваивает платежу, сессии Checkout, а для ежемесячного "
                            "пожертвования — клиенту и подписке, а также сообщения Stripe о них;",
                            en="for a card gift: the identifiers Stripe gives the payment, the "
                            "Checkout session and, for a monthly gift, the customer and the "
                            "subscription, with the messages Stripe sends us about them;",
                        ),
                        T(
                            ky="банк которуусу же QR төлөм үчүн: биз берген төлөм коду, акча "
                            "келгенде — банктын көчүрмөсүндөгү сап: төлөөчүнүн аты жана "
                            "төлөмдүн максаты;",
                            ru="для банковского перевода или QR-платежа: код платежа, который "
                            "мы вам дали, а когда деньги поступят — строка банковской выписки "
                            "с именем плательщика и назначением платежа;",
                            en="for a bank transfer or QR payment: the payment reference we "
                            "gave you and, once the money arrives, the bank statement line "
                            "with the payer's name and the payment purpose;",
                        ),
                        T(
                            ky="квитанциянын номери, төлөнгөн жана кайтарылган күндөр.",
                            ru="номер квитанции, даты оплаты и возврата, если он был.",
                            en="the receipt number and the dates of payment and of any refund.",
                        ),
                    ],
                    T(
                        ky="Картаңыздын номерин биз көрбөйбүз жана сактабайбыз: аны Stripe'тын "
                        "барагына киргизесиз. Сайт жарнама же көз салуу үчүн cookie "
                        "колдонбойт: тандаган тилиңизди эстеген бир cookie жана белек "
                        "берип жатканда жасалма формалардан коргогон коопсуздук белгиси гана "
                        "бар.",
                        ru="Номер вашей карты мы не видим и не храним: вы вводите его на "
                        "странице Stripe. Сайт не использует рекламные и отслеживающие "
                        "cookie: есть только cookie, которая помнит выбранный язык, и, пока "
                        "вы оформляете пожертвование, защитный токен против поддельных форм.",
                        en="We never see or store your card number: you enter it on Stripe's "
                        "page. The site sets no advertising or tracking cookies, only one "
                        "that remembers your language and, while you give, a security token "
                        "against forged forms.",
                    ),
                ),
                heading(T(ky="Эмне үчүн", ru="Зачем", en="Why")),
                paragraph(
                    T(
                        ky="Бул маалыматтар белегиңизди кабыл алуу, сизге квитанция жөнөтүү, "
                        "суроолоруңузга жооп берүү жана мыйзам коомдук фонддон талап кылган "
                        "бухгалтердик эсепти жүргүзүү үчүн колдонулат. Биз аларды сатпайбыз "
                        "жана жарнама үчүн эч кимге бербейбиз.",
                        ru="Мы используем эти данные, чтобы принять ваше пожертвование, "
                        "отправить квитанцию, ответить на ваши вопросы и вести учёт, которого "
                        "закон требует от общественного фонда. Мы не продаём их и не передаём "
                        "для рекламы.",
                        en="We use these data to take your gift, send you a receipt, answer "
                        "your questions and keep the accounts the law requires of a public "
                        "fund. We do not sell them or pass them on for marketing.",
                    ),
                ),
                heading(T(ky="Канча убакыт сакталат", ru="Как долго", en="For how long")),
                paragraph(
                    [
                        T(
                            ky="Аякталган белектер жана алардын квитанциялары биздин "
                            "бухгалтердик эсебибиздин бир бөлүгү, ошондуктан бухгалтердик "
                            "жана салык эрежелери талап кылган мөөнөткө сакталат.",
                            ru="Завершённые пожертвования и квитанции к ним входят в наш "
                            "бухгалтерский учёт и хранятся столько, сколько требуют правила "
                            "учёта и налогообложения.",
                            en="Completed gifts and their receipts are part of our accounts "
                            "and are kept as long as accounting and tax rules require.",
                        ),
                        T(
                            ky="Аягына чыкпаган белектен (жокко чыгарылган, ишке ашпаган же "
                            "мөөнөтү өткөн карта төлөмү, же акчасы келбеген банк которуусу) "
                            "90 күндөн кийин атыңыз, электрондук почтаңыз жана арнооңуз "
                            "өчүрүлөт; статистика үчүн сумма, фонд жана даталар гана калат.",
                            ru="У незавершённого пожертвования (отменённый, неудавшийся или "
                            "просроченный платёж картой или перевод, деньги по которому так и "
                            "не поступили) через 90 дней удаляются ваше имя, адрес почты и "
                            "посвящение; для статистики остаются только сумма, фонд и даты.",
                            en="A gift that is never completed (a card payment that was "
                            "cancelled, failed or expired, or a transfer whose money never "
                            "arrived) loses your name, email address and dedication after 90 "
                            "days; only the amount, fund and dates remain, for our statistics.",
                        ),
                        T(
                            ky="Биз жарыялаган сандар (программалардын барактарында жана "
                            "ачык-айкындуулук барагында) 5 белектен азына негизделген "
                            "сумманы эч качан көрсөтпөйт.",
                            ru="Публикуемые нами цифры (на страницах программ и на странице "
                            "прозрачности) никогда не показывают сумму, основанную менее чем "
                            "на 5 пожертвованиях.",
                            en="The figures we publish (on programme pages and the "
                            "transparency page) never show an amount based on fewer than 5 "
                            "gifts.",
                        ),
                    ],
                ),
                heading(
                    T(
                        ky="Маалыматтарыңызды дагы ким иштетет",
                        ru="Кто ещё обрабатывает ваши данные",
                        en="Who else processes your data",
                    )
                ),
                paragraph(
                    [
                        T(
                            ky="Stripe карта төлөмдөрүн иштетет: ал электрондук почтаңызды "
                            "жана өз барагында киргизген карта маалыматтарыңызды өзүнүн "
                            "купуялуулук саясатына ылайык алат.",
                            ru="Stripe обрабатывает платежи картой: он получает ваш адрес "
                            "почты и данные карты, которые вы вводите на его странице, и "
                            "обращается с ними по своей политике конфиденциальности.",
                            en="Stripe processes card payments: it receives your email "
                            "address and the card details you enter on its page, under its "
                            "own privacy policy.",
                        ),
                        T(
                            ky="Электрондук почта кызматы квитанцияңызды жеткирет: ал "
                            "почтаңыздын дарегин жана квитанцияны иштетет.",
                            ru="Почтовый сервис доставляет вашу квитанцию: он обрабатывает "
                            "ваш адрес и саму квитанцию.",
                            en="Our email provider delivers your receipt: it handles your "
                            "address and the receipt.",
                        ),
                        T(
                            ky="Хостинг провайдери сайт жана анын маалымат базасы жайгашкан "
                            "серверлерди тейлейт.",
                            ru="Хостинг-провайдер обслуживает серверы, на которых работают "
                            "сайт и его база данных.",
                            en="Our hosting provider runs the servers that hold the site and "
                            "its database.",
                        ),
                        T(
                            ky="Банк которуусун же QR төлөмүн сиздин банкыңыз башка "
                            "төлөмдөрдөй эле иштетет.",
                            ru="Банковский перевод или QR-платёж ваш банк обрабатывает так же, "
                            "как любой другой ваш платёж.",
                            en="Your bank handles a transfer or QR payment as it handles any "
                            "other payment you make.",
                        ),
                    ],
                ),
                heading(
                    T(
                        ky="Маалыматтарыңызды өчүрүү",
                        ru="Удаление ваших данных",
                        en="Having your data removed",
                    )
                ),
                paragraph(
                    T(
                        ky="Биз сиз тууралуу эмнени сактаганыбызды сурасаңыз, аны оңдотсоңуз "
                        "же өчүрүүнү талап кылсаңыз болот. Өчүргөндө сиздин электрондук "
                        "почтаңыз менен берилген бардык белектерден атыңызды, почтаңызды "
                        "жана арнооңузду, ошол белектерге тиешелүү банк көчүрмөсүнүн "
                        "саптарынан жана Stripe билдирүүлөрүнөн да өчүрөбүз, ал эми белектер "
                        "аты аталбаган болуп калат.",
                        ru="Вы можете спросить, что мы о вас храним, попросить исправить или "
                        "удалить эти данные. При удалении мы стираем ваше имя, адрес почты и "
                        "посвящение из всех пожертвований, сделанных с вашим адресом, а также "
                        "из связанных с ними строк банковских выписок и сообщений Stripe, и "
                        "помечаем эти пожертвования как анонимные.",
                        en="You can ask what we keep about you, have it corrected, or have it "
                        "removed. To remove it, we erase your name, email address and "
                        "dedication from every gift made with your email address, and from "
                        "the bank statement lines and Stripe messages about those gifts, and "
                        "mark the gifts as anonymous.",
                    ),
                    T(
                        ky="Сумма, фонд, даталар жана квитанциянын номери калат, анткени "
                        "бухгалтердик эсеп жана квитанциялардын номерлери толук бойдон "
                        "калышы керек. Stripe өз көчүрмөсүн сактайт: сиз сурасаңыз, "
                        "Stripe'тагы кардар жазууңузду өчүрөбүз жана ай сайын берилүүчү "
                        "белегиңизди токтотобуз.",
                        ru="Сумма, фонд, даты и номер квитанции остаются, потому что учёт и "
                        "нумерация квитанций должны быть полными. У Stripe есть своя копия: "
                        "по вашей просьбе мы удалим и вашу запись клиента в Stripe и "
                        "остановим ежемесячное пожертвование.",
                        en="The amount, fund, dates and receipt number stay, because our "
                        "accounts and the numbering of receipts must stay complete. Stripe "
                        "keeps its own copy: on request we also delete your customer record "
                        "at Stripe and stop a monthly gift.",
                    ),
                    T(
                        ky="Бизге жогорудагы дарек же телефон аркылуу, белек берүүдө "
                        "көрсөткөн электрондук почтаңыздан кайрылыңыз: ошондо өтүнүч сизден "
                        "экенин билебиз.",
                        ru="Напишите или позвоните нам по адресу или телефону, указанным "
                        "выше; пишите с того адреса почты, который вы указали при "
                        "пожертвовании, чтобы мы знали, что просьба исходит от вас.",
                        en="Write or call us at the address or phone number above; write "
                        "from the email address you gave with your gift, so that we know the "
                        "request is yours.",
                    ),
                ),
            ],
        },
    ),
]
