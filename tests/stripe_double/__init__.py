"""A local Stripe double for the test suite: a small HTTP server speaking Stripe's API.

The real ``stripe`` library talks to it over HTTP when settings.STRIPE_API_BASE
points at it. ``events`` builds event payloads in the pinned API version's shapes
and signs them exactly as Stripe does.
"""

from .server import StripeDouble

__all__ = ["StripeDouble"]
