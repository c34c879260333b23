"""The PDF receipt of a paid donation, in the donor's language.

Built with fpdf2 and the DejaVu Sans font embedded from donations/fonts/ (Cyrillic and
the Kyrgyz letters ң ө ү included), so no system package is needed. Labels are
gettext strings: call inside translation.override(donation.language), or use
render_receipt_pdf(), which does it.
"""

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.utils import formats, numberformat, timezone, translation
from django.utils.translation import gettext as _

from fpdf import FPDF

from core.models import OrganisationSettings

from .models import Donation
from .models.funds import CURRENCY_RULES

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "DejaVu"


def receipt_filename(donation):
    """receipt-2026-000042.pdf"""
    return f"receipt-{donation.receipt_number}.pdf"


def format_amount(amount, currency):
    """The amount with its currency code, written the way the active language writes numbers.

    KGS: "1 500 KGS" (whole som); USD in Russian: "25,00 USD"; in English: "25.00 USD".
    """
    decimals = CURRENCY_RULES.get(currency, {"decimals": 2})["decimals"]
    if decimals == 0 and Decimal(amount) != Decimal(amount).to_integral_value():
        decimals = 2  # never hide money a donor actually gave
    quantum = Decimal(1).scaleb(-decimals)
    value = Decimal(amount).quantize(quantum, rounding=ROUND_HALF_UP)
    number = numberformat.format(
        value,
        formats.get_format("DECIMAL_SEPARATOR"),
        decimal_pos=decimals,
        grouping=formats.get_format("NUMBER_GROUPING") or 3,
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
    return f"{number}\u00a0{currency}"


def format_date(moment):
    """A date (or aware datetime, shown in the site's time zone) in the active language."""
    if moment is None:
        return ""
    if hasattr(moment, "tzinfo"):
        moment = timezone.localtime(moment).date()
    return formats.date_format(moment, "DATE_FORMAT")


def donor_display_name(donation):
    if donation.is_anonymous or not donation.donor_name.strip():
        return _("Anonymous donor")
    return donation.donor_name


def frequency_label(donation):
    if donation.parent_id is not None:
        return _("Monthly (instalment)")
    return Donation.Frequency(donation.frequency).label


def receipt_rows(donation):
    """(label, value) pairs printed on the receipt, in the active language."""
    fund = donation.fund
    return [
        (_("Receipt number"), donation.receipt_number),
        (_("Date paid"), format_date(donation.paid_at)),
        (_("Donor"), donor_display_name(donation)),
        (_("Amount"), format_amount(donation.amount, donation.currency)),
        (_("Fund"), fund.name),
        (_("Frequency"), str(frequency_label(donation))),
        (_("Payment method"), str(Donation.Channel(donation.channel).label)),
    ]


class ReceiptPDF(FPDF):
    def __init__(self):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.add_font(FONT_FAMILY, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT_FAMILY, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(auto=True, margin=20)


def build_receipt_pdf(donation, organisation=None):
    """The receipt as PDF bytes, labels in the active language."""
    org = organisation or OrganisationSettings.load()
    pdf = ReceiptPDF()
    pdf.set_title(_("Donation receipt %(number)s") % {"number": donation.receipt_number})
    pdf.set_author(org.name)
    pdf.set_creator(org.short_name)
    pdf.set_lang(translation.get_language() or "ky")
    pdf.add_page()
    width = pdf.epw

    # The organisation
    pdf.set_font(FONT_FAMILY, "B", 13)
    pdf.multi_cell(width, 6, org.name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT_FAMILY, "", 9.5)
    pdf.multi_cell(width, 5, org.address, new_x="LMARGIN", new_y="NEXT")
    contacts = "  ·  ".join(
        part
        for part in [
            org.phone and _("Phone: %(phone)s") % {"phone": org.phone},
            org.email,
        ]
        if part
    )
    if contacts:
        pdf.multi_cell(width, 5, contacts, new_x="LMARGIN", new_y="NEXT")
    registration = org.registration_number.strip() or "—"
    pdf.multi_cell(
        width,
        5,
        _("Registration number: %(number)s") % {"number": registration},
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(10)

    # Title, and the VOID mark when the gift was refunded
    pdf.set_font(FONT_FAMILY, "B", 18)
    pdf.cell(width, 10, _("Donation receipt"), new_x="LMARGIN", new_y="NEXT")
    if donation.receipt_voided_at:
        pdf.set_text_color(190, 0, 0)
        pdf.set_font(FONT_FAMILY, "B", 28)
        pdf.cell(width, 14, _("VOID"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT_FAMILY, "", 10)
        pdf.multi_cell(
            width,
            5,
            _("This receipt was voided on %(date)s: the gift was refunded.")
            % {"date": format_date(donation.receipt_voided_at)},
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_text_color(0, 0, 0)
    pdf.ln(6)

    # The gift
    label_width = 55
    for label, value in receipt_rows(donation):
        pdf.set_font(FONT_FAMILY, "", 10.5)
        pdf.cell(label_width, 8, label, border="B")
        pdf.set_font(FONT_FAMILY, "B", 10.5)
        pdf.multi_cell(width - label_width, 8, value, border="B", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)

    pdf.set_font(FONT_FAMILY, "", 10.5)
    pdf.multi_cell(
        width,
        6,
        _("Thank you for supporting children and families in Kyrgyzstan."),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    pdf.set_font(FONT_FAMILY, "", 8.5)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(
        width,
        4.5,
        _("This receipt was issued electronically and is valid without a signature or stamp."),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())


def render_receipt_pdf(donation):
    """The receipt as PDF bytes in the donation's language."""
    with translation.override(donation.language):
        return build_receipt_pdf(donation)
