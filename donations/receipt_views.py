"""The donor's signed links: the PDF receipt and Stripe's customer portal.

Both URLs carry a signed token (donations/donor_links.py), never an id; a bad, altered or
expired token is a plain 404. Pages answer in the donation's language.
"""

import logging

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

import stripe

from .donor_links import (
    donation_for_portal_token,
    donation_for_receipt_token,
    has_portal,
    portal_customer_id,
    site_url,
)
from .receipts import receipt_filename, render_receipt_pdf

logger = logging.getLogger(__name__)


def _private(response):
    """Never stored anywhere, and the token never leaks through a Referer header."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def receipt_pdf(request, token):
    donation = donation_for_receipt_token(token)
    if donation is None:
        raise Http404("No such receipt")
    response = HttpResponse(render_receipt_pdf(donation), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{receipt_filename(donation)}"'
    response["Content-Language"] = donation.language
    return _private(response)


def _portal_return_url(donation):
    """Back to the site's home page in the donor's language."""
    return site_url(f"/{donation.language}/")


def _portal_page(request, donation, *, demo, status=200):
    with translation.override(donation.language):
        response = render(
            request,
            "donations/receipts/portal_unavailable.html",
            {"demo": demo, "home_url": f"/{donation.language}/", "donation": donation},
            status=status,
        )
    response["Content-Language"] = donation.language
    return _private(response)


@require_GET
def customer_portal(request, token):
    """Open Stripe's customer portal for a monthly gift, or explain why it cannot open."""
    donation = donation_for_portal_token(token)
    if donation is None or not has_portal(donation):
        raise Http404("No such monthly gift")
    if settings.DONATIONS_DEMO_GATEWAY or not settings.STRIPE_SECRET_KEY:
        return _portal_page(request, donation, demo=True)
    customer = portal_customer_id(donation)
    if not customer:
        raise Http404("No Stripe customer for this gift")

    from .stripe_client import stripe_client

    try:
        session = stripe_client().v1.billing_portal.sessions.create(
            params={"customer": customer, "return_url": _portal_return_url(donation)}
        )
    except stripe.StripeError:
        logger.exception("Stripe customer portal for donation %s failed", donation.pk)
        return _portal_page(request, donation, demo=False, status=503)
    return _private(HttpResponseRedirect(session.url))
