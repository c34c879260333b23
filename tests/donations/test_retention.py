"""Gifts that never completed lose the donor's data after the retention period; money stays.

The gifts are made the donor's way (the donate form, the Stripe double's Checkout Session,
signed webhooks, a bank-transfer pledge), then made older by moving ``created_at`` back,
and the sweep runs as cron runs it: `manage.py forget_unfinished_gifts`, which queues the
task (the test settings run tasks at once).
"""

import datetime
import threading
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.db import connection, connections, transaction
from django.utils import timezone

import pytest

from donations.models import Donation, StripeEvent
from donations.privacy import forget_unfinished_gifts
from local_giving.services import confirm_transfer
from tests.stripe_double import events as stripe_events

EMAIL = "aigul.asanova@example.org"
NAME = "Айгүл Асанова"
PERSONAL = ("donor_name", "donor_email", "dedication", "stripe_customer_id", "is_anonymous")
KEPT = (
    "amount",
    "currency",
    "fund_id",
    "status",
    "channel",
    "frequency",
    "language",
    "created_at",
    "paid_at",
    "public_id",
    "reference_code",
    "receipt_number",
    "stripe_checkout_session_id",
)


def sweep(*args):
    out = StringIO()
    call_command("forget_unfinished_gifts", *args, stdout=out)
    return out.getvalue()


def age(donation, days):
    Donation.objects.filter(pk=donation.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )
    donation.refresh_from_db()
    return donation


def row(donation):
    return Donation.objects.values().get(pk=donation.pk)


def payloads_of(donation):
    return str(
        list(
            StripeEvent.objects.filter(
                payload__data__object__id=donation.stripe_checkout_session_id
            ).values_list("payload", flat=True)
        )
    )


@pytest.fixture
def card_gift(client, donate_url, gift, stripe_double):
    """A card gift through the donate form: a pending Donation and its Checkout Session."""

    def make(**changes):
        data = gift(donor_name=NAME, donor_email=EMAIL, dedication="Апамдын элесине", **changes)
        assert client.post(donate_url("en"), data).status_code == 303
        return Donation.objects.latest("pk")

    return make


@pytest.fixture
def expired_card_gift(card_gift, stripe_double, webhook):
    """A card gift whose Checkout Session expired (Stripe's event stored with the email)."""

    def make():
        donation = card_gift()
        session = dict(stripe_double.sessions[donation.stripe_checkout_session_id])
        session.update(status="expired", customer_details={"email": EMAIL, "name": NAME})
        assert webhook(stripe_events.event("checkout.session.expired", session)).status_code == 200
        donation.refresh_from_db()
        assert donation.status == Donation.Status.EXPIRED
        assert EMAIL in payloads_of(donation)
        return donation

    return make


@pytest.fixture
def paid_card_gift(card_gift, stripe_double, webhook):
    def make():
        donation = card_gift()
        session = stripe_double.complete_session(donation.stripe_checkout_session_id)
        assert (
            webhook(stripe_events.event("checkout.session.completed", session)).status_code == 200
        )
        donation.refresh_from_db()
        assert donation.status == Donation.Status.PAID
        return donation

    return make


@pytest.fixture
def pledge(client, donate_url, gift):
    """A bank-transfer pledge through the donate form, never confirmed."""

    def make():
        data = gift(donor_name=NAME, donor_email=EMAIL, payment_method="transfer")
        assert client.post(donate_url("en"), data).status_code in (302, 303)
        donation = Donation.objects.latest("pk")
        assert donation.reference_code and donation.status == Donation.Status.PENDING
        return donation

    return make


def test_old_unfinished_gifts_are_forgotten_and_their_amounts_kept(
    expired_card_gift, card_gift, pledge, paid_card_gift
):
    expired = age(expired_card_gift(), 91)
    pending = age(card_gift(), 120)  # the donor closed the tab: no event ever came
    old_pledge = age(pledge(), 365)
    paid = age(paid_card_gift(), 200)  # the same donor's completed gift
    recent = age(card_gift(), 89)
    untouched = {d.pk: row(d) for d in (paid, recent)}
    before = {d.pk: row(d) for d in (expired, pending, old_pledge)}

    output = sweep()

    assert "Forgot the donor of 3 unfinished gift(s)" in output
    assert "1 stored Stripe event(s)" in output
    assert EMAIL not in output
    for donation in (expired, pending, old_pledge):
        after = row(donation)
        assert after["donor_name"] == after["donor_email"] == after["dedication"] == ""
        assert after["is_anonymous"] is True
        for name in KEPT:
            assert after[name] == before[donation.pk][name], name
    # Stripe's expired event no longer names the donor; the event itself is kept.
    payloads = payloads_of(expired)
    assert "aigul" not in payloads.lower() and "Айгүл" not in payloads
    assert expired.stripe_checkout_session_id in payloads
    # The completed gift of the same donor, its event and a recent attempt are untouched.
    for donation in (paid, recent):
        assert row(donation) == untouched[donation.pk]
    assert EMAIL in payloads_of(paid)


def test_the_sweep_is_idempotent(expired_card_gift):
    gift = age(expired_card_gift(), 100)
    sweep()
    first, events = row(gift), payloads_of(gift)
    assert "Forgot the donor of 0 unfinished gift(s)" in sweep()
    assert "Forgot the donor of 0 unfinished gift(s)" in sweep("--now")  # in the command
    assert row(gift) == first and payloads_of(gift) == events


def test_a_transfer_can_still_be_confirmed_after_the_pledge_was_forgotten(pledge, mailoutbox):
    old_pledge = age(pledge(), 100)
    sweep()
    paid = confirm_transfer(old_pledge.reference_code, Decimal("1000"), timezone.localdate())
    assert paid.pk == old_pledge.pk and paid.status == Donation.Status.PAID
    assert paid.receipt_number and paid.donor_email == ""
    assert mailoutbox == []  # nobody left to send the receipt to


def test_the_period_comes_from_the_setting(settings, card_gift):
    gift = age(card_gift(), 40)
    assert "0 unfinished" in sweep()
    settings.DONATION_PENDING_RETENTION_DAYS = 30
    assert "1 unfinished" in sweep()
    assert row(gift)["donor_email"] == ""


def test_a_period_under_one_day_is_refused(settings, db):
    settings.DONATION_PENDING_RETENTION_DAYS = 0
    with pytest.raises(ValueError, match="at least one day"):
        forget_unfinished_gifts()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_gift_paid_while_the_sweep_waits_for_it_keeps_its_donor(pending_donation):
    """The sweep locks and re-reads its rows: a payment that commits first wins."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks and a database shared between threads")
    gift = age(pending_donation(donor_email=EMAIL, donor_name=NAME), 100)
    locked, release, results = threading.Event(), threading.Event(), {}

    def pay():
        try:
            with transaction.atomic():
                row_ = Donation.objects.select_for_update().get(pk=gift.pk)
                locked.set()
                release.wait(10)
                row_.mark_paid()
        finally:
            connections.close_all()

    def run_sweep():
        try:
            results["sweep"] = forget_unfinished_gifts()
        finally:
            connections.close_all()

    payer = threading.Thread(target=pay)
    payer.start()
    assert locked.wait(10)
    sweeper = threading.Thread(target=run_sweep)
    sweeper.start()
    sweeper.join(0.5)
    assert sweeper.is_alive()  # waiting for the payer's row lock
    release.set()
    payer.join(10)
    sweeper.join(10)

    assert results["sweep"].donations == 0
    gift.refresh_from_db()
    assert gift.status == Donation.Status.PAID
    assert gift.donor_email == EMAIL and gift.donor_name == NAME
