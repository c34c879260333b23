"""Fixtures for local giving: funds, bank accounts, a statement format, finance staff."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.cache import cache

import pytest

from donations.models import Donation, Fund
from local_giving.models import PLACEHOLDER, BankAccount, StatementFormat, TransparencyPage
from local_giving.services import create_pledge

EPC_IBAN = "DE89370400440532013000"  # the ISO 13616 example IBAN, not a real account
EPC_BIC = "COBADEFFXXX"


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached totals must not leak from one test's (rolled back) data into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fund(db):
    return Fund.objects.create(name="Where most needed", slug="where-most-needed", is_default=True)


@pytest.fixture
def family_fund(db):
    return Fund.objects.create(name="Family strengthening", slug="family-strengthening")


@pytest.fixture
def accounts(db):
    kgs = BankAccount.objects.create(
        currency="KGS",
        recipient="ОФ «SOS Балдар Кыштактары Кыргызстан»",
        bank_name="Test bank",
        account="1234567890123456",
        payment_purpose="Кайрымдуулук жардам",
    )
    eur = BankAccount.objects.create(
        currency="EUR",
        recipient="SOS Childrens Villages Kyrgyzstan",
        recipient_en="SOS Children's Villages Kyrgyzstan",
        bank_name="Test bank",
        bic=EPC_BIC,
        account=EPC_IBAN,
        payment_purpose="Donation",
    )
    usd = BankAccount.objects.create(
        currency="USD", recipient=PLACEHOLDER, bank_name=PLACEHOLDER, account=PLACEHOLDER
    )
    return {"KGS": kgs, "EUR": eur, "USD": usd}


@pytest.fixture
def pledge_data(fund):
    return {
        "amount": Decimal("1000"),
        "currency": "KGS",
        "fund": fund,
        "frequency": Donation.Frequency.ONE_TIME,
        "donor_name": "Айгүл Асанова",
        "donor_email": "aigul@example.org",
        "is_anonymous": False,
        "dedication": "",
        "language": "ky",
    }


@pytest.fixture
def make_pledge(pledge_data):
    def make(**changes):
        return create_pledge(**{**pledge_data, **changes})

    return make


@pytest.fixture
def make_card_gift(fund):
    def make(amount="50", currency="USD", paid_at=None, fund_=None):
        donation = Donation.objects.create(
            amount=Decimal(amount),
            currency=currency,
            fund=fund_ or fund,
            channel=Donation.Channel.CARD,
            donor_email="card@example.org",
        )
        donation.mark_paid(paid_at=paid_at)
        return donation

    return make


@pytest.fixture
def statement_format(db):
    return StatementFormat.objects.create(
        name="Demo bank",
        date_column="Дата",
        amount_column="Сумма",
        currency_column="Валюта",
        purpose_column="Назначение платежа",
        transaction_id_column="Номер документа",
        payer_column="Плательщик",
    )


@pytest.fixture
def finance_user(django_user_model, db):
    user = django_user_model.objects.create_user(username="finance", password="x" * 16)
    user.groups.add(Group.objects.get(name="Donations"))
    return user


@pytest.fixture
def yesterday():
    return datetime.date.today() - datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def service_messages_in_english():
    """Services speak the active language; these tests quote their English wording."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def transparency_pages(home_page, locales):
    page = home_page.add_child(
        instance=TransparencyPage(
            title="Ачык-айкындуулук", slug="transparency", body="<p>Акча.</p>"
        )
    )
    page.save_revision().publish()
    pages = {"ky": page}
    for code in ("ru", "en"):
        home = home_page.copy_for_translation(locales[code])
        home.save_revision().publish()
        translated = page.copy_for_translation(locales[code]).specific
        translated.title = {"ru": "Прозрачность", "en": "Transparency"}[code]
        translated.save_revision().publish()
        pages[code] = translated
    return pages
