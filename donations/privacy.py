"""Donor privacy: forget a donor's personal data, keep the accounting record.

``forget_donor(email)`` is what `manage.py forget_donor EMAIL` runs. For every
Donation with that email (case-insensitive) it empties the donor's name, email,
dedication and Stripe customer id and marks the gift anonymous; amount, currency,
fund, dates, status, channel, payment references and the receipt number stay, so
the books and the receipt sequence are untouched. It also removes the donor's
data from what else the site stored about those gifts: names, emails, phones
and addresses in the stored Stripe event payloads, and, through the
``donor_forgotten`` signal, what other apps keep (local_giving: the payer's name
on the bank statement lines matched to them). Running it again finds nothing and
changes nothing.

Stripe keeps its own copy (customer, payment method): delete the customer in
the Stripe Dashboard too; docs/production.md says so.

``forget_unfinished_gifts()`` does the same for gifts that never completed (pending,
failed, expired or cancelled card gifts and unconfirmed pledges) once they are older
than DONATION_PENDING_RETENTION_DAYS (90 by default); donations.retention runs it
on a schedule. Amounts, funds, dates and references stay, so a transfer that still
arrives can be confirmed against its reference. Paid and refunded gifts are never
touched, nor the Stripe events of any other gift.
"""

import datetime
import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone

from core.logs import redact

from .models import Donation, StripeEvent

logger = logging.getLogger(__name__)

REMOVED = "[removed]"
# Keys of Stripe objects that hold a person's data; their values are dropped.
STRIPE_PERSONAL_KEYS = frozenset(
    {
        "customer_email",
        "customer_name",
        "customer_phone",
        "customer_address",
        "customer_details",
        "customer_shipping",
        "billing_details",
        "shipping_details",
        "shipping",
        "receipt_email",
        "email",
        "name",
        "phone",
        "address",
    }
)

# Sent inside the transaction of forget_donor and forget_unfinished_gifts, with the gifts
# locked: ``donation_ids`` (their pks) and ``redact`` (str -> str, the text with the
# donor's name and email replaced). A receiver removes the donor's data from what its
# app stored about these gifts and returns how many rows it changed (reported as
# statement lines: local_giving.receivers.forget_statement_lines is the one receiver).
donor_forgotten = Signal()


def mask_email(email):
    """a***@example.org: enough to recognise, not enough to identify."""
    return redact(email) if "@" in email else "***"


@dataclass
class ForgetResult:
    donations: int = 0
    receipts_kept: int = 0
    statement_lines: int = 0
    stripe_events: int = 0
    active_subscriptions: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.donations or self.statement_lines or self.stripe_events)

    def counts(self):
        """What changed, as plain numbers (a task's JSON result)."""
        return {
            "donations": self.donations,
            "statement_lines": self.statement_lines,
            "stripe_events": self.stripe_events,
        }


def _scrub(value, needles):
    """The Stripe payload without personal keys, and with the needles replaced in strings."""
    if isinstance(value, dict):
        return {
            key: (None if key in STRIPE_PERSONAL_KEYS else _scrub(item, needles))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_scrub(item, needles) for item in value]
    if isinstance(value, str) and needles:
        return needles.sub(REMOVED, value)
    return value


def _needles(texts):
    texts = sorted({t.strip() for t in texts if t and len(t.strip()) >= 3}, key=len, reverse=True)
    if not texts:
        return None
    return re.compile("|".join(re.escape(t) for t in texts), re.IGNORECASE)


def _not_shared(donations, name):
    """Values of field ``name`` on these donations that no other donation carries."""
    values = {getattr(d, name) for d in donations if getattr(d, name)}
    shared = (
        Donation.objects.filter(**{f"{name}__in": values})
        .exclude(pk__in=[d.pk for d in donations])
        .values_list(name, flat=True)
    )
    return values - set(shared)


def _stripe_events_of(donations, *, whole_donor=True):
    """Stored events that belong to these donations (by id, session, customer, subscription).

    ``whole_donor`` (forget_donor) also takes every event with the donor's email. Without
    it (the retention sweep) only these gifts' own events are taken: a customer or a
    subscription that another gift shares, and the email, lead to that gift's events too.
    """
    public_ids = [str(d.public_id) for d in donations]
    query = Q(payload__data__object__client_reference_id__in=public_ids) | Q(
        payload__data__object__metadata__donation_id__in=public_ids
    )
    for name in ("stripe_checkout_session_id", "stripe_invoice_id", "stripe_payment_intent_id"):
        values = [getattr(d, name) for d in donations if getattr(d, name)]
        if values:
            query |= Q(payload__data__object__id__in=values)
    if whole_donor:
        customers = {d.stripe_customer_id for d in donations if d.stripe_customer_id}
        subscriptions = {d.stripe_subscription_id for d in donations if d.stripe_subscription_id}
    else:
        customers = _not_shared(donations, "stripe_customer_id")
        subscriptions = _not_shared(donations, "stripe_subscription_id")
    if customers:
        query |= Q(payload__data__object__customer__in=customers)
    if subscriptions:
        query |= Q(payload__data__object__subscription__in=subscriptions)
    if whole_donor:
        for email in {d.donor_email for d in donations if d.donor_email}:
            query |= Q(payload__data__object__customer_email__iexact=email)
    return StripeEvent.objects.filter(query)


