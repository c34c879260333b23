"""Reading Stripe's payloads: ids, times and amounts, in the shapes of settings.STRIPE_API_VERSION.

Plain functions over the dicts Stripe sends (webhook events) or returns (the reconcile
command's listings); they touch no database.
"""

import datetime

from .stripe_client import from_minor_units


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


def latest_refund_time(charge):
    """When the latest refund of a charge was made (None if the payload lists none)."""
    refunds = (charge.get("refunds") or {}).get("data") or []
    created = [r.get("created") for r in refunds if r.get("created")]
    return from_timestamp(max(created)) if created else None
