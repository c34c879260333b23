"""Fulfilment: bring a Donation in line with what Stripe says happened.

One set of functions for every path that learns about a payment: the webhook
(donations.webhooks), the reconcile command and the demo gateway. They take
plain dicts in the shapes of settings.STRIPE_API_VERSION, are idempotent, and
accept events in any order: a paid donation is never unpaid by a late
``expired``, a refund recorded before the payment keeps the gift out of every
total, and each monthly invoice becomes exactly one Donation.
"""

import datetime
import logging
import uuid

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

import stripe

from .models import Donation, StripeEvent
from .stripe_client import StripeNotConfigured, from_minor_units, stripe_client, to_minor_units

logger = logging.getLogger(__name__)

PAID_SESSION_STATUSES = ("paid", "no_payment_required")
WAITING_REFUNDS_WINDOW = datetime.timedelta(days=60)


# Reading payloads --------------------------------------------------------------------------


def _id(value):
    """An id from a field that may be expanded into an object."""
    if isinstance(value, dict):
        return value.get("id") or ""
    return value or ""


def _timestamp(value):
    if not value:
        return None
    return datetime.datetime.fromtimestamp(int(value), tz=datetime.UTC)


def _public_id(value):
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


def donation_by_public_id(value, **filters):
    public_id = _public_id(value)
    if public_id is None:
        return None
    return Donation.objects.filter(public_id=public_id, **filters).first()


def session_donation(session):
    """The donation a Checkout Session was created for."""
    metadata = session.get("metadata") or {}
    for value in (metadata.get("donation_id"), session.get("client_reference_id")):
        donation = donation_by_public_id(value)
        if donation is not None:
            return donation
    if session.get("id"):
        return Donation.objects.filter(stripe_checkout_session_id=session["id"]).first()
    return None


def invoice_subscription(invoice):
    """(subscription id, subscription metadata) of a subscription invoice."""
    details = (invoice.get("parent") or {}).get("subscription_details") or {}
    return _id(details.get("subscription")), details.get("metadata") or {}


def invoice_payment_intent(invoice):
    """The PaymentIntent that paid an invoice, when the payload includes ``payments``."""
    for payment in ((invoice.get("payments") or {}).get("data")) or []:
        intent = _id((payment.get("payment") or {}).get("payment_intent"))
        if intent:
            return intent
    return ""


def _record_ids(donation, **ids):
    """Fill in Stripe ids the donation does not have yet (never overwrite one)."""
    changed = []
    for name, value in ids.items():
        if value and not getattr(donation, name):
            empty = Q(**{name: ""}) | Q(**{f"{name}__isnull": True})
            if Donation.objects.filter(empty, pk=donation.pk).update(**{name: value}):
                setattr(donation, name, value)
                changed.append(name)
    return changed


def _change_if(donation, allowed, new_status, **fields):
    """Change status under the row lock if the current status is in ``allowed``."""
    with transaction.atomic():
        locked = Donation.objects.select_for_update().get(pk=donation.pk)
        if locked.status not in allowed:
            return False
        locked.change_status(new_status, **fields)
    donation.refresh_from_db()
    return True


# Checkout Sessions -------------------------------------------------------------------------


def fulfil_checkout_session(session, *, paid_at=None):
    """checkout.session.completed / async_payment_succeeded: paid sessions mark the gift paid.

    A completed session that is still ``unpaid`` (a delayed payment method) only records
    its ids and waits for async_payment_succeeded. Returns the donation or None.
    """
    donation = session_donation(session)
    if donation is None:
        logger.warning("Checkout session %s matches no donation", session.get("id"))
        return None
    ids = {
        "stripe_checkout_session_id": session.get("id"),
        "stripe_customer_id": _id(session.get("customer")),
    }
    if session.get("mode") == "subscription":
        ids["stripe_subscription_id"] = _id(session.get("subscription"))
        ids["stripe_invoice_id"] = _id(session.get("invoice"))
    else:
        ids["stripe_payment_intent_id"] = _id(session.get("payment_intent"))
    _record_ids(donation, **ids)
    if session.get("payment_status") in PAID_SESSION_STATUSES:
        if donation.mark_paid(paid_at=paid_at):
            logger.info("Donation %s paid (session %s)", donation.public_id, session.get("id"))
        apply_waiting_refunds(donation)
    return donation


def fail_checkout_session(session):
    """checkout.session.async_payment_failed: a pending gift failed."""
    donation = session_donation(session)
    if donation is not None:
        _change_if(donation, {Donation.Status.PENDING}, Donation.Status.FAILED)
    return donation


def expire_checkout_session(session):
    """checkout.session.expired: only a gift still pending expires (never a paid one)."""
    donation = session_donation(session)
    if donation is not None:
        _change_if(donation, {Donation.Status.PENDING}, Donation.Status.EXPIRED)
    return donation


# Monthly gifts -----------------------------------------------------------------------------


def _monthly_original(subscription_id, metadata):
    original = donation_by_public_id(metadata.get("donation_id"), parent__isnull=True)
    if original is None and subscription_id:
        original = Donation.objects.filter(
            stripe_subscription_id=subscription_id, parent__isnull=True
        ).first()
    return original


