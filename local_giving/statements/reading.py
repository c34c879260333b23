"""Read a statement file into ParsedLines, whatever the bank gave: CSV, XLSX or 1C."""

from collections import Counter

from django.utils.translation import gettext as _

from . import onec, tables
from .files import Kind, check_kind, decode
from .lines import StatementError


def read_statement(raw, statement_format):
    """Every line of the file as ParsedLine; StatementError if the file or any line is
    unreadable (nothing is written either way)."""
    kind = check_kind(raw, statement_format)
    if kind == Kind.ONEC:
        lines = onec.read_exchange(raw, statement_format)
    elif kind == Kind.XLSX:
        lines = tables.read_table(tables.xlsx_rows(raw), statement_format, pad=True)
    else:
        text = decode(raw, statement_format.encoding)
        lines = tables.read_table(
            tables.csv_rows(text, statement_format.delimiter), statement_format
        )
    _refuse_repeated_ids(lines)
    return lines


def _refuse_repeated_ids(lines):
    counts = Counter(line.transaction_id for line in lines if line.transaction_id)
    repeated = sorted(tid for tid, count in counts.items() if count > 1)
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
