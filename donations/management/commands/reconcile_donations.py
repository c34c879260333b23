"""Ask Stripe what happened since a moment and bring the donations in line.

    manage.py reconcile_donations --since 3d

Lists Checkout Sessions (created since), paid invoices and refunds through the
stripe library and runs each through the same functions as the webhook
(donations.services, donations.refunds), under the same per-object locks, so it is
idempotent and safe to run as often as you like (e.g. hourly from cron), also while
webhooks arrive, or after a webhook outage. Gifts are dated when the donor paid, as
Stripe reports it (a session's payment intent's latest charge, an invoice's
status_transitions.paid_at, a refund's created), never by the day this command runs.
"""

import datetime
import re

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

import stripe

from donations import records, services, stripe_payloads
from donations import refunds as refund_service
from donations.stripe_client import StripeNotConfigured, stripe_client

UNITS = {"d": "days", "h": "hours", "m": "minutes"}
PAGE_SIZE = 100
# Expanded so each session says when it was paid (stripe_payloads.session_paid_at).
SESSION_EXPAND = ["data.payment_intent.latest_charge", "data.invoice"]


def parse_since(value):
    """ "3d", "12h", "30m", or an ISO date/time -> an aware datetime."""
    match = re.fullmatch(r"(\d+)([dhm])", value.strip())
    if match:
        amount, unit = match.groups()
        return timezone.now() - datetime.timedelta(**{UNITS[unit]: int(amount)})
    moment = parse_datetime(value) or parse_datetime(f"{value}T00:00:00")
    if moment is None:
        raise CommandError(f"--since: expected e.g. 3d, 12h, 30m or 2026-11-01, not {value!r}")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = "Bring donations in line with Stripe (checkout sessions, paid invoices, refunds)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--since", default="3d", help="How far back to look: 3d, 12h, 30m or an ISO date."
        )

    def handle(self, *args, since, **options):
        moment = parse_since(since)
        try:
            client = stripe_client()
        except StripeNotConfigured as error:
            raise CommandError(str(error)) from error
        created = {"gte": int(moment.timestamp())}
        counts = {"sessions": 0, "invoices": 0, "refunds": 0, "unmatched": 0}
        try:
            sessions = client.v1.checkout.sessions.list(
                params={"created": created, "limit": PAGE_SIZE, "expand": SESSION_EXPAND}
            )
            for session in sessions.auto_paging_iter():
                counts["sessions"] += 1
                data = session.to_dict()
                with transaction.atomic():
                    records.lock_stripe_objects(data)
                    if data.get("status") == "complete":
                        found = services.fulfil_checkout_session(data)
                    elif data.get("status") == "expired":
                        found = services.expire_checkout_session(data)
                    else:
                        continue
                counts["unmatched"] += found is None

            invoices = client.v1.invoices.list(
                params={"status": "paid", "created": created, "limit": PAGE_SIZE}
            )
            for invoice in invoices.auto_paging_iter():
                data = invoice.to_dict()
                if not stripe_payloads.invoice_subscription(data)[0]:
                    continue  # not a monthly gift's invoice
                counts["invoices"] += 1
                with transaction.atomic():
                    records.lock_stripe_objects(data)
                    counts["unmatched"] += services.record_invoice_paid(data) is None

            refunds = client.v1.refunds.list(params={"created": created, "limit": PAGE_SIZE})
            for refund in refunds.auto_paging_iter():
                data = refund.to_dict()
                if data.get("status") != "succeeded":
                    continue
                counts["refunds"] += 1
                with transaction.atomic():
                    records.lock_stripe_objects(data)
                    donation, _done = refund_service.refund_donation(
                        payment_intent=stripe_payloads.object_id(data.get("payment_intent")),
                        amount_refunded=data.get("amount"),
                        refunded_at=stripe_payloads.from_timestamp(data.get("created")),
                    )
                counts["unmatched"] += donation is None
        except stripe.StripeError as error:
            raise CommandError(f"Stripe: {error}") from error
        # Refund events that waited for a payment found just now.
        refund_service.retry_waiting_refunds()

        self.stdout.write(
            "Reconciled since {since}: {sessions} checkout sessions, {invoices} invoices, "
            "{refunds} refunds ({unmatched} matched no donation).".format(
                since=moment.isoformat(timespec="minutes"), **counts
            )
        )
