"""The webhook: verification, storage once per event, every handled type, any order."""

import json
import time

import pytest

from donations.models import Donation, StripeEvent
from tests.stripe_double import events
from tests.stripe_double.events import event


@pytest.fixture
def checkout(client, donate_url, gift, stripe_double):
    """Start a card gift through the form; returns (donation, double's session)."""

    def start(language="en", **changes):
        response = client.post(donate_url(language), gift(**changes))
        assert response.status_code == 303
        donation = Donation.objects.order_by("-pk").first()
        return donation, stripe_double.sessions[donation.stripe_checkout_session_id]

    return start


def _paid_session(stripe_double, session):
    return stripe_double.complete_session(session["id"])


# Verification ------------------------------------------------------------------------------


def test_signed_completed_event_marks_paid_once(checkout, webhook, stripe_double):
    donation, session = checkout()
    payload = event("checkout.session.completed", _paid_session(stripe_double, session))
    response = webhook(payload)
    assert response.status_code == 200
    assert response.json()["outcome"] == "processed"
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID
    assert donation.receipt_number
    assert donation.stripe_payment_intent_id.startswith("pi_")
    stored = StripeEvent.objects.get()
    assert stored.stripe_id == payload["id"]
    assert stored.processed_at is not None

    again = webhook(payload)
    assert again.status_code == 200
    assert again.json()["outcome"] == "duplicate"
    number = donation.receipt_number
    donation.refresh_from_db()
    assert donation.receipt_number == number
    assert StripeEvent.objects.count() == 1


def _post_raw(client, body, header):
    return client.post(
        "/stripe/webhook/",
        data=body,
        content_type="application/json",
        **({"HTTP_STRIPE_SIGNATURE": header} if header is not None else {}),
    )


@pytest.mark.parametrize(
    "case",
    ["missing", "garbage", "wrong-secret", "old", "tampered", "malformed", "not-an-event"],
)
def test_webhook_rejects_with_400_and_stores_nothing(client, stripe_double, pending_donation, case):
    donation = pending_donation()
    payload = event(
        "checkout.session.completed",
        {
            "id": "cs_test_x",
            "object": "checkout.session",
            "mode": "payment",
            "payment_status": "paid",
            "metadata": {"donation_id": str(donation.public_id)},
        },
    )
    body = events.encode(payload)
    secret = stripe_double and "whsec_test_double_secret"
    header = events.signature_header(body, secret)
    if case == "missing":
        header = None
    elif case == "garbage":
        header = "nonsense"
    elif case == "wrong-secret":
        header = events.signature_header(body, "whsec_other")
    elif case == "old":
        header = events.signature_header(body, secret, timestamp=time.time() - 3600)
    elif case == "tampered":
        body = body.replace('"paid"', '"paid" ')
    elif case == "malformed":
        body = "{not json"
        header = events.signature_header(body, secret)
    elif case == "not-an-event":
        body = json.dumps({"hello": "world"})
        header = events.signature_header(body, secret)
    response = _post_raw(client, body, header)
    assert response.status_code == 400
    assert StripeEvent.objects.count() == 0
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PENDING


def test_oversized_body_is_refused(db, client, stripe_double, settings):
    body = json.dumps({"id": "evt_big", "type": "x", "data": {"object": {"pad": "x" * 70000}}})
    response = _post_raw(
        client, body, events.signature_header(body, settings.STRIPE_WEBHOOK_SECRET)
    )
    assert response.status_code == 413
    assert StripeEvent.objects.count() == 0


def test_get_is_not_allowed(db, client, stripe_double):
    assert client.get("/stripe/webhook/").status_code == 405


def test_unknown_event_is_stored_and_ignored(webhook):
    payload = event("customer.created", {"id": "cus_test_1", "object": "customer"})
    response = webhook(payload)
    assert response.status_code == 200
    assert response.json()["outcome"] == "ignored"
    stored = StripeEvent.objects.get()
    assert stored.type == "customer.created"
    assert stored.processed_at is not None


