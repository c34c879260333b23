"""Fixtures for the donor's way: funds, presets, a trilingual donate page, the Stripe double."""

from decimal import Decimal

import pytest

from donations.models import DonatePage, Donation, Fund, PresetAmount
from tests.stripe_double import StripeDouble
from tests.stripe_double import events as stripe_events

WEBHOOK_SECRET = "whsec_test_double_secret"


@pytest.fixture(scope="session")
def stripe_double_server():
    double = StripeDouble(timeout_sleep=1.5).start()
    yield double
    double.stop()


@pytest.fixture
def stripe_double(stripe_double_server, settings):
    """The Stripe double, emptied, with settings pointing the stripe library at it."""
    stripe_double_server.reset()
    settings.STRIPE_SECRET_KEY = "sk_test_double_0000000000"
    settings.STRIPE_API_BASE = stripe_double_server.url
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_WEBHOOK_TOLERANCE = 300
    settings.STRIPE_TIMEOUT = (1, 0.5)
    settings.DONATIONS_DEMO_GATEWAY = False
    yield stripe_double_server
    stripe_double_server.recover()


@pytest.fixture
def webhook(db, client, stripe_double):
    """post(event) -> response: a correctly signed delivery to /stripe/webhook/."""

    def post(event_payload, **kwargs):
        return stripe_events.post_event(client, event_payload, **kwargs)

    return post


@pytest.fixture
def funds(db):
    general = Fund.objects.create(
        slug="where-most-needed",
        is_default=True,
        sort_order=0,
        name_ky="Эң керектүү жерге",
        name_ru="Где нужнее всего",
        name_en="Where most needed",
    )
    families = Fund.objects.create(
        slug="family-strengthening",
        sort_order=1,
        name_ky="Үй-бүлөнү чыңдоо",
        name_ru="Укрепление семьи",
        name_en="Family strengthening",
    )
    closed = Fund.objects.create(
        slug="closed", sort_order=9, is_active=False, name_ky="Жабык", name_en="Closed"
    )
    return {"general": general, "families": families, "closed": closed}


@pytest.fixture
def presets(db):
    made = {}
    for currency, amounts in {
        "KGS": ["500", "1000", "2500", "5000"],
        "USD": ["10", "25", "50", "100"],
        "EUR": ["10", "25", "50", "100"],
    }.items():
        for order, amount in enumerate(amounts):
            made[(currency, amount)] = PresetAmount.objects.create(
                currency=currency,
                amount=Decimal(amount),
                sort_order=order,
                label_en=f"{amount} helps",
                label_ru=f"{amount} помогает",
                label_ky=f"{amount} жардам",
            )
    made["monthly-only"] = PresetAmount.objects.create(
        currency="KGS", amount=Decimal("300"), frequency="monthly", sort_order=9
    )
    return made


def _translate(page, locale, **changes):
    copy = page.copy_for_translation(locale).specific
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def donate_pages(home_page, locales, funds, presets):
    """The donate page in ky (source), ru and en: {"ky": page, ...}."""
    donate = DonatePage(title="Кайрымдуулук", slug="donate")
    home_page.add_child(instance=donate)
    donate.save_revision().publish()
    donate.refresh_from_db()
    pages = {"ky": donate}
    for code, title in (("ru", "Пожертвовать"), ("en", "Donate")):
        _translate(home_page, locales[code], title=title + " home")
        pages[code] = _translate(donate, locales[code], title=title)
    return pages


@pytest.fixture
def donate_url(donate_pages):
    def url(language="ky"):
        return donate_pages[language].url

    return url


def gift_data(funds, presets, **changes):
    """A valid POST of the donate form (preset KGS 1000 to the general fund), confirmed."""
    data = {
        "frequency": "one_time",
        "currency": "KGS",
        "preset": str(presets[("KGS", "1000")].pk),
        "custom_amount": "",
        "fund": str(funds["general"].pk),
        "donor_name": "Айгүл Асанова",
        "donor_email": "aigul@example.org",
        "dedication": "",
        "payment_method": "card",
        "confirm": "1",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def gift(funds, presets):
    def make(**changes):
        return gift_data(funds, presets, **changes)

    return make


@pytest.fixture
def pending_donation(funds):
    def make(**fields):
        values = {
            "amount": Decimal("1000.00"),
            "currency": "KGS",
            "fund": funds["general"],
            "donor_name": "Айгүл",
            "donor_email": "aigul@example.org",
            "language": "ky",
        }
        values.update(fields)
        return Donation.objects.create(**values)

    return make
