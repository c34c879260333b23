"""The date on the receipt is when the donor paid, in Bishkek, however late we learn of it.

An outage across midnight of 31 December: gifts paid at 23:59 (Bishkek, UTC+6) on
31 December reach us only much later, by a redelivered webhook or by reconcile_donations.
They keep the old year's date and the old year's receipt sequence; a gift paid at 00:01
on 1 January (still 31 December in UTC) belongs to the new year.
"""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from django.db.transaction import TransactionManagementError
from django.utils import timezone, translation

import pytest

from donations.checkout import create_checkout_session
from donations.models import Donation, ReceiptSequence
from donations.receipts import format_date
from tests.stripe_double.events import event

from .receipt_factories import make_donation, make_fund

BISHKEK = ZoneInfo("Asia/Bishkek")
NEW_YEARS_EVE = datetime.datetime(2025, 12, 31, 23, 59, tzinfo=BISHKEK)
NEW_YEAR = datetime.datetime(2026, 1, 1, 0, 1, tzinfo=BISHKEK)
URLS = {"success_url": "https://example.org/thanks", "cancel_url": "https://example.org/back"}


def unix(moment):
    return int(moment.timestamp())


@pytest.fixture
def started(stripe_double, pending_donation):
    """A pending card gift with its Checkout Session in the double, opened at ``opened``."""

    def start(opened, **fields):
        donation = pending_donation(language="en", **fields)
        create_checkout_session(donation, **URLS)
        stripe_double.sessions[donation.stripe_checkout_session_id]["created"] = unix(opened)
        return donation

    return start


def test_redelivered_events_keep_the_moment_the_donor_paid(
    started, stripe_double, webhook, django_capture_on_commit_callbacks
):
    eve = started(NEW_YEARS_EVE - datetime.timedelta(minutes=5), donor_email="eve@example.org")
    after = started(NEW_YEARS_EVE, donor_email="after@example.org")
    # Stripe redelivers, days later, the events it created when each session completed.
    for donation, moment in ((eve, NEW_YEARS_EVE), (after, NEW_YEAR)):
        session = stripe_double.complete_session(donation.stripe_checkout_session_id)
        payload = event("checkout.session.completed", session, created=unix(moment))
        with django_capture_on_commit_callbacks(execute=True):
            assert webhook(payload).status_code == 200

    eve.refresh_from_db()
    after.refresh_from_db()
    assert eve.paid_at == NEW_YEARS_EVE
    assert eve.receipt_number == "2025-000001"
    assert after.paid_at == NEW_YEAR
    assert after.receipt_number == "2026-000001"
    assert ReceiptSequence.objects.get(year=2025).last_number == 1
    receipt = next(m for m in mail.outbox if "eve@example.org" in m.to)
    with translation.override("en"):
        assert format_date(NEW_YEARS_EVE) in receipt.body  # "Dec. 31, 2025"
    assert "2025" in receipt.body


def test_an_invoice_is_dated_when_it_was_paid(
    started, stripe_double, webhook, django_capture_on_commit_callbacks
):
    monthly = started(NEW_YEARS_EVE - datetime.timedelta(minutes=5), frequency="monthly")
    session = stripe_double.complete_session(
        monthly.stripe_checkout_session_id, paid_at=unix(NEW_YEARS_EVE)
    )
    invoice = stripe_double.state.invoices[session["invoice"]]
    # The invoice.paid event arrives first, after the outage; its own time is "now".
    assert webhook(event("invoice.paid", stripe_double.public_invoice(invoice))).status_code == 200
    monthly.refresh_from_db()
    assert monthly.paid_at == NEW_YEARS_EVE
    assert monthly.receipt_number == "2025-000001"


def test_reconcile_after_an_outage_across_midnight(started, stripe_double):
    one_time = started(NEW_YEARS_EVE - datetime.timedelta(minutes=5))
    monthly = started(
        NEW_YEARS_EVE - datetime.timedelta(minutes=3),
        frequency="monthly",
        donor_email="monthly@example.org",
    )
    new_year = started(NEW_YEARS_EVE, donor_email="new-year@example.org")
    stripe_double.complete_session(one_time.stripe_checkout_session_id, paid_at=unix(NEW_YEARS_EVE))
    stripe_double.complete_session(monthly.stripe_checkout_session_id, paid_at=unix(NEW_YEARS_EVE))
    stripe_double.complete_session(new_year.stripe_checkout_session_id, paid_at=unix(NEW_YEAR))

    call_command("reconcile_donations", since="2025-12-30", stdout=StringIO())

    for donation in (one_time, monthly, new_year):
        donation.refresh_from_db()
        assert donation.status == Donation.Status.PAID
    assert one_time.paid_at == NEW_YEARS_EVE
    assert monthly.paid_at == NEW_YEARS_EVE
    assert new_year.paid_at == NEW_YEAR
    assert {one_time.receipt_number, monthly.receipt_number} == {"2025-000001", "2025-000002"}
    assert new_year.receipt_number == "2026-000001"


@pytest.mark.django_db
def test_the_receipt_year_is_bishkeks_whatever_time_zone_is_active():
    donation = make_donation(make_fund())
    with timezone.override("UTC"):  # it is still 31 December in UTC
        donation.mark_paid(paid_at=NEW_YEAR)
    assert donation.receipt_number == "2026-000001"


@pytest.mark.django_db(transaction=True)
def test_taking_a_receipt_number_outside_a_transaction_is_refused():
    with pytest.raises(TransactionManagementError):
        ReceiptSequence.take_next(2026)
    assert not ReceiptSequence.objects.exists()