def _forget(donations, needles, *, whole_donor=True):
    """Scrub these (locked) donations, their Stripe events and statement lines.

    Call inside a transaction; returns a ForgetResult.
    """
    result = ForgetResult()
    ids = [d.pk for d in donations]
    for event in _stripe_events_of(donations, whole_donor=whole_donor).select_for_update():
        scrubbed = _scrub(event.payload, needles)
        if scrubbed != event.payload:
            event.payload = scrubbed
            event.save(update_fields=["payload"])
            result.stripe_events += 1
    result.statement_lines = _forget_elsewhere(ids, needles)
    result.donations = Donation.objects.filter(pk__in=ids).update(
        donor_name="",
        donor_email="",
        dedication="",
        stripe_customer_id="",
        is_anonymous=True,
        updated_at=timezone.now(),
    )
    result.receipts_kept = sum(1 for d in donations if d.receipt_number)
    return result


def _forget_elsewhere(donation_ids, needles):
    """What other apps stored about these gifts (donor_forgotten); how many rows changed."""

    def redact_text(text):
        return needles.sub(REMOVED, text) if needles and text else text

    responses = donor_forgotten.send(sender=Donation, donation_ids=donation_ids, redact=redact_text)
    return sum(changed or 0 for _receiver, changed in responses)


def forget_donor(email):
    """Remove the personal data of the donor with ``email``; returns a ForgetResult.

    Idempotent: a second run finds no donation with that email and changes nothing.
    """
    email = (email or "").strip()
    result = ForgetResult()
    if not email:
        return result
    with transaction.atomic():
        donations = list(
            Donation.objects.select_for_update(of=("self",))
            .filter(Q(donor_email__iexact=email) | Q(parent__donor_email__iexact=email))
            .order_by("pk")
        )
        if not donations:
            return result
        needles = _needles([email, *(d.donor_name for d in donations)])
        result = _forget(donations, needles)
        result.active_subscriptions = [
            d.stripe_subscription_id
            for d in donations
            if d.stripe_subscription_id
            and d.subscription_ended_at is None
            and d.parent_id is None
            and d.status == Donation.Status.PAID
        ]
    logger.info(
        "Forgot donor %s: %s donation(s), %s statement line(s), %s Stripe event(s)",
        mask_email(email),
        result.donations,
        result.statement_lines,
        result.stripe_events,
    )
    return result


# Gifts that never completed ------------------------------------------------------------

UNFINISHED_STATUSES = (
    Donation.Status.PENDING,
    Donation.Status.FAILED,
    Donation.Status.EXPIRED,
    Donation.Status.CANCELLED,
)
RETENTION_BATCH_SIZE = 200


def unfinished_gifts_to_forget(now=None, days=None):
    """Gifts that never completed, older than the retention period, still naming someone.

    Only gifts of their own (not instalments of a monthly gift) without a receipt number;
    ``days`` defaults to settings.DONATION_PENDING_RETENTION_DAYS, counted from creation.
    """
    if days is None:
        days = settings.DONATION_PENDING_RETENTION_DAYS
    if days < 1:
        raise ValueError(f"The retention period must be at least one day, not {days}")
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    names_someone = (
        ~Q(donor_name="") | ~Q(donor_email="") | ~Q(dedication="") | ~Q(stripe_customer_id="")
    )
    return Donation.objects.filter(
        names_someone,
        status__in=UNFINISHED_STATUSES,
        created_at__lt=cutoff,
        parent__isnull=True,
        receipt_number__isnull=True,
    )


def forget_unfinished_gifts(now=None, days=None):
    """Forget the personal data of gifts that never completed; returns a ForgetResult.

    In batches, each in its own transaction with the rows locked and re-checked, so a gift
    paid meanwhile is left alone. Idempotent: a second run finds nothing to change.
    """
    total = ForgetResult()
    seen = set()
    while True:
        with transaction.atomic():
            batch = list(
                unfinished_gifts_to_forget(now, days)
                .exclude(pk__in=seen)
                .select_for_update(of=("self",))
                .order_by("pk")[:RETENTION_BATCH_SIZE]
            )
            if not batch:
                break
            seen.update(d.pk for d in batch)
            needles = _needles(
                [text for d in batch for text in (d.donor_email, d.donor_name, d.dedication)]
            )
            result = _forget(batch, needles, whole_donor=False)
        total.donations += result.donations
        total.statement_lines += result.statement_lines
        total.stripe_events += result.stripe_events
    if total.changed:
        logger.info(
            "Forgot the donors of %s unfinished gift(s): %s statement line(s), %s Stripe event(s)",
            total.donations,
            total.statement_lines,
            total.stripe_events,
        )
    return total
