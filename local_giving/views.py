"""The donor's pledge page: pay in the bank app (KGS), reference, QR code, bank details."""

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
    pay_link = None
    if account is not None and donation.status == Donation.Status.PENDING:
        if donation.currency == Currency.KGS:
            # The bank's code names the payee itself: it does not need the manual details.
            pay_link = account.payment_link(donation.pledged_amount, donation.reference_code)
            if pay_link:
                qr_svg = qr.link_svg(pay_link, title=_("QR code to pay in your bank app"))
        elif donation.currency == Currency.EUR and configured:
            qr_svg = qr.epc_svg(
                account,
                donation.pledged_amount,
                donation.reference_code,
                title=_("EPC QR code for a SEPA transfer with your reference"),
            )
    context = {
        "donation": donation,
        "account": account if configured else None,
        "qr_svg": qr_svg,
        "pay_link": pay_link,
        "is_prefilled": pay_link is not None and account.qr_prefill,
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
