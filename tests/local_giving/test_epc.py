"""The EPC QR code (EPC069-12, version 002) checked field by field."""

import re
from decimal import Decimal

from segno import helpers

from local_giving import qr

from .conftest import EPC_BIC, EPC_IBAN


def test_payload_fields(accounts):
    arguments = qr.epc_arguments(accounts["EUR"], Decimal("25.50"), "SOS-7KQ4-9XPM")
    lines = qr.epc_payload(**arguments).split("\n")
    assert lines == [
        "BCD",  # service tag
        "002",  # version
        "1",  # character set: UTF-8
        "SCT",  # identification: SEPA credit transfer
        EPC_BIC,  # BIC of the beneficiary bank
        "SOS Children's Villages Kyrgyzstan",  # beneficiary name (max 70)
        EPC_IBAN,  # beneficiary account
        "EUR25.5",  # amount: EUR, then at most two decimals
        "",  # purpose code: empty
        "",  # structured creditor reference: empty
        "SOS-7KQ4-9XPM",  # unstructured remittance text: our reference
    ]
    assert len(lines[5]) <= 70 and len(lines[10]) <= 140


def test_segno_builds_exactly_this_payload(accounts):
    arguments = qr.epc_arguments(accounts["EUR"], Decimal("100"), "SOS-7KQ4-9XPM")
    payload = qr.epc_payload(**arguments)
    assert payload.split("\n")[7] == "EUR100"
    # The bytes segno encodes in the QR code are ours, in UTF-8.
    assert helpers._make_epc_qr_data(**arguments) == payload.encode("utf-8")
    code = qr.epc_qr(accounts["EUR"], Decimal("100"), "SOS-7KQ4-9XPM")
    assert code.error == "M"
    assert code.version <= 13


def test_iban_and_bic_spaces_removed(accounts):
    account = accounts["EUR"]
    account.account = "de89 3704 0044 0532 0130 00"
    account.bic = "COBA DEFF XXX"
    arguments = qr.epc_arguments(account, Decimal("10"), "SOS-7KQ4-9XPM")
    assert arguments["iban"] == EPC_IBAN
    assert arguments["bic"] == EPC_BIC


def test_svg_is_inline_and_csp_safe(accounts):
    markup = qr.epc_svg(accounts["EUR"], Decimal("10"), "SOS-7KQ4-9XPM", title="EPC QR")
    assert markup.startswith('<svg role="img" ')
    assert "<title>EPC QR</title>" in markup
    assert "style" not in markup
    assert "<script" not in markup
    assert "xmlns" not in markup or "xlink" not in markup
    assert re.search(r'width="\d+"', markup)
