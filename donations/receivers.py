"""Signal receivers of the donations app, connected in DonationsConfig.ready().

- donation_status_changed -> PAID: enqueue the receipt email once the transaction commits.
- donation_status_changed -> REFUNDED: void the receipt (and tell the donor, if they had it).
- post_migrate: make sure the "Donations" group exists with its permissions.
"""

import logging

from django.db import transaction
from django.utils import timezone

from .models import Donation

logger = logging.getLogger(__name__)

DONATIONS_GROUP = "Donations"
DONATIONS_GROUP_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("donations", "donation", "view_donation"),
    ("donations", "donation", "view_donor_details"),
    ("donations", "fund", "add_fund"),
    ("donations", "fund", "change_fund"),
    ("donations", "fund", "view_fund"),
    ("donations", "presetamount", "add_presetamount"),
    ("donations", "presetamount", "change_presetamount"),
    ("donations", "presetamount", "view_presetamount"),
]


def enqueue_receipt(donation_id):
    from .tasks import send_receipt

    send_receipt.enqueue(donation_id)


def enqueue_refund_note(donation_id):
    from .tasks import send_refund_note

    send_refund_note.enqueue(donation_id)


def on_donation_status_changed(sender, donation, old_status, new_status, **kwargs):
    if new_status == Donation.Status.PAID and old_status != Donation.Status.PAID:
        donation_id = donation.pk
        # After commit: the worker must see the paid row, and a rollback sends nothing.
        # robust: a failing enqueue is logged, never turned into an error for the payer.
        transaction.on_commit(lambda: enqueue_receipt(donation_id), robust=True)
    elif new_status == Donation.Status.REFUNDED:
        void_receipt(donation)


def void_receipt(donation):
    """Mark a refunded donation's receipt void; the first voiding tells the donor."""
    voided_at = timezone.now()
    # A plain UPDATE: no save(), so no signal and no recursion; conditional, so once only.
    voided = Donation.objects.filter(
        pk=donation.pk, receipt_number__isnull=False, receipt_voided_at__isnull=True
    ).update(receipt_voided_at=voided_at)
    if not voided:
        return False
    donation.receipt_voided_at = voided_at
    was_emailed = Donation.objects.filter(pk=donation.pk, receipt_emailed_at__isnull=False)
    if donation.donor_email and was_emailed.exists():
        donation_id = donation.pk
        transaction.on_commit(lambda: enqueue_refund_note(donation_id), robust=True)
    return True


def ensure_donations_group(sender, using="default", **kwargs):
    """Create or complete the "Donations" group (idempotent; runs after every migrate).

    Done on post_migrate rather than in a data migration: permissions only exist once
    post_migrate has created them, and the donations migrations belong to the checkout
    code, so no second migration leaf can conflict with theirs.
    """
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.using(using).get_or_create(name=DONATIONS_GROUP)
    wanted = Permission.objects.none()
    for app_label, model, codename in DONATIONS_GROUP_PERMISSIONS:
        wanted = wanted | Permission.objects.using(using).filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        )
    found = list(wanted)
    if len(found) < len(DONATIONS_GROUP_PERMISSIONS):
        logger.debug("Donations group: %s of its permissions exist so far", len(found))
    group.permissions.add(*found)
