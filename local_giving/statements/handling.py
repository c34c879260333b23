"""What the finance team does with the statement lines left to handle.

A line without a usable reference (the bank did not pass the purpose through, or
the donor left it out) is shown with candidate pledges: pending bank-transfer or QR
pledges of the same amount and currency made in the days before the money arrived.
Staff assign a line to a reference (which confirms the gift) or mark it as not a
donation.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from donations.models import Donation

from ..models import StatementLine
from ..services import OFFLINE_CHANNELS, TransferError, confirm_transfer

CANDIDATE_DAYS = 14
MAX_CANDIDATES = 5
# A pledge that expired or was cancelled can still be paid (confirm_transfer accepts it).
OPEN_STATUSES = (Donation.Status.PENDING, Donation.Status.EXPIRED, Donation.Status.CANCELLED)


def candidate_pledges(lines, days=CANDIDATE_DAYS):
    """{line.pk: [pledges]} for unmatched incoming lines: open offline pledges of the
    line's amount and currency, made from ``days`` days before the line's date to the
    end of that day, newest first (at most MAX_CANDIDATES each). One query in all."""
    lines = [line for line in lines if line.amount > 0]
    if not lines:
        return {}
    earliest = min(line.booked_on for line in lines) - datetime.timedelta(days=days)
    latest = max(line.booked_on for line in lines) + datetime.timedelta(days=1)
    pledges = (
        Donation.objects.filter(
            parent__isnull=True,
            reference_code__isnull=False,
            channel__in=OFFLINE_CHANNELS,
            status__in=OPEN_STATUSES,
            pledged_amount__in={line.amount for line in lines},
            currency__in={line.currency for line in lines},
            created_at__gte=_start_of(earliest),
            created_at__lt=_start_of(latest),
        )
        .select_related("fund")
        .order_by("-created_at")
    )
    found = {line.pk: [] for line in lines}
    for pledge in pledges:
        made_on = timezone.localdate(pledge.created_at)
        for line in lines:
            if (
                pledge.pledged_amount == line.amount
                and pledge.currency == line.currency
                and line.booked_on - datetime.timedelta(days=days) <= made_on <= line.booked_on
                and len(found[line.pk]) < MAX_CANDIDATES
            ):
                found[line.pk].append(pledge)
    return found


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@transaction.atomic
def assign_line(line, reference, user, channel=Donation.Channel.BANK_TRANSFER):
    """Staff match an unmatched line to a reference by hand. Raises TransferError."""
    line = StatementLine.objects.select_for_update().get(pk=line.pk)
    if line.status != StatementLine.Status.UNMATCHED:
        raise TransferError(_("This line was already handled."))
    donation = confirm_transfer(
        reference, line.amount, line.booked_on, user, channel, currency=line.currency
    )
    line.status = StatementLine.Status.ASSIGNED
    line.donation = donation
    line.handled_by = user
    line.save(update_fields=["status", "donation", "handled_by"])
    return donation


@transaction.atomic
def ignore_line(line, user, note=""):
    line = StatementLine.objects.select_for_update().get(pk=line.pk)
    if line.status != StatementLine.Status.UNMATCHED:
        raise TransferError(_("This line was already handled."))
    line.status = StatementLine.Status.IGNORED
    line.handled_by = user
    line.note = (note or line.note)[:255]
    line.save(update_fields=["status", "handled_by", "note"])
    return line
