"""The configured Stripe client: API key, version, base address and timeouts in one place.

Nothing here touches the stripe module's global state (no ``stripe.api_key = ...``);
every caller gets a ``stripe.StripeClient`` built from settings, so tests can point
STRIPE_API_BASE at the local Stripe double.
"""

from decimal import Decimal

from django.conf import settings

import stripe


class StripeNotConfigured(RuntimeError):
    """No STRIPE_SECRET_KEY: card gifts go through the demo gateway or nowhere."""


def stripe_client():
    """A StripeClient for the configured account, API version and base address."""
    if not settings.STRIPE_SECRET_KEY:
        raise StripeNotConfigured("STRIPE_SECRET_KEY is not set")
    base_addresses = {}
    if settings.STRIPE_API_BASE:
        base_addresses["api"] = settings.STRIPE_API_BASE.rstrip("/")
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        stripe_version=settings.STRIPE_API_VERSION,
        base_addresses=base_addresses,
        max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
        http_client=stripe.RequestsClient(timeout=settings.STRIPE_TIMEOUT),
    )


def to_minor_units(amount):
    """Stripe counts KGS, USD and EUR in hundredths (KGS is a two-decimal currency there)."""
    return int((amount * 100).to_integral_value())


def from_minor_units(value):
    return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))
