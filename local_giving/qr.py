"""QR codes drawn on the server as inline SVG (no inline styles, so the CSP allows them).

- EUR: the European Payments Council's SEPA credit-transfer QR code ("EPC QR", also
  called GiroCode), version 002, built by ``segno.helpers.make_epc_qr``.
- KGS: the National Bank's ELQR payment link (see ``elqr``). We never invent a payee;
  we only derive from what the bank issued: its code as issued, or, once the finance
  team has switched it on, the same code with the pledge's amount and reference.

The bank's QR image, uploaded in the admin, is read with zxing-cpp.
"""

from decimal import Decimal

from django.utils.safestring import mark_safe

import segno
import zxingcpp
from PIL import Image
from segno import helpers

EPC_CHARSET_UTF8 = 1


def epc_arguments(account, amount, reference):
    """The arguments of ``make_epc_qr`` for a gift to ``account`` (a BankAccount in EUR)."""
    return {
        "name": account.recipient_en or account.recipient,
        "iban": account.account.replace(" ", "").upper(),
        "amount": Decimal(amount),
        # Unstructured remittance text: our code is not an ISO 11649 creditor reference.
        "text": reference,
        "bic": account.bic.replace(" ", "").upper() or None,
        "encoding": EPC_CHARSET_UTF8,
    }


def epc_payload(*, name, iban, amount, text, bic=None, encoding=EPC_CHARSET_UTF8):
    """The EPC QR payload written out from the published format (EPC069-12), for checking.

    Lines: service tag BCD, version 002, character set (1 = UTF-8), identification
    SCT, BIC, beneficiary name, IBAN, amount "EUR" + up to two decimals, purpose
    code (empty), structured reference (empty), unstructured remittance text.
    """
    amount_text = f"{Decimal(amount):.2f}".rstrip("0").rstrip(".")
    lines = ["BCD", "002", str(encoding), "SCT", bic or "", name, iban, f"EUR{amount_text}"]
    lines += ["", "", text]
    return "\n".join(lines)


def epc_qr(account, amount, reference):
    return helpers.make_epc_qr(**epc_arguments(account, amount, reference))


def svg(qr, title):
    """The QR code as an inline <svg> with a title; presentation attributes only."""
    markup = qr.svg_inline(
        scale=4,
        border=4,
        title=title,
        svgclass="qr-code",
        lineclass="qr-code__modules",
        light="#fff",
    )
    return mark_safe(markup.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308 (segno's own markup)


def epc_svg(account, amount, reference, title):
    return svg(epc_qr(account, amount, reference), title)


def link_qr(link):
    """The payment link as a QR code (error correction M, no boosting)."""
    return segno.make_qr(link, error="m", boost_error=False)


def link_svg(link, title):
    return svg(link_qr(link), title)


def read_qr_image(file):
    """The text of the first QR code in an uploaded image, or None if none is found."""
    try:
        image = Image.open(file)
        image.load()
    except (OSError, Image.DecompressionBombError):
        return None
    for barcode in zxingcpp.read_barcodes(image.convert("RGB")):
        if barcode.format == zxingcpp.BarcodeFormat.QRCode and barcode.valid:
            return barcode.text
    return None
