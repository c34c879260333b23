"""Fulfilment: bring a Donation in line with what Stripe says happened.

One set of functions for every path that learns about a payment: the webhook
(donations.webhooks), the reconcile command and the demo gateway. They take
plain dicts in the shapes of settings.STRIPE_API_VERSION, are idempotent, and
accept events in any order: a paid donation is never unpaid by a late
``expired``, a refund recorded before the payment keeps the gift out of every
total, and each monthly invoice becomes exactly one Donation.

A gift is dated by when the donor paid, as Stripe reports it (the charge, the
invoice's ``status_transitions.paid_at``, else the event's ``created``), never by
when we happened to process it; what Stripe charged is recorded beside the pledge.
Callers that may race (the webhook, reconcile) first take ``lock_stripe_objects``.
"""

import datetime
import hashlib
import logging
import uuid

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

import stripe

from .models import Donation, StripeEvent
from .stripe_client import StripeNotConfigured, from_minor_units, stripe_client, to_minor_units

logger = logging.getLogger(__name__)

PAID_SESSION_STATUSES = ("paid", "no_payment_required")
WAITING_REFUNDS_WINDOW = datetime.timedelta(days=60)


# Reading payloads --------------------------------------------------------------------------


def object_id(value):
    """An id from a field that may be expanded into an object."""
    if isinstance(value, dict):
        return value.get("id") or ""
    return value or ""


def from_timestamp(value):
    """An aware datetime from Stripe's Unix time (None for none)."""
    if not value:
        return None
    return datetime.datetime.fromtimestamp(int(value), tz=datetime.UTC)


def charged(obj, amount_field):
    """(amount, currency) Stripe reports for a session or invoice, or None if it does not say."""
    amount, currency = obj.get(amount_field), obj.get("currency")
    if amount is None or not currency:
        return None
    return from_minor_units(amount), currency.upper()


def session_paid_at(session):
    """When the donor paid a Checkout Session, if the payload says (expanded objects).

    reconcile_donations lists sessions with their payment intent's latest charge and
    their invoice expanded; a webhook's session has only ids, and its event's
    ``created`` (the moment the session completed) stands in.
    """
    invoice = session.get("invoice")
    if isinstance(invoice, dict):
        paid = from_timestamp((invoice.get("status_transitions") or {}).get("paid_at"))
        if paid:
            return paid
    intent = session.get("payment_intent")
    if isinstance(intent, dict):
        charge = intent.get("latest_charge")
        if isinstance(charge, dict) and charge.get("created"):
            return from_timestamp(charge["created"])
    return None


# Applying events about one Stripe object one after another ------------------------------


def stripe_object_ids(obj):
    """The Stripe objects (and our gift) an event's object is about: its lock keys."""
    metadata = obj.get("metadata") or {}
    subscription, subscription_metadata = invoice_subscription(obj)
    ids = {
        object_id(obj.get(name))
        for name in ("id", "customer", "payment_intent", "subscription", "invoice")
    }
    ids |= {subscription, metadata.get("donation_id"), subscription_metadata.get("donation_id")}
    ids.add(obj.get("client_reference_id"))
    return sorted(str(value) for value in ids if value)


def _lock_key(value):
    """A signed 64-bit key for pg_advisory_xact_lock (a collision only serialises more)."""
    return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), signed=True)


def lock_stripe_objects(obj):
    """Wait until no other transaction applies an event about the same objects, then hold them.

    PostgreSQL advisory transaction locks keyed by every Stripe id the object names
    (payment intent, invoice, subscription, customer, session, our donation id), taken in
    one sorted order so two events never wait for each other in a circle; released at
    commit. A payment and its refund thus see each other's rows. SQLite has one writer,
    which serialises them already. Call first thing inside ``transaction.atomic()``.
    """
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError(
            "lock_stripe_objects() must run inside transaction.atomic()"
        )
    if connection.vendor != "postgresql":
        return
    keys = sorted({_lock_key(value) for value in stripe_object_ids(obj)})
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


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
    return object_id(details.get("subscription")), details.get("metadata") or {}


def invoice_payment_intent(invoice):
    """The PaymentIntent that paid an invoice, when the payload includes ``payments``."""
    for payment in ((invoice.get("payments") or {}).get("data")) or []:
        intent = object_id((payment.get("payment") or {}).get("payment_intent"))
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
    _record_ids(donation, **ids)
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
        _change_if(donation, {Donation.Status.PENDING}, Donation.Status.FAILED)
    return donation


def expire_checkout_session(session, *, occurred_at=None):
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
        _record_ids(existing, **ids)
        existing.mark_paid(paid_at=paid_at, charged=paid)
        apply_waiting_refunds(existing)
        return existing

    original = _monthly_original(subscription_id, metadata)
    if original is None:
        logger.warning("Invoice %s matches no monthly gift", invoice_id)
        return None

    if invoice.get("billing_reason") == "subscription_create":
        _record_ids(original, stripe_invoice_id=invoice_id, **ids)
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


def record_charge_refunded(charge, *, occurred_at=None):
    """charge.refunded: a full refund marks the gift refunded (its receipt is voided)."""
    donation, _done = refund_donation(
        payment_intent=object_id(charge.get("payment_intent")),
        metadata=charge.get("metadata"),
        amount_refunded=charge.get("amount_refunded"),
        refunded_at=_latest_refund_time(charge) or occurred_at,
    )
    return donation


def _latest_refund_time(charge):
    refunds = (charge.get("refunds") or {}).get("data") or []
    created = [r.get("created") for r in refunds if r.get("created")]
    return from_timestamp(max(created)) if created else None


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
