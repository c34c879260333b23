"""Statements with columns: CSV text or the first sheet of an Excel workbook (XLSX).

Both become rows of text cells, read through the format's column headings: one
signed amount column, or a debit and a credit column (credit is money received).
The heading row is the first row that holds the date heading, so title lines a
bank prints above the table are passed over.
"""

import csv
import datetime
import hashlib
import io
import zipfile
from decimal import Decimal

from django.utils.translation import gettext as _

from .lines import ParsedLine, StatementError
from .values import parse_amount, parse_currency, parse_date

MAX_ROWS = 50_000
MAX_UNPACKED_BYTES = 60 * 1024 * 1024  # a workbook is a ZIP: refuse a bomb before opening it
HEADER_SEARCH_ROWS = 30


# Rows ------------------------------------------------------------------------------------


def detect_delimiter(text, configured):
    if configured in (";", ",", "\t"):
        return configured
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    return max(counts, key=lambda delimiter: (counts[delimiter], delimiter == ";"))


def csv_rows(text, delimiter):
    """[(line number, [cells])] of a CSV text."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text, delimiter))
    rows = []
    try:
        for cells in reader:
            rows.append((reader.line_num, cells))
            if len(rows) > MAX_ROWS:
                raise StatementError([too_many_rows()])
    except csv.Error as error:
        raise StatementError(
            [
                _(
                    "Line %(line)s cannot be read as CSV: a quotation mark is not closed, or the "
                    "file is not a CSV export. Export the statement from the bank again."
                )
                % {"line": reader.line_num}
            ]
        ) from error
    return rows


def xlsx_rows(raw):
    """[(row number, [cells as text])] of the first sheet of an Excel workbook."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise StatementError(
            [
                _(
                    "The Excel workbook is too large once unpacked (more than %(size)s MB); "
                    "import the statement in parts."
                )
                % {"size": MAX_UNPACKED_BYTES // (1024 * 1024)}
            ]
        )
    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise StatementError(
            [
                _(
                    "The Excel workbook cannot be opened: it may be damaged. Open it in a "
                    "spreadsheet program, save it again as XLSX or as CSV, and upload that file."
                )
            ]
        ) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, [cell_text(value) for value in values]))
            if len(rows) > MAX_ROWS:
                raise StatementError([too_many_rows()])
    finally:
        workbook.close()
    return rows


def cell_text(value):
    """A spreadsheet cell as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(Decimal(repr(value)))
    return str(value)


def too_many_rows():
    return _("The file has more than %(count)s lines; import it in parts.") % {"count": MAX_ROWS}


# Reading through the column headings -----------------------------------------------------


def read_table(rows, statement_format, *, pad=False):
    """Every data row as ParsedLine; StatementError listing every unreadable row.

    ``pad``: rows shorter than the heading row are completed with empty cells (a
    spreadsheet leaves trailing cells out); in a CSV a short row is a problem.
    """
    fmt = statement_format
    rows = [(number, cells) for number, cells in rows if any(cell.strip() for cell in cells)]
    if not rows:
        raise StatementError([_("The file is empty.")])
    wanted = {
        "date": fmt.date_column,
        "purpose": fmt.purpose_column,
        "currency": fmt.currency_column,
        "transaction_id": fmt.transaction_id_column,
        "payer": fmt.payer_column,
    }
    if fmt.has_debit_and_credit:
        wanted.update(debit=fmt.debit_column, credit=fmt.credit_column)
    else:
        wanted["amount"] = fmt.amount_column
    header_at = _header_index(rows, fmt.date_column)
    header_cells = rows[header_at][1]
    header = [cell.strip().casefold() for cell in header_cells]
    columns, missing = {}, []
    for key, heading in wanted.items():
        if not heading.strip():
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
                    "found": ", ".join(f"“{c.strip()}”" for c in header_cells if c.strip()),
                }
            ]
        )

    lines, problems, seen = [], [], {}
    for number, row in rows[header_at + 1 :]:
        if len(row) < len(header):
            if not pad:
                problems.append(
                    _("Line %(line)s: %(found)s columns instead of %(expected)s.")
                    % {"line": number, "found": len(row), "expected": len(header)}
                )
                continue
            row = row + [""] * (len(header) - len(row))

        def cell(key, row=row):
            index = columns.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

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
            amount = _amount(cell, number, fmt.has_debit_and_credit)
        except StatementError as error:
            problems.extend(error.problems)
            continue
        content = "\x1f".join(value.strip() for value in row)
        # Identical lines without a transaction id are told apart by their occurrence.
        seen[content] = seen.get(content, 0) + 1
        lines.append(
            ParsedLine(
                line_number=number,
                booked_on=booked_on,
                amount=amount,
                currency=parse_currency(cell("currency"), fmt.default_currency),
                purpose=cell("purpose"),
                payer=cell("payer")[:255],
                transaction_id=cell("transaction_id"),
                fingerprint=fingerprint(content, seen[content]),
            )
        )
    if problems:
        raise StatementError(problems)
    return lines


def fingerprint(content, occurrence):
    return hashlib.sha256(f"{content}\x1e{occurrence}".encode()).hexdigest()


def _header_index(rows, date_heading):
    """Index of the heading row: the first (of the first few) holding the date heading."""
    heading = date_heading.strip().casefold()
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if heading in (cell.strip().casefold() for cell in cells):
            return index
    return 0


def _amount(cell, number, debit_and_credit):
    """The signed amount of a row: its amount column, or credit minus debit."""

    def read(key, required):
        text = cell(key)
        if not text and not required:
            return None
        try:
            return parse_amount(text)
        except ValueError:
            raise StatementError(
                [
                    _("Line %(line)s: the amount “%(value)s” cannot be read.")
                    % {"line": number, "value": text}
                ]
            ) from None

    if not debit_and_credit:
        return read("amount", required=True)
    credit, debit = read("credit", required=False), read("debit", required=False)
    if credit is None and debit is None:
        raise StatementError(
            [_("Line %(line)s: neither a debit nor a credit amount.") % {"line": number}]
        )
    return (credit or Decimal(0)) - abs(debit or Decimal(0))
