"""The demo gateway: stands in for Stripe Checkout when there is no Stripe account.

On only when settings.DONATIONS_DEMO_GATEWAY is true (dev without STRIPE_SECRET_KEY;
production settings refuse it). Its Pay button completes the gift through the same
fulfilment functions as a verified webhook (donations.services), with payloads
shaped like Stripe's, so the receipt number, email and PDF follow exactly as in
production. A monthly gift also gets its first instalment's invoice.
"""

import time

from django.conf import settings

from . import services
from .models import Donation
from .stripe_client import to_minor_units

PREFIX = "cs_demo_"


def _require_enabled():
    if not settings.DONATIONS_DEMO_GATEWAY:
        raise RuntimeError("The demo gateway is off (DONATIONS_DEMO_GATEWAY)")


def start(donation):
    """Give a pending card donation its demo "session" id."""
    _require_enabled()
    if not donation.stripe_checkout_session_id:
        donation.stripe_checkout_session_id = PREFIX + donation.public_id.hex
        donation.save(update_fields=["stripe_checkout_session_id", "updated_at"])


def is_demo(donation):
    return (donation.stripe_checkout_session_id or "").startswith(PREFIX)


def _suffix(donation):
    return donation.public_id.hex[:24]


def completed_session(donation):
    """A checkout.session.completed payload for the donation, as Stripe would send it."""
    monthly = donation.frequency == Donation.Frequency.MONTHLY
    suffix = _suffix(donation)
    return {
        "id": donation.stripe_checkout_session_id,
        "object": "checkout.session",
        "mode": "subscription" if monthly else "payment",
        "status": "complete",
        "payment_status": "paid",
        "client_reference_id": str(donation.public_id),
        "metadata": {"donation_id": str(donation.public_id)},
        "customer": f"cus_demo_{suffix}",
        "customer_email": donation.donor_email,
        "amount_total": to_minor_units(donation.amount),
        "currency": donation.currency.lower(),
        "payment_intent": None if monthly else f"pi_demo_{suffix}",
        "subscription": f"sub_demo_{suffix}" if monthly else None,
        "invoice": f"in_demo_{suffix}" if monthly else None,
        "created": int(time.time()),
    }


def first_invoice(donation):
    """The invoice.paid payload of a monthly gift's first instalment."""
    suffix = _suffix(donation)
    return {
        "id": f"in_demo_{suffix}",
        "object": "invoice",
        "status": "paid",
        "billing_reason": "subscription_create",
        "customer": f"cus_demo_{suffix}",
        "amount_paid": to_minor_units(donation.amount),
        "currency": donation.currency.lower(),
        "parent": {
            "type": "subscription_details",
            "subscription_details": {
                "subscription": f"sub_demo_{suffix}",
                "metadata": {"donation_id": str(donation.public_id)},
            },
        },
        "status_transitions": {"paid_at": int(time.time())},
    }


def pay(donation):
    """The donor pressed Pay: fulfil exactly as the webhook would."""
    _require_enabled()
    services.fulfil_checkout_session(completed_session(donation))
    if donation.frequency == Donation.Frequency.MONTHLY:
        services.record_invoice_paid(first_invoice(donation))
    donation.refresh_from_db()
    return donation


def cancel(donation):
    """The donor pressed Cancel: a pending gift is cancelled (nothing was charged)."""
    _require_enabled()
    services.cancel_pending(donation)
    return donation
