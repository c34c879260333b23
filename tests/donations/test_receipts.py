"""The PDF receipt: read back with pypdf, in the donor's language, with the embedded font."""

import io
from decimal import Decimal

from django.utils import timezone, translation

import pytest
from pypdf import PdfReader

from donations.models import Donation
from donations.receipts import format_amount, receipt_filename, render_receipt_pdf

from .receipt_factories import make_fund, make_paid_donation, set_organisation

pytestmark = pytest.mark.django_db


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    # fpdf2 writes non-breaking spaces between digit groups; read them as spaces.
    return "\n".join(page.extract_text() for page in reader.pages).replace("\u00a0", " ")


def pdf_fonts(data):
    reader = PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    return fonts


def test_kyrgyz_receipt_shows_letters_amount_number_and_organisation():
    set_organisation(
        name_ky="«Кыргызстандын SOS Балдар Айылдары» Коомдук фонду",
        address_ky="Исанов көчөсү 94/3, Бишкек",
        registration_number="ИНН 00000000000000",
    )
    fund = make_fund(name_ky="Үй-бүлөнү чыңдоо")
    donation = make_paid_donation(fund, donor_name="Өмүр Ңайзабеков", amount=Decimal("12500"))

    text = pdf_text(render_receipt_pdf(donation))

    for letters in ("ң", "ө", "ү", "Ө", "Ү"):
        assert letters in text
    assert "«Кыргызстандын SOS Балдар Айылдары» Коомдук фонду" in text
    assert "Исанов көчөсү 94/3, Бишкек" in text
    assert "ИНН 00000000000000" in text
    assert "Үй-бүлөнү чыңдоо" in text
    assert "Өмүр Ңайзабеков" in text
    assert "12 500 KGS" in text
    assert donation.receipt_number in text
    assert donation.receipt_number.startswith("2026-")
    # The Kyrgyz date, numeric as sos_site/formats/ky sets it.
    assert "14.03.2026" in text
    assert "VOID" not in text


def test_the_font_is_embedded():
    donation = make_paid_donation(make_fund())
    fonts = pdf_fonts(render_receipt_pdf(donation))
    assert fonts, "no fonts found"
    assert all("DejaVu" in name for name in fonts)
    assert all(fonts.values()), "every font must be embedded (FontFile2)"


def test_russian_receipt_uses_russian_fund_name_date_and_number_format():
    set_organisation(name_ru="Общественный фонд «SOS Детские Деревни Кыргызстана»")
    fund = make_fund(name_ru="Где нужнее всего")
    donation = make_paid_donation(
        fund, language="ru", currency="USD", amount=Decimal("1250.50"), donor_name="Иван Петров"
    )

    text = pdf_text(render_receipt_pdf(donation))

    assert "Общественный фонд «SOS Детские Деревни Кыргызстана»" in text
    assert "Где нужнее всего" in text
    assert "Иван Петров" in text
    assert "1 250,50 USD" in text
    assert "марта 2026" in text


def test_english_receipt():
    fund = make_fund()
    donation = make_paid_donation(
        fund, language="en", currency="EUR", amount=Decimal("30"), donor_name="Jane Doe"
    )
    text = pdf_text(render_receipt_pdf(donation))
    assert "Where most needed" in text
    assert "30.00 EUR" in text
    assert "Donation receipt" in text
    assert "Mar" in text


def test_anonymous_donor_is_not_named():
    donation = make_paid_donation(
        make_fund(), language="en", donor_name="Secret Person", is_anonymous=True
    )
    text = pdf_text(render_receipt_pdf(donation))
    assert "Secret Person" not in text
    assert "Anonymous donor" in text


def test_empty_registration_number_prints_a_placeholder():
    set_organisation(registration_number="")
    donation = make_paid_donation(make_fund(), language="en")
    text = pdf_text(render_receipt_pdf(donation))
    assert "Registration number: —" in text


def test_monthly_frequency_and_channel_are_printed():
    donation = make_paid_donation(
        make_fund(),
        language="en",
        frequency=Donation.Frequency.MONTHLY,
        channel=Donation.Channel.BANK_TRANSFER,
    )
    text = pdf_text(render_receipt_pdf(donation))
    assert "Monthly" in text
    assert "Bank transfer" in text


def test_voided_receipt_is_marked_void():
    donation = make_paid_donation(make_fund(), language="en")
    donation.change_status(Donation.Status.REFUNDED, refunded_at=timezone.now())
    donation.refresh_from_db()
    assert donation.receipt_voided_at is not None
    text = pdf_text(render_receipt_pdf(donation))
    assert "VOID" in text
    assert donation.receipt_number in text


def test_filename_and_amount_format():
    donation = make_paid_donation(make_fund())
    assert receipt_filename(donation) == f"receipt-{donation.receipt_number}.pdf"
    with translation.override("en"):
        assert format_amount(Decimal("1000000"), "KGS") == "1,000,000\u00a0KGS"
        # Whole som, but never hide a fraction someone actually paid.
        assert format_amount(Decimal("150.50"), "KGS") == "150.50\u00a0KGS"
    with translation.override("ru"):
        assert format_amount(Decimal("1000000"), "KGS") == "1\u00a0000\u00a0000\u00a0KGS"