def record_invoice_paid(invoice):
    """invoice.paid: the first invoice completes the monthly gift; each later one is a new gift.

    Idempotent by the invoice id (unique on Donation). Returns the donation or None.
    """
    if invoice.get("status") not in (None, "paid"):
        return None
    invoice_id = invoice["id"]
    paid_at = _timestamp((invoice.get("status_transitions") or {}).get("paid_at"))
    subscription_id, metadata = invoice_subscription(invoice)
    ids = {
        "stripe_subscription_id": subscription_id,
        "stripe_customer_id": _id(invoice.get("customer")),
        "stripe_payment_intent_id": invoice_payment_intent(invoice),
    }

    existing = Donation.objects.filter(stripe_invoice_id=invoice_id).first()
    if existing is not None:
        _record_ids(existing, **ids)
        existing.mark_paid(paid_at=paid_at)
        apply_waiting_refunds(existing)
        return existing

    original = _monthly_original(subscription_id, metadata)
    if original is None:
        logger.warning("Invoice %s matches no monthly gift", invoice_id)
        return None

    if invoice.get("billing_reason") == "subscription_create":
        _record_ids(original, stripe_invoice_id=invoice_id, **ids)
        original.mark_paid(paid_at=paid_at)
        apply_waiting_refunds(original)
        return original

    try:
        with transaction.atomic():
            instalment = Donation.objects.create(
                parent=original,
                status=Donation.Status.PENDING,
                frequency=Donation.Frequency.MONTHLY,
                channel=original.channel,
                amount=from_minor_units(invoice.get("amount_paid") or 0) or original.amount,
                currency=(invoice.get("currency") or original.currency).upper(),
                fund=original.fund,
                language=original.language,
                donor_name=original.donor_name,
                donor_email=original.donor_email,
                is_anonymous=original.is_anonymous,
                dedication=original.dedication,
                stripe_invoice_id=invoice_id,
                stripe_subscription_id=subscription_id or original.stripe_subscription_id,
                stripe_customer_id=ids["stripe_customer_id"] or original.stripe_customer_id,
                stripe_payment_intent_id=ids["stripe_payment_intent_id"],
            )
    except IntegrityError:
        # Another delivery (or reconcile) created it a moment ago.
        instalment = Donation.objects.get(stripe_invoice_id=invoice_id)
    instalment.mark_paid(paid_at=paid_at)
    apply_waiting_refunds(instalment)
    return instalment


def record_subscription_ended(subscription):
    """customer.subscription.deleted: the monthly gift ends (its paid instalments stay)."""
    ended_at = _timestamp(subscription.get("ended_at") or subscription.get("canceled_at"))
    original = _monthly_original(subscription.get("id"), subscription.get("metadata") or {})
    if original is None:
        logger.warning("Subscription %s matches no monthly gift", subscription.get("id"))
        return None
    _record_ids(original, stripe_subscription_id=subscription.get("id"))
    Donation.objects.filter(pk=original.pk, subscription_ended_at__isnull=True).update(
        subscription_ended_at=ended_at or timezone.now()
    )
    original.refresh_from_db()
    return original


# Refunds -----------------------------------------------------------------------------------


def _invoice_of_payment_intent(payment_intent):
    """The invoice a PaymentIntent paid (monthly instalments), asked of Stripe."""
    try:
        payments = stripe_client().v1.invoice_payments.list(
            params={"payment": {"type": "payment_intent", "payment_intent": payment_intent}}
        )
    except (stripe.StripeError, StripeNotConfigured):
        logger.warning("Could not look up the invoice of %s", payment_intent, exc_info=True)
        return ""
    for payment in payments.data:
        return _id(payment["invoice"])
    return ""


def refund_donation(*, payment_intent="", metadata=None, amount_refunded=None, refunded_at=None):
    """Find the gift a refund belongs to; returns (donation or None, refunded now?)."""
    donation = None
    if payment_intent:
        donation = Donation.objects.filter(stripe_payment_intent_id=payment_intent).first()
    if donation is None:
        donation = donation_by_public_id((metadata or {}).get("donation_id"), parent__isnull=True)
        if donation is not None and donation.frequency == Donation.Frequency.MONTHLY:
            donation = None  # a monthly gift's charges are matched by their invoice
    if donation is None and payment_intent:
        invoice_id = _invoice_of_payment_intent(payment_intent)
        if invoice_id:
            donation = Donation.objects.filter(stripe_invoice_id=invoice_id).first()
    if donation is None:
        return None, False
    _record_ids(donation, stripe_payment_intent_id=payment_intent)
    if amount_refunded is not None and amount_refunded < to_minor_units(donation.amount):
        logger.info("Partial refund of donation %s left as it is", donation.public_id)
        return donation, False
    done = _change_if(
        donation,
        {Donation.Status.PENDING, Donation.Status.PAID},
        Donation.Status.REFUNDED,
        refunded_at=refunded_at or timezone.now(),
    )
    if done:
        logger.info("Donation %s refunded", donation.public_id)
    return donation, done


def record_charge_refunded(charge):
    """charge.refunded: a full refund marks the gift refunded (its receipt is voided)."""
    donation, _done = refund_donation(
        payment_intent=_id(charge.get("payment_intent")),
        metadata=charge.get("metadata"),
        amount_refunded=charge.get("amount_refunded"),
        refunded_at=_latest_refund_time(charge),
    )
    return donation


def _latest_refund_time(charge):
    refunds = (charge.get("refunds") or {}).get("data") or []
    created = [r.get("created") for r in refunds if r.get("created")]
    return _timestamp(max(created)) if created else None


def apply_waiting_refunds(donation):
    """Refund events that came before their payment, applied now that the gift is known.

    A refund that matched no donation is stored unprocessed (see donations.webhooks);
    such events are rare, so each paid gift simply tries the recent ones again.
    """
    since = timezone.now() - WAITING_REFUNDS_WINDOW
    waiting = StripeEvent.objects.filter(
        type="charge.refunded", processed_at__isnull=True, received_at__gte=since
    )
    for event in waiting:
        charge = event.payload.get("data", {}).get("object", {})
        if record_charge_refunded(charge) is not None:
            StripeEvent.objects.filter(pk=event.pk).update(processed_at=timezone.now(), error="")
