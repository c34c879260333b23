"""The 1C ClientBankExchange format: what accounting software in the region exchanges
with banks.

A text file (Windows-1251 unless its header says ``Кодировка=DOS``) of ``key=value``
lines: a header (``1CClientBankExchange``, ``РасчСчет=`` our account, …), optional
``СекцияРасчСчет`` … ``КонецРасчСчет`` balances, then one ``СекцияДокумент=…`` …
``КонецДокумента`` block per payment with ``Номер``, ``Дата``, ``Сумма``,
``Плательщик``, ``ПлательщикСчет``, ``Получатель``, ``ПолучательСчет``,
``НазначениеПлатежа``, ``ДатаПоступило`` / ``ДатаСписано``, up to ``КонецФайла``.

Money received is a document whose receiver account (``ПолучательСчет``) is ours
(``РасчСчет`` in the header); one whose payer account is ours is money paid out.
Without our account in the header, ``ДатаСписано`` without ``ДатаПоступило`` marks
money paid out. A document has no bank transaction id (``Номер`` is the payer's own
number), so a line is recognised again by a fingerprint of its identifying fields.
"""

import re

from django.utils.translation import gettext as _

from .files import decode
from .lines import ParsedLine, StatementError
from .tables import fingerprint
from .values import parse_amount, parse_date

HEADER = "1CClientBankExchange"
DOCUMENT = "СекцияДокумент"
DOCUMENT_END = "КонецДокумента"
ACCOUNT_SECTION = "СекцияРасчСчет"
ACCOUNT_SECTION_END = "КонецРасчСчет"
FILE_END = "КонецФайла"
DOS_ENCODING_LINE = "Кодировка=DOS".encode("cp866")
# The fields that identify one payment, for its fingerprint.
IDENTIFYING = (
    "Номер",
    "Дата",
    "Сумма",
    "ПлательщикСчет",
    "ПлательщикИНН",
    "ПолучательСчет",
    "ПолучательИНН",
    "НазначениеПлатежа",
)


def account_number(text):
    return re.sub(r"\s", "", text or "")


def read_exchange(raw, statement_format):
    """Every payment document as ParsedLine; StatementError listing unreadable ones."""
    encoding = statement_format.encoding
    if encoding == "auto" and DOS_ENCODING_LINE in raw[:4000]:
        encoding = "cp866"
    text = decode(raw, encoding)
    header, documents, problems = _sections(text.splitlines())
    ours = {account_number(value) for value in header.get("РасчСчет", []) if value.strip()}

    lines, seen = [], {}
    for number, fields in documents:
        try:
            lines.append(_line(number, fields, ours, statement_format, seen))
        except StatementError as error:
            problems.extend(error.problems)
    if problems:
        raise StatementError(problems)
    return lines


def _sections(text_lines):
    """(header {key: [values]}, [(line number, {key: value})], problems)."""
    header, documents, problems = {}, [], []
    current, started_at, in_accounts = None, 0, False
    for number, raw_line in enumerate(text_lines, start=1):
        line = raw_line.strip()
        if not line or number == 1:
            continue
        key, _sep, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if key == DOCUMENT:
            if current is not None:
                problems.append(_unclosed(started_at))
            current, started_at = {}, number
        elif key == DOCUMENT_END:
            if current is None:
                problems.append(
                    _("Line %(line)s: “КонецДокумента” without “СекцияДокумент”.")
                    % {"line": number}
                )
            else:
                documents.append((started_at, current))
            current = None
        elif key == FILE_END:
            break
        elif current is not None:
            # Continuation fields (НазначениеПлатежа1, 2, …) are joined to the purpose.
            current[key] = value
        elif key == ACCOUNT_SECTION:
            in_accounts = True
            header.setdefault("РасчСчет", []).append(value)
        elif key == ACCOUNT_SECTION_END:
            in_accounts = False
        elif not in_accounts or key == "РасчСчет":
            header.setdefault(key, []).append(value)
    if current is not None:
        problems.append(_unclosed(started_at))
    return header, documents, problems


def _unclosed(number):
    return _("Line %(line)s: the document is not closed by “КонецДокумента”.") % {"line": number}


def _line(number, fields, ours, statement_format, seen):
    receiver = account_number(fields.get("ПолучательСчет") or fields.get("ПолучательРасчСчет"))
    payer = account_number(fields.get("ПлательщикСчет") or fields.get("ПлательщикРасчСчет"))
    if ours and receiver in ours:
        incoming = True
    elif ours and payer in ours:
        incoming = False
    else:
        incoming = not (fields.get("ДатаСписано") and not fields.get("ДатаПоступило"))

    date_text = (fields.get("ДатаПоступило") if incoming else fields.get("ДатаСписано")) or (
        fields.get("Дата", "")
    )
    try:
        booked_on = parse_date(date_text)
    except ValueError:
        raise StatementError(
            [
                _(
                    "Line %(line)s: the date “%(value)s” cannot be read "
                    "(use dd.mm.yyyy or yyyy-mm-dd)."
                )
                % {"line": number, "value": date_text}
            ]
        ) from None
    try:
        amount = abs(parse_amount(fields.get("Сумма", "")))
    except ValueError:
        raise StatementError(
            [
                _("Line %(line)s: the amount “%(value)s” cannot be read.")
                % {"line": number, "value": fields.get("Сумма", "")}
            ]
        ) from None

    purpose = " ".join(
        fields[key]
        for key in ["НазначениеПлатежа", *(f"НазначениеПлатежа{i}" for i in range(1, 7))]
        if fields.get(key)
    )
    content = "\x1f".join(fields.get(key, "") for key in IDENTIFYING)
    seen[content] = seen.get(content, 0) + 1
    return ParsedLine(
        line_number=number,
        booked_on=booked_on,
        amount=amount if incoming else -amount,
        currency=statement_format.default_currency,
        purpose=purpose,
        payer=(fields.get("Плательщик") or fields.get("Плательщик1") or "")[:255],
        transaction_id="",
        fingerprint=fingerprint("1c\x1f" + content, seen[content]),
    )