# Checkout outcomes, in any order ------------------------------------------------------------


def test_expired_after_completed_leaves_it_paid(checkout, webhook, stripe_double):
    donation, session = checkout()
    paid = _paid_session(stripe_double, session)
    webhook(event("checkout.session.completed", paid))
    webhook(event("checkout.session.expired", {**paid, "status": "expired"}))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID


def test_expired_pending_gift_expires(checkout, webhook, stripe_double):
    donation, session = checkout()
    webhook(event("checkout.session.expired", {**session, "status": "expired"}))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.EXPIRED
    assert donation.receipt_number is None


def test_delayed_payment_waits_then_succeeds(checkout, webhook, stripe_double):
    donation, session = checkout()
    unpaid = stripe_double.complete_session(session["id"], payment_status="unpaid")
    webhook(event("checkout.session.completed", unpaid))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PENDING
    webhook(event("checkout.session.async_payment_succeeded", {**unpaid, "payment_status": "paid"}))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID


def test_delayed_payment_fails(checkout, webhook, stripe_double):
    donation, session = checkout()
    unpaid = stripe_double.complete_session(session["id"], payment_status="unpaid")
    webhook(event("checkout.session.completed", unpaid))
    webhook(event("checkout.session.async_payment_failed", unpaid))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.FAILED
    assert donation.receipt_number is None


# Refunds ------------------------------------------------------------------------------------


def test_refund_after_payment_voids_the_receipt(checkout, webhook, stripe_double):
    donation, session = checkout()
    paid = _paid_session(stripe_double, session)
    webhook(event("checkout.session.completed", paid))
    charge = stripe_double.refund(
        paid["payment_intent"], amount=paid["amount_total"], currency=paid["currency"]
    )
    assert webhook(event("charge.refunded", charge)).status_code == 200
    donation.refresh_from_db()
    assert donation.status == Donation.Status.REFUNDED
    assert donation.refunded_at is not None
    assert donation.receipt_voided_at is not None
    assert not donation.is_counted


def test_partial_refund_keeps_the_gift(checkout, webhook, stripe_double):
    donation, session = checkout()
    paid = _paid_session(stripe_double, session)
    webhook(event("checkout.session.completed", paid))
    charge = stripe_double.refund(paid["payment_intent"], amount=100, currency="kgs")
    charge.update(refunded=False, amount_refunded=100, amount=paid["amount_total"])
    webhook(event("charge.refunded", charge))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID


def test_refund_before_payment_ends_refunded_and_unnumbered(checkout, webhook, stripe_double):
    donation, session = checkout()
    paid = _paid_session(stripe_double, session)
    charge = stripe_double.refund(
        paid["payment_intent"],
        amount=paid["amount_total"],
        currency=paid["currency"],
        metadata={"donation_id": str(donation.public_id)},
    )
    webhook(event("charge.refunded", charge))
    webhook(event("checkout.session.completed", paid))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.REFUNDED
    assert donation.receipt_number is None
    assert not donation.is_counted


def test_refund_matching_nothing_waits_for_its_payment(checkout, webhook, stripe_double):
    """No metadata on the charge: matched by its PaymentIntent once the payment arrives."""
    donation, session = checkout()
    paid = _paid_session(stripe_double, session)
    charge = stripe_double.refund(
        paid["payment_intent"], amount=paid["amount_total"], currency=paid["currency"]
    )
    response = webhook(event("charge.refunded", charge))
    assert response.json()["outcome"] == "waiting"
    assert StripeEvent.objects.get().processed_at is None
    webhook(event("checkout.session.completed", paid))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.REFUNDED
    assert StripeEvent.objects.filter(processed_at__isnull=True).count() == 0


# Monthly gifts ------------------------------------------------------------------------------


def _invoice_event(stripe_double, invoice):
    return event("invoice.paid", stripe_double.public_invoice(invoice))


