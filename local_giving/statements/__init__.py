"""Bank statements: read the bank's file, then import its lines and match them to pledges.

Reading (no database): ``reading.read_statement`` looks at what the file is
(``files``), reads a CSV or an XLSX sheet through the format's column headings
(``tables``) or a 1C ClientBankExchange file (``onec``), and turns every value
into a ``ParsedLine`` (``values``); any unreadable line or file raises
``StatementError`` with sentences for the finance team, and nothing is written.

Persisting: ``importing.import_statement`` stores each line once and confirms the
lines whose purpose carries a valid reference; ``handling`` is what staff do with
the lines left to handle (candidate pledges, assign, ignore).
"""

from .handling import CANDIDATE_DAYS, assign_line, candidate_pledges, ignore_line
from .importing import import_statement, transaction_key
from .lines import ParsedLine, StatementError
from .reading import read_statement
from .values import parse_amount, parse_currency, parse_date

__all__ = [
    "CANDIDATE_DAYS",
    "ParsedLine",
    "StatementError",
    "assign_line",
    "candidate_pledges",
    "ignore_line",
    "import_statement",
    "parse_amount",
    "parse_currency",
    "parse_date",
    "read_statement",
    "transaction_key",
]
