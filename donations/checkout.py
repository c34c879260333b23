"""Create the Stripe Checkout Session for a pending card donation."""

import logging

from django.db import transaction
from django.utils import translation

from .models import Donation
from .stripe_client import stripe_client, to_minor_units

logger = logging.getLogger(__name__)

# Checkout's locale from the page language. Stripe Checkout has no Kyrgyz; Russian
# is the language Kyrgyz readers most often also read, so ky -> "ru".
CHECKOUT_LOCALES = {"ky": "ru", "ru": "ru", "en": "en"}


def checkout_locale(language):
    return CHECKOUT_LOCALES.get(language, "auto")


def idempotency_key(donation):
    """From the review the donor confirmed: every confirm of it gets the same session.

    A donation made without a review key (before keys existed) falls back to its id.
    """
    return f"checkout-{donation.attempt_key or donation.public_id}"


def session_params(donation, *, success_url, cancel_url):
    """The Checkout Session request for ``donation`` (shapes of STRIPE_API_VERSION)."""
    monthly = donation.frequency == Donation.Frequency.MONTHLY
    with translation.override(donation.language):
        fund_name = donation.fund.name  # modeltranslation: the donor's language
        if monthly:
            product_name = translation.gettext("Monthly gift: %(fund)s") % {"fund": fund_name}
        else:
            product_name = translation.gettext("Gift: %(fund)s") % {"fund": fund_name}
    metadata = {"donation_id": str(donation.public_id)}
    price_data = {
        "currency": donation.currency.lower(),
        "unit_amount": to_minor_units(donation.amount),
        "product_data": {"name": product_name},
    }
    params = {
        "mode": "subscription" if monthly else "payment",
        "line_items": [{"price_data": price_data, "quantity": 1}],
        "client_reference_id": str(donation.public_id),
        "metadata": metadata,
        "customer_email": donation.donor_email,
        "success_url": success_url,
        "cancel_url": cancel_url,
        "locale": checkout_locale(donation.language),
    }
    if monthly:
        price_data["recurring"] = {"interval": "month"}
        params["subscription_data"] = {"metadata": metadata}
    else:
        params["submit_type"] = "donate"
        params["payment_intent_data"] = {"metadata": metadata}
    return params


def create_checkout_session(donation, *, success_url, cancel_url):
    """Create (or, on a retry, get back) the session; store its id; return its URL.

    The donation's row stays locked while Stripe answers, so concurrent confirms of
    one review ask one after another and the later ones get Stripe's stored answer
    to the same idempotency key (Stripe refuses two in flight at once).
    Raises stripe.StripeError (including APIConnectionError on timeouts) for the
    caller to turn into an apology; the donation stays pending either way.
    """
    client = stripe_client()
    with transaction.atomic():
        locked = Donation.objects.select_for_update().get(pk=donation.pk)
        session = client.v1.checkout.sessions.create(
            params=session_params(locked, success_url=success_url, cancel_url=cancel_url),
            options={"idempotency_key": idempotency_key(locked)},
        )
        if locked.stripe_checkout_session_id != session.id:
            locked.stripe_checkout_session_id = session.id
            locked.save(update_fields=["stripe_checkout_session_id", "updated_at"])
    donation.stripe_checkout_session_id = session.id
    logger.info("Checkout session %s for donation %s", session.id, donation.public_id)
    return session.url
