"""ELQR, the National Bank of the Kyrgyz Republic's QR payment format (spec v1.3.1).

A payload is a string of TLV fields: a two-digit ID, a two-digit length (in
characters) and the value. Fields 32 and 33 hold fields of their own. The last
field, 63, is a checksum: the last four hexadecimal characters of the SHA-256 of
the UTF-8 bytes of everything before the ``63`` field (its ID and length are not
hashed). Banks publish payloads as links, ``https://pay.payqr.kg/#<payload>``, with
non-ASCII text percent-encoded and sometimes spaces written as ``+``.

We never invent a payee: a payload is read from what the bank issued, and the
only fields we ever change are the amount (54) and the comment (34), after which
the checksum is computed again (see ``Payload.derive``).
"""

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, unquote_plus

from django.utils.translation import gettext as _

DEFAULT_LINK_PREFIX = "https://pay.payqr.kg/#"
KGS = "417"
TYIYN_PER_SOM = 100

VERSION, TYPE, SERVICE, MERCHANT, COMMENT = "00", "01", "32", "33", "34"
MCC, CURRENCY, AMOUNT, PAYEE_NAME, CHECKSUM = "52", "53", "54", "59", "63"
# Inside 32 (service / payee).
PROVIDER, SERVICE_CODE, RECIPIENT, TRANSACTION = "00", "01", "10", "11"
AMOUNT_EDITABLE, RECIPIENT_EDITABLE = "12", "13"
# Inside 33 (merchant).
MERCHANT_ID, MERCHANT_SERVICE = "00", "01"

STATIC, DYNAMIC = "11", "12"
YES, NO = "11", "12"
REQUIRED = (VERSION, TYPE, SERVICE, MCC, CURRENCY, PAYEE_NAME, CHECKSUM)
SINGLE = {*REQUIRED, MERCHANT, COMMENT, AMOUNT}
MAX_LENGTH = 99
HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
TWO_DIGITS = re.compile(r"\d\d")
# A link: with a scheme, or a host name ("pay.payqr.kg/#…"); a payload starts with "00".
LINK = re.compile(r"[a-z][a-z0-9+.-]*://|[a-z][a-z0-9-]*(\.[a-z0-9-]+)+/?#", re.IGNORECASE)


class ElqrError(ValueError):
    """The text is not a valid ELQR payload; the message (in the active language) says why."""


@dataclass(frozen=True)
class Field:
    id: str
    value: str

    def encode(self):
        return encode_field(self.id, self.value)


def encode_field(field_id, value):
    if not TWO_DIGITS.fullmatch(field_id):
        raise ElqrError(_("The field ID “%(id)s” is not two digits.") % {"id": field_id})
    if len(value) > MAX_LENGTH:
        raise ElqrError(
            _("Field %(id)s is %(length)s characters long; at most 99 fit.")
            % {"id": field_id, "length": len(value)}
        )
    return f"{field_id}{len(value):02d}{value}"


def split_fields(text):
    """The TLV fields of ``text`` in order."""
    fields = []
    position = 0
    while position < len(text):
        header = text[position : position + 4]
        field_id, length = header[:2], header[2:]
        if len(header) < 4 or not TWO_DIGITS.fullmatch(field_id) or not length.isdigit():
            raise ElqrError(
                _("Unreadable field header “%(header)s” at character %(position)s.")
                % {"header": header, "position": position + 1}
            )
        start = position + 4
        end = start + int(length)
        if end > len(text):
            raise ElqrError(
                _(
                    "Field %(id)s declares %(length)s characters, but only %(left)s remain: "
                    "the code is cut off or was changed."
                )
                % {"id": field_id, "length": int(length), "left": len(text) - start}
            )
        fields.append(Field(field_id, text[start:end]))
        position = end
    return fields


