"""Background work for donations (django-tasks).

Development and tests run tasks at once (ImmediateBackend); production stores them in
the database (django_tasks_db.DatabaseBackend) and runs them with `manage.py db_worker`.

send_receipt is idempotent: a conditional UPDATE ... WHERE status = 'paid' AND
receipt_emailed_at IS NULL claims the donation, and the claim's transaction stays open
while the email is sent, so two workers (or a duplicate enqueue) never send twice and a
refund either commits first (nothing is sent) or waits for the send (then the donor gets
the refund note): no receipt ever leaves for a gift already refunded.
If sending fails the claim is rolled back and the task re-enqueues itself with
``run_after`` and exponential back-off (django-tasks 0.12 has no built-in retry), up to
RECEIPT_MAX_ATTEMPTS attempts, then re-raises so the failure is recorded on the task.
A backend that cannot defer (ImmediateBackend) gets no automatic retry: the failure is
logged and `manage.py send_pending_receipts` sends what is still owed.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from django_tasks import task

from . import refunds
from .emails import build_receipt_email, build_refund_email
from .models import Donation

logger = logging.getLogger(__name__)

RECEIPT_MAX_ATTEMPTS = 6
RECEIPT_RETRY_BASE_DELAY = timedelta(minutes=1)  # 1, 4, 16, 64, 256 minutes


def retry_delay(attempt):
    """How long to wait before attempt number ``attempt + 1``."""
    return RECEIPT_RETRY_BASE_DELAY * (4 ** (attempt - 1))


def receipt_owed():
    """Donations whose receipt email is due and not yet sent."""
    return Donation.objects.filter(
        status=Donation.Status.PAID,
        receipt_number__isnull=False,
        receipt_voided_at__isnull=True,
        receipt_emailed_at__isnull=True,
    ).exclude(Q(donor_email="") | Q(donor_email__isnull=True))


def _schedule_retry(donation_id, attempt):
    backend = send_receipt.get_backend()
    if attempt >= RECEIPT_MAX_ATTEMPTS:
        logger.error(
            "Receipt email for donation %s failed %s times; giving up", donation_id, attempt
        )
        return None
    if not backend.supports_defer:
        logger.error(
            "Receipt email for donation %s failed; the %s backend cannot retry later "
            "(run manage.py send_pending_receipts)",
            donation_id,
            type(backend).__name__,
        )
        return None
    run_after = timezone.now() + retry_delay(attempt)
    logger.warning(
        "Receipt email for donation %s failed (attempt %s); retrying after %s",
        donation_id,
        attempt,
        run_after.isoformat(),
    )
    return send_receipt.using(run_after=run_after).enqueue(donation_id, attempt=attempt + 1)


@task()
def send_receipt(donation_id, attempt=1):
    """Email the receipt of a paid donation once, in its language, with the PDF attached.

    Returns "sent", or "skipped" when there is nothing to send (already sent or being
    sent by another worker, voided or refunded, not paid, no email address).
    """
    if not receipt_owed().filter(pk=donation_id).exists():
        return "skipped"
    donation = Donation.objects.select_related("fund", "parent").get(pk=donation_id)
    message = build_receipt_email(donation)  # the PDF is drawn before any lock is taken
    try:
        with transaction.atomic():
            # The claim locks the row until the email has gone: a refund committed since
            # the check above makes it claim nothing; one arriving now waits for the send.
            claimed = (
                receipt_owed().filter(pk=donation_id).update(receipt_emailed_at=timezone.now())
            )
            if not claimed:
                return "skipped"
            message.send()
    except Exception:
        # The claim was rolled back with the transaction: the retry, or another run, can send.
        _schedule_retry(donation_id, attempt)
        raise
    return "sent"


@task()
def send_refund_note(donation_id):
    """Tell the donor their refunded gift's receipt is void (enqueued once, on voiding)."""
    donation = Donation.objects.select_related("fund").get(pk=donation_id)
    if not donation.donor_email or not donation.receipt_voided_at:
        return "skipped"
    build_refund_email(donation).send()
    return "sent"


@task()
def retry_waiting_refunds():
    """Sweep: apply refunds that arrived before their payment and still wait.

    Each is also retried after the commit of every payment and of its own delivery; this
    run catches whatever those missed (a crash between commit and retry, a payment that
    came through reconcile_donations). Run it every few minutes with
    `manage.py retry_waiting_refunds` (cron or the worker's loop; see docs/production.md).
    """
    return refunds.retry_waiting_refunds()
