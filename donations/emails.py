"""The emails a donor receives: the receipt (with its PDF) and the refund note.

Each is rendered in the donation's language from one set of templates under
templates/donations/emails/ whose words are gettext strings; plain text with an
HTML alternative.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from core.links import site_link_url
from core.models import OrganisationSettings

from .donor_links import has_portal, portal_url, receipt_pdf_url, site_url
from .receipts import (
    build_receipt_pdf,
    donor_display_name,
    format_amount,
    format_date,
    frequency_label,
    receipt_filename,
)


def _render(template_base, context):
    subject = render_to_string(f"{template_base}_subject.txt", context)
    subject = " ".join(subject.split())  # one line, whatever the template's whitespace
    text = render_to_string(f"{template_base}.txt", context)
    html = render_to_string(f"{template_base}.html", context)
    return subject, text, html


def _context(donation):
    org = OrganisationSettings.load()
    return {
        "donation": donation,
        "organisation": org,
        "donor_name": donor_display_name(donation),
        "greeting_name": "" if donation.is_anonymous else donation.donor_name.strip(),
        "amount": format_amount(donation.amount, donation.currency),
        "fund_name": donation.fund.name,
        "date_paid": format_date(donation.paid_at),
        "frequency": frequency_label(donation),
        "is_monthly": has_portal(donation),
        "language_code": donation.language,
    }


def privacy_notice_url(language):
    """The absolute URL of the privacy notice in ``language``, or "" while there is none."""
    url = site_link_url("privacy", language)
    return site_url(url) if url else ""


def build_email(donation, template_base, context, attachments=(), connection=None):
    """One email to the donor from ``template_base`` (_subject.txt, .txt, .html) and ``context``.

    Rendered in the donation's language (build ``context`` in it too); ``attachments``
    are (filename, content, mimetype) tuples.
    """
    with translation.override(donation.language):
        subject, text, html = _render(template_base, context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[donation.donor_email],
        connection=connection,
        headers={"Content-Language": donation.language},
    )
    message.attach_alternative(html, "text/html")
    for attachment in attachments:
        message.attach(*attachment)
    return message


def build_receipt_email(donation, connection=None):
    """The receipt email of a paid donation, in its language, PDF attached."""
    with translation.override(donation.language):
        context = _context(donation)
        context["receipt_url"] = receipt_pdf_url(donation, absolute=True)
        context["privacy_url"] = privacy_notice_url(donation.language)
        context["portal_url"] = portal_url(donation, absolute=True) if context["is_monthly"] else ""
        pdf = build_receipt_pdf(donation, organisation=context["organisation"])
    attachment = (receipt_filename(donation), pdf, "application/pdf")
    return build_email(
        donation, "donations/emails/receipt", context, [attachment], connection=connection
    )


def build_refund_email(donation, connection=None):
    """A short note that a refunded gift's receipt is void, in the donation's language."""
    with translation.override(donation.language):
        context = _context(donation)
        context["date_voided"] = format_date(donation.receipt_voided_at)
    return build_email(donation, "donations/emails/refund", context, connection=connection)
