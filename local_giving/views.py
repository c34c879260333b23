"""The donor's pledge page: reference, bank details, QR code and what happens next."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from donations.models import Currency, Donation

from . import qr
from .services import bank_account, pledge_from_token


@never_cache
def pledge(request, token):
    donation = pledge_from_token(token)
    if donation is None:
        raise Http404(_("This link is not valid."))
    account = bank_account(donation.currency)
    configured = account is not None and account.is_configured
    qr_svg = None
    qr_image = None
    if configured and donation.status == Donation.Status.PENDING:
        if donation.currency == Currency.EUR:
            qr_svg = qr.epc_svg(
                account,
                donation.pledged_amount,
                donation.reference_code,
                title=_("EPC QR code for a SEPA transfer with your reference"),
            )
        elif donation.currency == Currency.KGS:
            qr_image = account.qr_image
            if account.has_bank_qr_payload:
                qr_svg = qr.bank_payload_svg(
                    account.qr_payload, title=_("QR code of our bank account")
                )
    context = {
        "donation": donation,
        "account": account if configured else None,
        "qr_svg": qr_svg,
        "qr_image": qr_image,
        "is_monthly": donation.frequency == Donation.Frequency.MONTHLY,
        "is_paid": donation.status == Donation.Status.PAID,
        "purpose": " ".join(
            part
            for part in ((account.payment_purpose if configured else ""), donation.reference_code)
            if part
        ),
    }
    response = render(request, "local_giving/pledge.html", context)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
