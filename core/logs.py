"""Structured logs on stdout: one JSON object per line, with personal data masked.

Production's LOGGING uses ``JSONFormatter`` and ``RedactingFilter``; see
docs/production.md. No third-party package is needed for either.
"""

import json
import logging
import re
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed through ``extra=``.
_STANDARD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("", logging.INFO, "", 0, "", (), None)).keys()
) | {"message", "asctime", "request", "server_time"}

_EMAIL = re.compile(r"\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")
# 13 to 19 digits, optionally grouped by spaces or dashes: a payment card number when it
# starts like one (major industry identifier 2-6 for the card schemes, 9 for national ones
# such as Elcart) and passes the Luhn check. Kyrgyz bank accounts (16 digits, bank code 1xx)
# start with 1, and nine in ten other account numbers fail Luhn: both stay readable.
_CARD_FIRST_DIGITS = frozenset("234569")
_CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
# Stripe keys and webhook secrets, wherever they appear.
_SECRET = re.compile(r"\b(?:sk|rk|pk|whsec)_(?:live|test)?_?[A-Za-z0-9]{8,}\b")


def passes_luhn(digits):
    """The Luhn checksum every payment card number satisfies (ISO/IEC 7812)."""
    total = 0
    for position, digit in enumerate(int(d) for d in reversed(digits)):
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def looks_like_card_number(digits):
    return digits[0] in _CARD_FIRST_DIGITS and passes_luhn(digits)


def _mask_card(match):
    digits = re.sub(r"[ -]", "", match.group())
    return "[card number removed]" if looks_like_card_number(digits) else match.group()


def redact(text):
    """Mask e-mail addresses (keep first letter and domain), card numbers and API keys.

    A run of 13 to 19 digits is masked only when it looks like a card number
    (``looks_like_card_number``), so the 16-digit bank account numbers that
    finance reads in the logs of statement imports stay.
    """
    text = _EMAIL.sub(r"\1***@\2", text)
    text = _CARD.sub(_mask_card, text)
    return _SECRET.sub("[secret removed]", text)


class RedactingFilter(logging.Filter):
    """Rewrite each record's message so no full e-mail, card number or key reaches a log."""

    def filter(self, record):
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class JSONFormatter(logging.Formatter):
    """Format a record as one line of JSON: time, level, logger, message, extras."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = getattr(request, "method", None)
            entry["path"] = redact(request.path)
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status"] = status_code
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRIBUTES and key not in entry and key != "status_code":
                if not isinstance(value, (int, float, bool)):
                    value = redact(str(value))
                entry[key] = value
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)
