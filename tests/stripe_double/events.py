"""Event payloads in the pinned API version's shapes, signed exactly as Stripe signs them."""

import hashlib
import hmac
import json
import secrets
import time

from django.conf import settings


def event(type_, obj, *, event_id=None, created=None):
    """A v1 snapshot event around ``obj`` (a dict shaped like Stripe's object)."""
    return {
        "id": event_id or f"evt_test_{secrets.token_hex(12)}",
        "object": "event",
        "api_version": settings.STRIPE_API_VERSION,
        "created": created or int(time.time()),
        "data": {"object": {k: v for k, v in obj.items() if not k.startswith("_")}},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": type_,
    }


def signature_header(payload, secret, *, timestamp=None):
    """Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.payload" with the secret>."""
    timestamp = int(time.time()) if timestamp is None else int(timestamp)
    signed = f"{timestamp}.{payload}".encode()
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def encode(event_payload):
    return json.dumps(event_payload, separators=(",", ":"))


def post_event(client, event_payload, *, secret=None, timestamp=None, path="/stripe/webhook/"):
    """Deliver an event to the webhook with Django's test client (or any .post-alike)."""
    payload = encode(event_payload)
    header = signature_header(
        payload, secret or settings.STRIPE_WEBHOOK_SECRET, timestamp=timestamp
    )
    return client.post(
        path, data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )
