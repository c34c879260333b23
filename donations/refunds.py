"""Refunds: a full refund marks the gift refunded (its receipt is then voided).

A refund may reach us before the payment it refunds (Stripe does not promise an
order). Such a charge.refunded event is stored unprocessed ("waiting") and applied
as soon as its payment is recorded (``apply_waiting_refunds``, inside the payment's
transaction) or, at the latest, by ``retry_waiting_refunds`` after that commits and
on a schedule. A refund recorded before the payment keeps the gift out of every total.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

import stripe

from .models import Donation, StripeEvent
from .records import change_status_if, donation_by_public_id, lock_stripe_objects, record_ids
from .stripe_client import StripeNotConfigured, stripe_client, to_minor_units
from .stripe_payloads import latest_refund_time, object_id

logger = logging.getLogger(__name__)

WAITING_REFUNDS_WINDOW = datetime.timedelta(days=60)


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
        return object_id(payment["invoice"])
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
    record_ids(donation, stripe_payment_intent_id=payment_intent)
    if amount_refunded is not None and amount_refunded < to_minor_units(donation.amount):
        logger.info("Partial refund of donation %s left as it is", donation.public_id)
        return donation, False
    done = change_status_if(
        donation,
        {Donation.Status.PENDING, Donation.Status.PAID},
        Donation.Status.REFUNDED,
        refunded_at=refunded_at or timezone.now(),
    )
    if done:
        logger.info("Donation %s refunded", donation.public_id)
    return donation, done


def record_charge_refunded(charge, *, occurred_at=None):
    """charge.refunded: a full refund marks the gift refunded (its receipt is voided)."""
    donation, _done = refund_donation(
        payment_intent=object_id(charge.get("payment_intent")),
        metadata=charge.get("metadata"),
        amount_refunded=charge.get("amount_refunded"),
        refunded_at=latest_refund_time(charge) or occurred_at,
    )
    return donation


# Refunds that came before their payment ----------------------------------------------------


def waiting_refunds():
    """Stored charge.refunded events that matched no gift yet (recent ones: older are left)."""
    since = timezone.now() - WAITING_REFUNDS_WINDOW
    return StripeEvent.objects.filter(
        type="charge.refunded", processed_at__isnull=True, received_at__gte=since
    )


def _charge_of(event_row):
    return (event_row.payload.get("data") or {}).get("object") or {}


def apply_waiting_refunds(donation):
    """Inside a payment's transaction: apply the waiting refunds that are this gift's.

    The caller holds the locks of the payment's Stripe objects, so a refund about them
    committed before is seen here and the gift is refunded in the same transaction (its
    receipt email then finds it refunded and sends nothing). A refund still being applied
    elsewhere is caught by retry_waiting_refunds after this transaction commits.
    """
    for row in waiting_refunds():
        if record_charge_refunded(_charge_of(row), occurred_at=row.created) is not None:
            StripeEvent.objects.filter(pk=row.pk).update(processed_at=timezone.now(), error="")


def retry_waiting_refunds():
    """Apply each waiting refund that now matches a gift, each in its own transaction.

    Runs after a payment commits (transaction.on_commit in donations.webhooks), after a
    refund is stored as waiting, and on a schedule (donations.tasks.retry_waiting_refunds).
    Each refund takes its Stripe objects' locks and is re-read under a row lock, so a
    concurrent delivery or sweep applies it once. Returns how many were applied.
    """
    applied = 0
    for pk in list(waiting_refunds().values_list("pk", flat=True)):
        with transaction.atomic():
            row = StripeEvent.objects.filter(pk=pk).first()
            if row is None:
                continue
            lock_stripe_objects(_charge_of(row))
            row = waiting_refunds().select_for_update().filter(pk=pk).first()
            if row is None:
                continue  # applied meanwhile
            if record_charge_refunded(_charge_of(row), occurred_at=row.created) is None:
                continue
            row.processed_at = timezone.now()
            row.error = ""
            row.save(update_fields=["processed_at", "error"])
            applied += 1
    if applied:
        logger.info("Applied %s waiting refund(s)", applied)
    return applied
