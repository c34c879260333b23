"""Import a bank statement (CSV) and match its incoming lines to pledges by reference.

Two passes. First every line is read and checked; if any line is malformed
(a date or amount that cannot be read), StatementError lists them by line number
and nothing is written. Then, in one transaction, each line is stored once by its
key (the bank's transaction id, or a fingerprint of its content), so importing
the same statement again changes nothing; new incoming lines with a valid
reference are confirmed through services.confirm_transfer, the others are kept as
unmatched with the reason, and outgoing lines are skipped with a note.
"""

import csv
import datetime
import hashlib
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from donations.models import Donation

from . import references
from .models import StatementFormat, StatementImport, StatementLine
from .services import TransferError, confirm_transfer

MAX_BYTES = 5 * 1024 * 1024
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y", "%d-%m-%Y")
CURRENCY_ALIASES = {
    "KGS": "KGS",
    "SOM": "KGS",
    "СОМ": "KGS",
    "417": "KGS",
    "USD": "USD",
    "$": "USD",
    "840": "USD",
    "EUR": "EUR",
    "€": "EUR",
    "978": "EUR",
}


class StatementError(ValueError):
    """The statement cannot be imported; ``problems`` lists what is wrong (nothing was written)."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class ParsedLine:
    line_number: int
    booked_on: datetime.date
    amount: Decimal
    currency: str
    purpose: str
    payer: str
    transaction_id: str
    fingerprint: str


# Reading values --------------------------------------------------------------------------


def parse_date(text):
    text = (text or "").strip()
    # "25.11.2026 14:03" or "2026-11-25T14:03:00": the date part is enough.
    text = re.split(r"[ T]", text, maxsplit=1)[0]
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_amount(text):
    """Read "1 000,50", "1,000.50", "1000.5", "-250,00", "−250", "(250.00)" and the like."""
    raw = (text or "").strip()
    negative = False
    if raw.startswith("(") and raw.endswith(")"):
        negative, raw = True, raw[1:-1]
    raw = raw.replace("\u2212", "-")
    for space in (" ", "\u00a0", "\u202f", "\u2009", "'"):
        raw = raw.replace(space, "")
    if raw.startswith("-"):
        negative, raw = True, raw[1:]
    elif raw.startswith("+"):
        raw = raw[1:]
    if raw.endswith("-"):  # some banks print "250,00-"
        negative, raw = True, raw[:-1]
    if not re.fullmatch(r"[0-9.,]+", raw) or not re.search(r"[0-9]", raw):
        raise ValueError(text)
    if "," in raw and "." in raw:
        decimal_mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        raw = raw.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in raw:
        if re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+", raw):
            raw = raw.replace(",", "")  # 1,000,000
        elif raw.count(",") == 1:
            raw = raw.replace(",", ".")  # 1000,50
        else:
            raise ValueError(text)
    elif raw.count(".") > 1:
        if not re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", raw):
            raise ValueError(text)
        raw = raw.replace(".", "")  # 1.000.000
    try:
        value = Decimal(raw)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if value != value.quantize(Decimal("0.01")):
        raise ValueError(text)
    return -value if negative else value


def parse_currency(text, default):
    text = (text or "").strip().upper()
    if not text:
        return default
    return CURRENCY_ALIASES.get(text, text)


def decode(raw, encoding):
    if len(raw) > MAX_BYTES:
        raise StatementError([_("The file is larger than 5 MB.")])
    if encoding == StatementFormat.Encoding.AUTO:
        if raw.startswith(b"\xef\xbb\xbf"):
            encoding = "utf-8-sig"
        else:
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                encoding = "cp1251"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise StatementError(
            [
                _(
                    "The file cannot be read as %(encoding)s (byte %(position)s). Choose another "
                    "encoding in the statement format, or export the statement again."
                )
                % {"encoding": encoding, "position": error.start}
            ]
        ) from error


def detect_delimiter(text, configured):
    if configured in (";", ","):
        return configured
    first_line = text.split("\n", 1)[0]
    return ";" if first_line.count(";") >= first_line.count(",") else ","


# Reading the file -------------------------------------------------------------------------


def read_statement(raw, statement_format):
    """Every line of the file as ParsedLine; StatementError if any line is malformed."""
    fmt = statement_format
    text = decode(raw, fmt.encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=detect_delimiter(text, fmt.delimiter)
    )
    try:
        rows = list(reader)
    except csv.Error as error:
        raise StatementError(
            [_("The file is not a valid CSV file: %(error)s") % {"error": error}]
        ) from error
    while rows and not any(cell.strip() for cell in rows[0]):
        rows.pop(0)
    if not rows:
        raise StatementError([_("The file is empty.")])

    header = [cell.strip().casefold() for cell in rows[0]]
    wanted = {
        "date": fmt.date_column,
        "amount": fmt.amount_column,
        "purpose": fmt.purpose_column,
        "currency": fmt.currency_column,
        "transaction_id": fmt.transaction_id_column,
        "payer": fmt.payer_column,
    }
    columns, missing = {}, []
    for key, heading in wanted.items():
        if not heading:
            continue
        try:
            columns[key] = header.index(heading.strip().casefold())
        except ValueError:
            missing.append(heading)
    if missing:
        raise StatementError(
            [
                _("Columns not found: %(missing)s. The file's columns are: %(found)s.")
                % {
                    "missing": ", ".join(f"“{m}”" for m in missing),
                    "found": ", ".join(f"“{c.strip()}”" for c in rows[0]),
                }
            ]
        )

    lines, problems, seen = [], [], {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(key, row=row):
            index = columns.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        if len(row) < len(header):
            problems.append(
                _("Line %(line)s: %(found)s columns instead of %(expected)s.")
                % {"line": number, "found": len(row), "expected": len(header)}
            )
            continue
        try:
            booked_on = parse_date(cell("date"))
        except ValueError:
            problems.append(
                _(
                    "Line %(line)s: the date “%(value)s” cannot be read "
                    "(use dd.mm.yyyy or yyyy-mm-dd)."
                )
                % {"line": number, "value": cell("date")}
            )
            continue
        try:
            amount = parse_amount(cell("amount"))
        except ValueError:
            problems.append(
                _("Line %(line)s: the amount “%(value)s” cannot be read.")
                % {"line": number, "value": cell("amount")}
            )
            continue
        content = "\x1f".join(cell.strip() for cell in row)
        # Identical lines without a transaction id are told apart by their occurrence.
        seen[content] = seen.get(content, 0) + 1
        digest = hashlib.sha256(f"{content}\x1e{seen[content]}".encode()).hexdigest()
        lines.append(
            ParsedLine(
                line_number=number,
                booked_on=booked_on,
                amount=amount,
                currency=parse_currency(cell("currency"), fmt.default_currency),
                purpose=cell("purpose"),
                payer=cell("payer")[:255],
                transaction_id=cell("transaction_id"),
                fingerprint=digest,
            )
        )
    if problems:
        raise StatementError(problems)

    ids = [line.transaction_id for line in lines if line.transaction_id]
    repeated = sorted({tid for tid in ids if ids.count(tid) > 1})
    if repeated:
        raise StatementError(
            [
                _("The bank transaction id %(id)s appears on more than one line (%(lines)s).")
                % {
                    "id": tid,
                    "lines": ", ".join(
                        str(line.line_number) for line in lines if line.transaction_id == tid
                    ),
                }
                for tid in repeated
            ]
        )
    return lines


def transaction_key(line):
    if line.transaction_id:
        return f"id:{line.transaction_id}"[:128]
    return f"sha256:{line.fingerprint}"


# Importing --------------------------------------------------------------------------------


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
