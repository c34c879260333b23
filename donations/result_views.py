"""The donor's pages after Checkout, served as routes of the DonatePage
(donations/models/pages.py): thanks, cancelled, and the demo gateway's payment page.

They show how a gift stands and change nothing, except the demo gateway's Pay and
Cancel buttons (donations.demo_gateway). The token in their URL names the donation
(donations.donor_links.donation_token).
"""

from django.conf import settings
from django.http import Http404

from . import demo_gateway
from .donor_links import donation_from_token, receipt_pdf_url
from .forms import PAYMENT_CARD, format_amount
from .models import Donation
from .rendering import (
    CANCELLED_TEMPLATE,
    DEMO_TEMPLATE,
    THANK_YOU_TEMPLATE,
    gift_summary,
    page_url,
    redirect,
    render_page,
)


def _receipt_url(donation):
    if donation.status != Donation.Status.PAID or not donation.receipt_number:
        return ""
    return receipt_pdf_url(donation)


def thank_you(request, page, token):
    """Thanks in the donor's language; shows the status, marks nothing paid."""
    donation = donation_from_token(token)
    if donation is None:
        raise Http404
    context = {
        "donation": donation,
        "amount_display": format_amount(donation.amount, donation.currency),
        "receipt_url": _receipt_url(donation),
        "donate_url": page.get_url(request),
    }
    return render_page(page, request, THANK_YOU_TEMPLATE, context)


def cancelled(request, page, token):
    """The donor left Checkout: nothing was charged; the form is one click away."""
    donation = donation_from_token(token)
    if donation is None:
        raise Http404
    context = {"donation": donation, "donate_url": page.get_url(request)}
    return render_page(page, request, CANCELLED_TEMPLATE, context)


def demo_checkout(request, page, token):
    """The demo gateway's payment page: Pay or Cancel. 404 unless DONATIONS_DEMO_GATEWAY."""
    if not settings.DONATIONS_DEMO_GATEWAY:
        raise Http404
    donation = donation_from_token(token, channel=Donation.Channel.CARD, parent__isnull=True)
    if donation is None or not demo_gateway.is_demo(donation):
        raise Http404
    if request.method == "POST":
        if "pay" in request.POST:
            demo_gateway.pay(donation)
            return redirect(page_url(request, page, "thank_you", args=[token]))
        if "cancel" in request.POST:
            demo_gateway.cancel(donation)
            return redirect(page_url(request, page, "cancelled", args=[token]))
    gift = {
        "amount": donation.amount,
        "currency": donation.currency,
        "frequency": donation.frequency,
        "fund": donation.fund,
    }
    context = {"donation": donation, "summary": gift_summary(gift, PAYMENT_CARD)}
    return render_page(page, request, DEMO_TEMPLATE, context)
