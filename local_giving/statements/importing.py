"""Store a statement's lines once each, and confirm those that carry a valid reference.

In one transaction, each line is stored once by its key (the bank's transaction id,
or a fingerprint of its content), so importing the same statement again changes
nothing; new incoming lines with a valid reference are confirmed through
services.confirm_transfer, the others are kept as unmatched with the reason, and
outgoing lines are skipped with a note.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from donations.models import Donation

from .. import references
from ..models import StatementImport, StatementLine
from ..services import TransferError, confirm_transfer
from .reading import read_statement


def transaction_key(line):
    if line.transaction_id:
        return f"id:{line.transaction_id}"[:128]
    return f"sha256:{line.fingerprint}"


def _match(line, user):
    """(status, note, donation) for a new incoming line."""
    if line.currency not in dict(Donation._meta.get_field("currency").choices):
        return (
            StatementLine.Status.UNMATCHED,
            _("Currency %(currency)s is not accepted.") % {"currency": line.currency},
            None,
        )
    codes = references.find_codes(line.purpose)
    if not codes:
        return StatementLine.Status.UNMATCHED, _("No payment reference found in the purpose."), None
    if len(codes) > 1:
        return (
            StatementLine.Status.UNMATCHED,
            _("More than one reference: %(codes)s.") % {"codes": ", ".join(codes)},
            None,
        )
    try:
        donation = confirm_transfer(
            codes[0],
            line.amount,
            line.booked_on,
            user,
            Donation.Channel.BANK_TRANSFER,
            currency=line.currency,
        )
    except TransferError as error:
        return StatementLine.Status.UNMATCHED, str(error)[:255], None
    note = ""
    if donation.pledged_amount is not None and donation.amount != donation.pledged_amount:
        note = _("Received %(received)s, pledged %(pledged)s.") % {
            "received": donation.amount,
            "pledged": donation.pledged_amount,
        }
    return StatementLine.Status.MATCHED, note, donation


@transaction.atomic
def import_statement(raw, statement_format, *, file_name, user=None):
    """Import a statement file (bytes); the StatementImport, or StatementError if unreadable."""
    lines = read_statement(raw, statement_format)
    record = StatementImport.objects.create(
        statement_format=statement_format,
        file_name=file_name[:255],
        imported_by=user,
        lines_read=len(lines),
    )
    keys = [transaction_key(line) for line in lines]
    known = set(
        StatementLine.objects.filter(transaction_key__in=keys).values_list(
            "transaction_key", flat=True
        )
    )
    counts = {status: 0 for status in StatementLine.Status.values}
    for line, key in zip(lines, keys, strict=True):
        if key in known:
            record.lines_already_imported += 1
            continue
        if line.amount <= 0:
            status, note, donation = (
                StatementLine.Status.SKIPPED,
                _("Outgoing payment, skipped."),
                None,
            )
        else:
            status, note, donation = _match(line, user)
        StatementLine.objects.create(
            statement_import=record,
            line_number=line.line_number,
            transaction_key=key,
            booked_on=line.booked_on,
            amount=line.amount,
            currency=line.currency[:8],
            purpose=line.purpose,
            payer=line.payer,
            status=status,
            note=note[:255],
            donation=donation,
            handled_by=user if donation else None,
        )
        counts[status] += 1
    record.lines_new = sum(counts.values())
    record.lines_matched = counts[StatementLine.Status.MATCHED]
    record.lines_unmatched = counts[StatementLine.Status.UNMATCHED]
    record.lines_skipped = counts[StatementLine.Status.SKIPPED]
    record.save()
    return record
