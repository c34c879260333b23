"""Demo step for local giving (registered in local_giving/wagtail_hooks.py).

Creates what is missing and changes nothing that exists: bank accounts with
clearly marked placeholders (no account number is ever invented, so donors see
"not yet configured" until the finance team fills them in), a demo ELQR code on
the KGS account whose payee is obviously not real (a reserved ``.invalid`` domain
and a zero recipient), so the pledge page shows the bank-app button, an example
statement format, the transparency page in Kyrgyz with Russian and English
translations made through wagtail-localize, fund links on two programme pages,
and, on the first load only, demo gifts through every channel.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from wagtail.models import Locale

from donations.models import Donation, Fund
from home.demo.base import LANGUAGES, SOURCE_LANGUAGE, T
from home.demo.organisation import DETAILS
from home.demo.pages import get_demo_page
from home.demo.pages.spec import PageSpec
from home.demo.translations import translate_missing

from . import elqr
from .models import PLACEHOLDER, BankAccount, ProgrammeFund, StatementFormat
from .services import confirm_transfer, create_pledge

FUNDS = {
    "where-most-needed": {
        "name": T(
            ky="Эң керектүү жерге",
            ru="Туда, где нужнее всего",
            en="Where most needed",
        ),
        "is_default": True,
        "sort_order": 0,
    },
    "family-strengthening": {
        "name": T(
            ky="Үй-бүлөнү бекемдөө",
            ru="Укрепление семьи",
            en="Family strengthening",
        ),
        "is_default": False,
        "sort_order": 10,
    },
}

PURPOSE = T(
    ky="Кайрымдуулук жардам",
    ru="Благотворительное пожертвование",
    en="Charitable donation",
)

TRANSPARENCY = PageSpec(
    key="transparency",
    model="local_giving.TransparencyPage",
    parent="home",
    slug="transparency",
    fields={
        "title": T(ky="Ачык-айкындуулук", ru="Прозрачность", en="Transparency"),
        "intro": T(
            ky="Белектериңиз кайда барат: жыл, фонд жана төлөм жолу боюнча жыйынтыктар.",
            ru="Куда идут ваши пожертвования: итоги по годам, фондам и способам оплаты.",
            en="Where your gifts go: totals per year, fund and way of giving.",
        ),
        "body": T(
            ky="<p>Бул жерде кайтарылбаган, толук аткарылган белектер гана эсептелет. "
            "Жеке маалымат жарыяланбайт.</p>",
            ru="<p>Здесь учитываются только завершённые пожертвования, которые не были "
            "возвращены. Личные данные не публикуются.</p>",
            en="<p>Only completed gifts that were not refunded are counted here. No personal "
            "data is published.</p>",
        ),
    },
)

# Programme page key -> (fund slug, targets per currency).
FUND_LINKS = {
    "programme-eu": (
        "family-strengthening",
        {"target_kgs": Decimal("500000"), "target_eur": Decimal("5000")},
    ),
    "programme-community": ("where-most-needed", {"target_kgs": Decimal("300000")}),
}

DEMO_DONOR = "Demo donor"

# A static ELQR code as a bank would issue it, for a payee that cannot exist: the
# provider is a reserved .invalid domain and the recipient is all zeros. MCC 8398 is
# "charitable organisations"; the donor may change the amount (32/12 = 11).
DEMO_ELQR_FIELDS = [
    ("00", "01"),
    ("01", elqr.STATIC),
    (
        "32",
        elqr.build_fields(
            [
                ("00", "demo-bank.invalid"),
                ("01", "01"),
                ("10", "0000000000000000"),
                ("12", elqr.YES),
                ("13", elqr.NO),
            ]
        ),
    ),
    ("52", "8398"),
    ("53", elqr.KGS),
    ("59", "DEMO SOS KV (not real)"),
]


def ensure_funds(ctx):
    funds = {}
    for slug, spec in FUNDS.items():
        fund = Fund.objects.filter(slug=slug).first()
        if fund is None:
            names = {f"name_{code}": spec["name"].get(code) for code in LANGUAGES}
            is_default = spec["is_default"] and not Fund.objects.filter(is_default=True).exists()
            fund = Fund.objects.create(
                slug=slug,
                name=spec["name"].get(SOURCE_LANGUAGE),
                is_default=is_default,
                sort_order=spec["sort_order"],
                **names,
            )
            ctx.count("funds")
        funds[slug] = fund
    return funds


def ensure_bank_accounts(ctx):
    for currency in ("KGS", "USD", "EUR"):
        if BankAccount.objects.filter(currency=currency).exists():
            continue
        texts = {}
        for code in LANGUAGES:
            texts[f"recipient_{code}"] = DETAILS["name"].get(code)
            texts[f"payment_purpose_{code}"] = PURPOSE.get(code)
            texts[f"bank_name_{code}"] = PLACEHOLDER
        BankAccount.objects.create(
            currency=currency,
            recipient=DETAILS["name"].get(SOURCE_LANGUAGE),
            bank_name=PLACEHOLDER,
            account=PLACEHOLDER,
            payment_purpose=PURPOSE.get(SOURCE_LANGUAGE),
            **texts,
        )
        ctx.count("bank accounts (placeholders)")
    # Only an untouched placeholder account gets the demo code (and prefill, to show it).
    updated = BankAccount.objects.filter(currency="KGS", account=PLACEHOLDER, qr_payload="").update(
        qr_payload=elqr.build(DEMO_ELQR_FIELDS), qr_prefill=True
    )
    ctx.count("demo ELQR codes", updated)


def ensure_statement_format(ctx):
    _format, created = StatementFormat.objects.get_or_create(
        name="Example: bank CSV export (Russian headings)",
        defaults={
            "date_column": "Дата",
            "amount_column": "Сумма",
            "currency_column": "Валюта",
            "purpose_column": "Назначение платежа",
            "transaction_id_column": "Номер документа",
            "payer_column": "Плательщик",
        },
    )
    ctx.count("statement formats", int(created))


def ensure_transparency_page(ctx):
    page = get_demo_page(TRANSPARENCY.key)
    if page is None:
        home = get_demo_page("home")
        if home is None:
            ctx.note("  skipped the transparency page: the demo home page is missing")
            return
        page = TRANSPARENCY.build(SOURCE_LANGUAGE, lookup=None)
        page.locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
        home.add_child(instance=page)
        page.save_revision().publish()
        ctx.count("pages")
    translate_missing(page, lambda language: TRANSPARENCY.build(language, lookup=None), ctx, "page")


def ensure_fund_links(ctx, funds):
    for page_key, (slug, targets) in FUND_LINKS.items():
        page = get_demo_page(page_key)
        if page is None:
            ctx.note(f"  skipped the fund link of {page_key!r}: the page is missing")
            continue
        if ProgrammeFund.objects.filter(page__translation_key=page.translation_key).exists():
            continue
        # Through a revision, so a later publish from the editor keeps the link.
        page.fund_links.add(ProgrammeFund(fund=funds[slug], **targets))
        page.save_revision().publish()
        ctx.count("programme fund links")


def _days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def load_demo_gifts(ctx, funds):
    """Gifts through every channel, once: card gifts paid, transfers confirmed by staff."""
    if Donation.objects.filter(donor_name=DEMO_DONOR).exists():
        return
    family, general = funds["family-strengthening"], funds["where-most-needed"]
    # Card gifts (they would come through Stripe): (days ago, amount, currency, fund).
    card = [(400 + i * 9, "40", "EUR", family) for i in range(6)]
    card += [
        (30 + i * 5, amount, "USD", general)
        for i, amount in enumerate(["25", "50", "10", "100", "35", "20"])
    ]
    card += [(12, "15", "EUR", general), (8, "30", "EUR", general)]
    for days, amount, currency, fund in sorted(card, reverse=True):
        gift = Donation.objects.create(
            channel=Donation.Channel.CARD,
            amount=Decimal(amount),
            currency=currency,
            fund=fund,
            donor_name=DEMO_DONOR,
            language=SOURCE_LANGUAGE,
        )
        moment = timezone.make_aware(datetime.datetime.combine(_days_ago(days), datetime.time(10)))
        gift.mark_paid(paid_at=moment)
        ctx.count("demo card gifts")

    # Transfers and QR payments: pledged, then confirmed against their reference.
    transfers = [(60 - i * 6, "1000", "1000", "bank_transfer", family) for i in range(6)]
    transfers += [(20, "2000", "1500", "bank_transfer", family)]  # less arrived than pledged
    transfers += [(25 - i * 4, "500", "500", "qr", general) for i in range(5)]
    transfers += [(15, "3000", "3000", "qr", family)]
    for days, pledged, received, channel, fund in transfers:
        pledge = create_pledge(
            amount=Decimal(pledged),
            currency="KGS",
            fund=fund,
            frequency=Donation.Frequency.ONE_TIME,
            donor_name=DEMO_DONOR,
            donor_email="",
            is_anonymous=False,
            dedication="",
            language=SOURCE_LANGUAGE,
            channel=channel,
        )
        confirm_transfer(pledge.reference_code, Decimal(received), _days_ago(days), None, channel)
        ctx.count("demo transfers confirmed")

    # Two pledges still waiting for their transfer, for the admin's confirm view.
    for amount, fund in (("700", family), ("1500", general)):
        create_pledge(
            amount=Decimal(amount),
            currency="KGS",
            fund=fund,
            frequency=Donation.Frequency.ONE_TIME,
            donor_name=DEMO_DONOR,
            donor_email="",
            is_anonymous=False,
            dedication="",
            language=SOURCE_LANGUAGE,
        )
        ctx.count("demo pledges waiting")


def load_local_giving(ctx):
    funds = ensure_funds(ctx)
    ensure_bank_accounts(ctx)
    ensure_statement_format(ctx)
    ensure_transparency_page(ctx)
    ensure_fund_links(ctx, funds)
    load_demo_gifts(ctx, funds)