def checksum(body):
    """The four-character checksum (lower case) of everything before the ``63`` field."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[-4:]


def build_fields(fields):
    """TLV text of ``fields`` ((id, value) pairs), e.g. the value of a nested field 32."""
    return "".join(encode_field(field_id, value) for field_id, value in fields)


def build(fields):
    """A payload from ``fields`` ((id, value) pairs or Fields, without 63) plus its checksum."""
    body = "".join(
        encode_field(*pair) if isinstance(pair, tuple) else pair.encode() for pair in fields
    )
    return body + encode_field(CHECKSUM, checksum(body))


def payload_text(text):
    """The payload inside a link (``https://…#<payload>``) or a bare payload, decoded.

    Returns the candidate readings, most likely first: in a link, ``+`` usually stands
    for a space; the checksum decides between the readings.
    """
    text = text.strip()
    if LINK.match(text):
        fragment = text.split("#", 1)[1] if "#" in text else ""
        readings = [unquote_plus(fragment), unquote(fragment)]
    else:
        readings = [text, unquote_plus(text), unquote(text)]
    return list(dict.fromkeys(readings))


def read(text):
    """The verified Payload in a link or bare payload, or ElqrError naming the problem."""
    if not (text or "").strip():
        raise ElqrError(_("The code is empty."))
    first_error = None
    for reading in payload_text(text):
        try:
            return Payload.parse(reading)
        except ElqrError as error:
            first_error = first_error or error
    raise first_error


@dataclass(frozen=True)
class Payload:
    """A verified ELQR payload: its fields in the order the bank wrote them."""

    fields: tuple

    @classmethod
    def parse(cls, text):
        fields = split_fields(text)
        ids = [field.id for field in fields]
        if not fields or ids[0] != VERSION:
            raise ElqrError(_("This is not an ELQR payment code: it does not start with field 00."))
        for field_id in REQUIRED:
            if field_id not in ids:
                raise ElqrError(_("Required field %(id)s is missing.") % {"id": field_id})
        for field_id in SINGLE:
            if ids.count(field_id) > 1:
                raise ElqrError(_("Field %(id)s appears twice.") % {"id": field_id})
        if ids[-1] != CHECKSUM:
            raise ElqrError(_("The checksum (field 63) must be the last field."))
        payload = cls(tuple(fields))
        for parent in (SERVICE, MERCHANT):
            if parent in ids:
                payload.subfields(parent)  # raises on a broken nested field
        if payload.provider is None:
            raise ElqrError(_("Field 32 has no payment provider (sub-field 00)."))
        if payload.type not in (STATIC, DYNAMIC):
            raise ElqrError(_("Field 01 must be 11 (static) or 12 (dynamic)."))
        amount = payload.get(AMOUNT)
        if amount is not None and not amount.isdigit():
            raise ElqrError(_("The amount (field 54) must be digits only, in tyiyn."))
        stated = payload.get(CHECKSUM)
        expected = checksum("".join(field.encode() for field in fields[:-1]))
        if not HEX4.fullmatch(stated) or stated.lower() != expected:
            raise ElqrError(
                _(
                    "The checksum does not match (the code says %(stated)s, its content gives "
                    "%(expected)s): a character was changed or lost."
                )
                % {"stated": stated, "expected": expected}
            )
        return payload

    def text(self):
        """The payload exactly as read (or derived)."""
        return "".join(field.encode() for field in self.fields)

    def link(self, prefix=DEFAULT_LINK_PREFIX):
        """``prefix`` + the payload, percent-encoded as UTF-8 (spaces as %20)."""
        return prefix + quote(self.text(), safe="")

    def get(self, field_id):
        return next((field.value for field in self.fields if field.id == field_id), None)

    def subfields(self, parent):
        value = self.get(parent)
        if value is None:
            return {}
        try:
            return {field.id: field.value for field in split_fields(value)}
        except ElqrError as error:
            reason = {"id": parent, "reason": error}
            raise ElqrError(_("In field %(id)s: %(reason)s") % reason) from error

    def derive(self, *, amount_tyiyn, comment):
        """The same payload with amount 54 and comment 34 set and the checksum recomputed.

        Every other field stays as the bank issued it, in its place; a field that was
        absent is inserted before the first field with a higher ID.
        """
        fields = [field for field in self.fields if field.id != CHECKSUM]
        for field_id, value in ((AMOUNT, str(int(amount_tyiyn))), (COMMENT, comment)):
            new = Field(field_id, value)
            ids = [field.id for field in fields]
            if field_id in ids:
                fields[ids.index(field_id)] = new
            else:
                at = next((i for i, other in enumerate(ids) if other > field_id), len(fields))
                fields.insert(at, new)
        return Payload.parse(build(fields))

    # What the admin shows ---------------------------------------------------------------

    @property
    def type(self):
        return self.get(TYPE)

    @property
    def is_dynamic(self):
        return self.type == DYNAMIC

    @property
    def currency(self):
        return self.get(CURRENCY)

    @property
    def payee_name(self):
        return self.get(PAYEE_NAME)

    @property
    def comment(self):
        return self.get(COMMENT)

    @property
    def amount_tyiyn(self):
        amount = self.get(AMOUNT)
        return None if amount is None else int(amount)

    @property
    def provider(self):
        return self.subfields(SERVICE).get(PROVIDER)

    @property
    def recipient(self):
        return self.subfields(SERVICE).get(RECIPIENT)

    @property
    def amount_editable(self):
        """True, False, or None when the bank did not say (then the app decides)."""
        flag = self.subfields(SERVICE).get(AMOUNT_EDITABLE)
        return {YES: True, NO: False}.get(flag)

    @property
    def merchant_id(self):
        return self.subfields(MERCHANT).get(MERCHANT_ID)
