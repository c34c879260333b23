"""reconcile_donations: a webhook outage loses nothing, and re-running changes nothing."""

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from donations.models import Donation, StripeEvent
from tests.stripe_double.events import event


@pytest.fixture
def started(client, donate_url, gift, stripe_double):
    def start(**changes):
        assert client.post(donate_url("en"), gift(**changes)).status_code == 303
        donation = Donation.objects.order_by("-pk").first()
        return donation, stripe_double.sessions[donation.stripe_checkout_session_id]

    return start


def reconcile(since="3d"):
    out = StringIO()
    call_command("reconcile_donations", since=since, stdout=out)
    return out.getvalue()


def test_missed_webhooks_are_recovered_and_rerun_is_a_no_op(started, stripe_double):
    one_time, session = started()
    monthly, monthly_session = started(
        frequency="monthly", currency="EUR", preset="", custom_amount="25"
    )
    abandoned, _open = started(preset="", custom_amount="700")
    stripe_double.complete_session(session["id"])
    stripe_double.complete_session(monthly_session["id"])
    stripe_double.pay_invoice(stripe_double.sessions[monthly_session["id"]])

    output = reconcile()
    assert "3 checkout sessions" in output
    one_time.refresh_from_db()
    monthly.refresh_from_db()
    abandoned.refresh_from_db()
    assert one_time.status == Donation.Status.PAID
    assert monthly.status == Donation.Status.PAID
    assert abandoned.status == Donation.Status.PENDING
    assert monthly.instalments.get().status == Donation.Status.PAID
    numbers = set(
        Donation.objects.exclude(receipt_number=None).values_list("receipt_number", flat=True)
    )
    assert len(numbers) == 3
    assert StripeEvent.objects.count() == 0  # nothing came through the webhook

    reconcile()
    assert Donation.objects.count() == 4
    assert (
        set(Donation.objects.exclude(receipt_number=None).values_list("receipt_number", flat=True))
        == numbers
    )


def test_reconcile_after_webhook_changes_nothing(started, stripe_double, webhook):
    donation, session = started()
    paid = stripe_double.complete_session(session["id"])
    webhook(event("checkout.session.completed", paid))
    donation.refresh_from_db()
    number = donation.receipt_number
    reconcile()
    donation.refresh_from_db()
    assert donation.receipt_number == number
    assert Donation.objects.count() == 1


def test_reconcile_records_missed_refunds(started, stripe_double):
    donation, session = started()
    paid = stripe_double.complete_session(session["id"])
    stripe_double.refund(paid["payment_intent"], amount=paid["amount_total"], currency="kgs")
    reconcile()
    donation.refresh_from_db()
    assert donation.status == Donation.Status.REFUNDED
    assert donation.receipt_number  # paid first, then refunded: its receipt is voided
    assert donation.receipt_voided_at is not None


def test_reconcile_pages_through_long_lists(started, stripe_double, monkeypatch):
    from donations.management.commands import reconcile_donations

    monkeypatch.setattr(reconcile_donations, "PAGE_SIZE", 2)
    donations = [started(preset="", custom_amount=str(500 + i))[0] for i in range(5)]
    for donation in donations:
        stripe_double.complete_session(donation.stripe_checkout_session_id)
    reconcile()
    assert Donation.objects.filter(status=Donation.Status.PAID).count() == 5
    lists = stripe_double.requests_to("GET", "/v1/checkout/sessions")
    assert len(lists) == 3
    assert any(r["params"].get("starting_after") for r in lists)


def test_reconcile_ignores_older_sessions(started, stripe_double):
    donation, session = started()
    stripe_double.complete_session(session["id"])
    stripe_double.sessions[session["id"]]["created"] -= 10 * 86400
    reconcile("3d")
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PENDING


def test_reconcile_reports_stripe_down(started, stripe_double):
    stripe_double.fail("500")
    with pytest.raises(CommandError):
        reconcile()


def test_bad_since(stripe_double, db):
    with pytest.raises(CommandError):
        reconcile("yesterday-ish")
