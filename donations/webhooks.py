"""Stripe webhooks: verify, store each event once, process it in the same transaction.

The view answers 400 (nothing stored beyond a log line) for a missing or bad
signature, a malformed body, and 413 for an oversized one. A verified event is
stored by its Stripe id (unique) inside ``transaction.atomic()`` together with
its processing, so a duplicate delivery, even many at once, is a 200 no-op.
Events about the same payment, invoice, subscription or customer are applied one
after another (records.lock_stripe_objects). A refund that matches no gift yet is
stored as waiting and tried again after the commit of every payment, after its own
commit, and by the worker's sweep (donations.tasks.retry_waiting_refunds).
Unknown event types are stored and ignored.
"""

import json
import logging
import re

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

import stripe

from . import records, refunds, services
from .models import StripeEvent

logger = logging.getLogger(__name__)

PROCESSED = "processed"
DUPLICATE = "duplicate"
IGNORED = "ignored"
WAITING = "waiting"

# Event type -> handler taking the event's data.object and, as ``occurred_at``, the
# event's time; a handler returning None found nothing to apply the event to.
HANDLERS = {
    "checkout.session.completed": services.fulfil_checkout_session,
    "checkout.session.async_payment_succeeded": services.fulfil_checkout_session,
    "checkout.session.async_payment_failed": services.fail_checkout_session,
    "checkout.session.expired": services.expire_checkout_session,
    "invoice.paid": services.record_invoice_paid,
    "customer.subscription.deleted": services.record_subscription_ended,
    "charge.refunded": refunds.record_charge_refunded,
}
# Events that pay a gift: after they commit, refunds waiting for them are tried again.
PAYMENTS = {
    "checkout.session.completed",
    "checkout.session.async_payment_succeeded",
    "invoice.paid",
}
# Events worth keeping unprocessed when they match nothing yet: tried again later.
RETRY_WHEN_UNMATCHED = {"charge.refunded"}

# NUL cannot be stored in PostgreSQL text or jsonb; bidi embedding, override and
# isolate controls would reorder how a name reads in the admin, emails and receipts.
UNSAFE_CHARACTERS = re.compile("[\x00\u202a-\u202e\u2066-\u2069]")


def clean_payload(value):
    """``value`` with NUL and bidi controls removed from every string (keys too)."""
    if isinstance(value, str):
        return UNSAFE_CHARACTERS.sub("", value)
    if isinstance(value, dict):
        return {clean_payload(key): clean_payload(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_payload(item) for item in value]
    return value


def process_event(event):
    """Store ``event`` (a verified payload dict) once and apply it; returns an outcome."""
    with transaction.atomic():
        records.lock_stripe_objects(event["data"]["object"])
        row, created = StripeEvent.store(event)
        if not created:
            row = StripeEvent.objects.select_for_update().get(pk=row.pk)
            if row.processed_at is not None:
                return DUPLICATE
        handler = HANDLERS.get(event["type"])
        if handler is None:
            outcome = IGNORED
        elif (
            handler(event["data"]["object"], occurred_at=row.created) is None
            and event["type"] in RETRY_WHEN_UNMATCHED
        ):
            outcome = WAITING
        else:
            outcome = PROCESSED
        if outcome == WAITING:
            row.error = "Matches no donation yet; applied when its payment is recorded."
        else:
            row.processed_at = timezone.now()
            row.error = ""
        row.save(update_fields=["processed_at", "error"])
        if outcome == WAITING or (outcome == PROCESSED and event["type"] in PAYMENTS):
            # After commit, when the other side's rows are visible: a payment and its
            # refund racing each other each look again once committed, so whichever
            # commits last finds the other (robust: the answer to Stripe stays 200).
            transaction.on_commit(refunds.retry_waiting_refunds, robust=True)
    return outcome


def _record_failure(event, error):
    """Keep the event, unprocessed, with what went wrong; Stripe's retry processes it."""
    with transaction.atomic():
        row, _created_now = StripeEvent.store(event)
        if row.processed_at is None:
            row.error = error[:2000]
            row.save(update_fields=["error"])


def _valid_shape(event):
    return (
        isinstance(event, dict)
        and isinstance(event.get("id"), str)
        and isinstance(event.get("type"), str)
        and isinstance(event.get("data"), dict)
        and isinstance(event["data"].get("object"), dict)
    )


@csrf_exempt
@require_POST
@never_cache
@transaction.non_atomic_requests
def stripe_webhook(request):
    """POST /stripe/webhook/: Stripe's signed events."""
    limit = settings.STRIPE_WEBHOOK_MAX_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        logger.warning("Stripe webhook refused: body of %s bytes", declared)
        return HttpResponse("Payload too large", status=413, content_type="text/plain")
    body = request.body
    if len(body) > limit:
        logger.warning("Stripe webhook refused: body of %s bytes", len(body))
        return HttpResponse("Payload too large", status=413, content_type="text/plain")
    signature = request.headers.get("Stripe-Signature")
    if not signature:
        logger.warning("Stripe webhook refused: no signature")
        return HttpResponse("Missing signature", status=400, content_type="text/plain")
    if not settings.STRIPE_WEBHOOK_SECRET:
        logger.error("Stripe webhook refused: STRIPE_WEBHOOK_SECRET is not set")
        return HttpResponse("Not configured", status=400, content_type="text/plain")
    try:
        payload = body.decode("utf-8")
        stripe.Webhook.construct_event(
            payload,
            signature,
            settings.STRIPE_WEBHOOK_SECRET,
            tolerance=settings.STRIPE_WEBHOOK_TOLERANCE,
        )
        event = clean_payload(json.loads(payload))
    except stripe.SignatureVerificationError:
        logger.warning("Stripe webhook refused: bad signature")
        return HttpResponse("Bad signature", status=400, content_type="text/plain")
    except (ValueError, AttributeError, TypeError):
        # ValueError: also UnicodeDecodeError and JSONDecodeError; the others: valid JSON
        # that is not an object (a list, a number), which the stripe library trips over.
        logger.warning("Stripe webhook refused: malformed body")
        return HttpResponse("Malformed body", status=400, content_type="text/plain")
    if not _valid_shape(event):
        logger.warning("Stripe webhook refused: not an event")
        return HttpResponse("Not an event", status=400, content_type="text/plain")

    try:
        outcome = process_event(event)
    except Exception as error:
        logger.exception("Stripe event %s (%s) failed", event["id"], event["type"])
        _record_failure(event, f"{type(error).__name__}: {error}")
        return HttpResponse("Processing failed; retry", status=500, content_type="text/plain")
    logger.info("Stripe event %s (%s): %s", event["id"], event["type"], outcome)
    return JsonResponse({"received": True, "outcome": outcome})
