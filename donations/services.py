"""Fulfilment: bring a Donation in line with what Stripe says was paid.

One set of functions for every path that learns about a payment: the webhook
(donations.webhooks), the reconcile command and the demo gateway. They take
plain dicts in the shapes of settings.STRIPE_API_VERSION (donations.stripe_payloads),
are idempotent, and accept events in any order: a paid donation is never unpaid by
a late ``expired``, and each monthly invoice becomes exactly one Donation. Refunds,
also those that arrive before their payment, are donations.refunds.

A gift is dated by when the donor paid, as Stripe reports it (the charge, the
invoice's ``status_transitions.paid_at``, else the event's ``created``), never by
when we happened to process it; what Stripe charged is recorded beside the pledge.
Callers that may race (the webhook, reconcile) first take
``donations.records.lock_stripe_objects``.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Donation
from .records import change_status_if, monthly_original, record_ids, session_donation
from .refunds import apply_waiting_refunds
from .stripe_payloads import (
    charged,
    from_timestamp,
    invoice_payment_intent,
    invoice_subscription,
    object_id,
    session_paid_at,
)

logger = logging.getLogger(__name__)

PAID_SESSION_STATUSES = ("paid", "no_payment_required")


# Checkout Sessions -------------------------------------------------------------------------


def fulfil_checkout_session(session, *, occurred_at=None):
    """checkout.session.completed / async_payment_succeeded: paid sessions mark the gift paid.

    The gift is dated when the donor paid (see session_paid_at; else ``occurred_at``, the
    event's time) and records the session's amount_total and currency as charged. A
    completed session that is still ``unpaid`` (a delayed payment method) only records
    its ids and waits for async_payment_succeeded. Returns the donation or None.
    """
    donation = session_donation(session)
    if donation is None:
        logger.warning("Checkout session %s matches no donation", session.get("id"))
        return None
    ids = {
        "stripe_checkout_session_id": session.get("id"),
        "stripe_customer_id": object_id(session.get("customer")),
    }
    if session.get("mode") == "subscription":
        ids["stripe_subscription_id"] = object_id(session.get("subscription"))
        ids["stripe_invoice_id"] = object_id(session.get("invoice"))
    else:
        ids["stripe_payment_intent_id"] = object_id(session.get("payment_intent"))
    record_ids(donation, **ids)
    if session.get("payment_status") in PAID_SESSION_STATUSES:
        paid_at = session_paid_at(session) or occurred_at
        if donation.mark_paid(paid_at=paid_at, charged=charged(session, "amount_total")):
            logger.info("Donation %s paid (session %s)", donation.public_id, session.get("id"))
            if donation.charge_differs:
                logger.warning(
                    "Donation %s: Stripe charged %s %s, %s %s pledged",
                    donation.public_id,
                    donation.amount,
                    donation.currency,
                    donation.pledged_amount,
                    donation.pledged_currency,
                )
        apply_waiting_refunds(donation)
    return donation


def fail_checkout_session(session, *, occurred_at=None):
    """checkout.session.async_payment_failed: a pending gift failed."""
    donation = session_donation(session)
    if donation is not None:
        change_status_if(donation, {Donation.Status.PENDING}, Donation.Status.FAILED)
    return donation


def expire_checkout_session(session, *, occurred_at=None):
    """checkout.session.expired: only a gift still pending expires (never a paid one)."""
    donation = session_donation(session)
    if donation is not None:
        change_status_if(donation, {Donation.Status.PENDING}, Donation.Status.EXPIRED)
    return donation


def cancel_pending(donation):
    """The donor gave up before paying: a gift still pending is cancelled (never a paid one)."""
    return change_status_if(donation, {Donation.Status.PENDING}, Donation.Status.CANCELLED)


# Monthly gifts -----------------------------------------------------------------------------


def record_invoice_paid(invoice, *, occurred_at=None):
    """invoice.paid: the first invoice completes the monthly gift; each later one is a new gift.

    Dated by the invoice's status_transitions.paid_at (else ``occurred_at``); amount_paid
    and currency are recorded as charged, against the monthly gift's pledge.
    Idempotent by the invoice id (unique on Donation). Returns the donation or None.
    """
    if invoice.get("status") not in (None, "paid"):
        return None
    invoice_id = invoice["id"]
    paid_at = (
        from_timestamp((invoice.get("status_transitions") or {}).get("paid_at")) or occurred_at
    )
    paid = charged(invoice, "amount_paid")
    subscription_id, metadata = invoice_subscription(invoice)
    ids = {
        "stripe_subscription_id": subscription_id,
        "stripe_customer_id": object_id(invoice.get("customer")),
        "stripe_payment_intent_id": invoice_payment_intent(invoice),
    }

    existing = Donation.objects.filter(stripe_invoice_id=invoice_id).first()
    if existing is not None:
        record_ids(existing, **ids)
        existing.mark_paid(paid_at=paid_at, charged=paid)
        apply_waiting_refunds(existing)
        return existing

    original = monthly_original(subscription_id, metadata)
    if original is None:
        logger.warning("Invoice %s matches no monthly gift", invoice_id)
        return None

    if invoice.get("billing_reason") == "subscription_create":
        record_ids(original, stripe_invoice_id=invoice_id, **ids)
        original.mark_paid(paid_at=paid_at, charged=paid)
        apply_waiting_refunds(original)
        return original

    try:
        with transaction.atomic():
            instalment = Donation.objects.create(
                parent=original,
                status=Donation.Status.PENDING,
                frequency=Donation.Frequency.MONTHLY,
                channel=original.channel,
                # The pledge; mark_paid records what this invoice charged against it.
                amount=original.amount,
                currency=original.currency,
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
    instalment.mark_paid(paid_at=paid_at, charged=paid)
    apply_waiting_refunds(instalment)
    return instalment


def record_subscription_ended(subscription, *, occurred_at=None):
    """customer.subscription.deleted: the monthly gift ends (its paid instalments stay)."""
    ended_at = (
        from_timestamp(subscription.get("ended_at") or subscription.get("canceled_at"))
        or occurred_at
    )
    original = monthly_original(subscription.get("id"), subscription.get("metadata") or {})
    if original is None:
        logger.warning("Subscription %s matches no monthly gift", subscription.get("id"))
        return None
    record_ids(original, stripe_subscription_id=subscription.get("id"))
    Donation.objects.filter(pk=original.pk, subscription_ended_at__isnull=True).update(
        subscription_ended_at=ended_at or timezone.now()
    )
    original.refresh_from_db()
    return original
