"""Dates, amounts and currencies as banks write them."""

import datetime
import re
from decimal import Decimal, InvalidOperation

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