def test_monthly_instalments_each_get_a_donation_and_receipt(checkout, webhook, stripe_double):
    original, session = checkout(frequency="monthly")
    paid = _paid_session(stripe_double, session)
    first = stripe_double.state.invoices[paid["invoice"]]
    webhook(event("checkout.session.completed", paid))
    webhook(_invoice_event(stripe_double, first))
    second = stripe_double.pay_invoice(stripe_double.sessions[session["id"]])
    third = stripe_double.pay_invoice(stripe_double.sessions[session["id"]])
    for invoice in (second, third):
        webhook(_invoice_event(stripe_double, invoice))
    webhook(_invoice_event(stripe_double, third))  # a redelivery under a new event id

    original.refresh_from_db()
    assert original.status == Donation.Status.PAID
    assert original.stripe_invoice_id == first["id"]
    assert original.stripe_subscription_id == paid["subscription"]
    gifts = Donation.objects.filter(status=Donation.Status.PAID).order_by("pk")
    assert gifts.count() == 3
    numbers = [g.receipt_number for g in gifts]
    assert len(set(numbers)) == 3 and all(numbers)
    instalments = list(original.instalments.order_by("pk"))
    assert [i.stripe_invoice_id for i in instalments] == [second["id"], third["id"]]
    for instalment in instalments:
        assert instalment.frequency == Donation.Frequency.MONTHLY
        assert instalment.fund == original.fund
        assert instalment.donor_email == original.donor_email
        assert instalment.language == original.language


def test_first_invoice_before_session_completed(checkout, webhook, stripe_double):
    original, session = checkout(frequency="monthly")
    paid = _paid_session(stripe_double, session)
    first = stripe_double.state.invoices[paid["invoice"]]
    webhook(_invoice_event(stripe_double, first))
    original.refresh_from_db()
    assert original.status == Donation.Status.PAID
    number = original.receipt_number
    webhook(event("checkout.session.completed", paid))
    original.refresh_from_db()
    assert original.receipt_number == number
    assert Donation.objects.count() == 1


def test_instalment_refund_found_through_its_invoice(checkout, webhook, stripe_double):
    original, session = checkout(frequency="monthly")
    paid = _paid_session(stripe_double, session)
    webhook(event("checkout.session.completed", paid))
    second = stripe_double.pay_invoice(stripe_double.sessions[session["id"]])
    webhook(_invoice_event(stripe_double, second))
    charge = stripe_double.refund(
        second["_payment_intent"], amount=second["amount_paid"], currency=second["currency"]
    )
    webhook(event("charge.refunded", charge))
    instalment = original.instalments.get()
    assert instalment.status == Donation.Status.REFUNDED
    original.refresh_from_db()
    assert original.status == Donation.Status.PAID


def test_subscription_deleted_ends_the_monthly_gift(checkout, webhook, stripe_double):
    original, session = checkout(frequency="monthly")
    paid = _paid_session(stripe_double, session)
    webhook(event("checkout.session.completed", paid))
    ended = int(time.time())
    subscription = {
        "id": paid["subscription"],
        "object": "subscription",
        "status": "canceled",
        "ended_at": ended,
        "canceled_at": ended,
        "metadata": {"donation_id": str(original.public_id)},
    }
    webhook(event("customer.subscription.deleted", subscription))
    original.refresh_from_db()
    assert original.subscription_ended_at is not None
    assert original.status == Donation.Status.PAID


def test_event_that_fails_is_kept_unprocessed_for_stripe_to_retry(webhook):
    """A handler error answers 500 (Stripe retries) and keeps the event with its error."""
    broken = event("invoice.paid", {"object": "invoice", "status": "paid"})  # no id
    response = webhook(broken)
    assert response.status_code == 500
    stored = StripeEvent.objects.get()
    assert stored.processed_at is None
    assert "KeyError" in stored.error
    # The redelivery is processed again, not skipped as a duplicate.
    assert webhook(broken).status_code == 500
    assert StripeEvent.objects.count() == 1
