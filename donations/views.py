"""The donation form's steps, served as the DonatePage's own route (donations/models/pages.py)
and, for the review, at /<lang>/donate-review/<page id>/ (sos_site/urls.py).

The way of a gift: the form (GET, the same for every visitor, so the page cache and a
CDN may keep it) -> ``review`` (POST, shows what will be charged; changes nothing, so
it needs no CSRF token) -> ``donate`` (POST with ``confirm`` and the CSRF token the
review step handed out, and the key of that review) -> Checkout or the pledge page.
One review makes at most one donation and one Checkout Session, however often it is
confirmed (donations.attempts). ``donate`` carries the rate limit. Views stay thin:
the form validates, donations.checkout talks to Stripe, donations.services fulfils.
What comes after Checkout (thanks, cancelled, the demo gateway) is donations.result_views.

Bank transfer and bank-app gifts are pledges, which the app that knows the bank accounts
makes: it registers a function under the Wagtail hook ``donations_start_pledge``
(START_PLEDGE_HOOK), called with the gift (amount, currency, fund, frequency and the
donor's fields) and ``language``, ``channel`` and ``attempt_key``; it returns the URL
of the pledge's page. Without one, the donor is told that transfers are unavailable.
"""

import logging
import uuid

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.csrf import csrf_exempt

from wagtail import hooks

import stripe

from core.caching.layout import generation_cached

from . import attempts, demo_gateway
from .checkout import create_checkout_session
from .donor_links import donation_token
from .forms import PAYMENT_BANK_APP, PAYMENT_CARD, PAYMENT_TRANSFER, DonateForm
from .models import DonatePage, Donation
from .ratelimits import rate_limited
from .rendering import (
    DONATE_FORM_TEMPLATE,
    DONATE_TEMPLATE,
    donor_language,
    gift_summary,
    page_url,
    redirect,
    render_form,
    render_page,
)

logger = logging.getLogger(__name__)

START_PLEDGE_HOOK = "donations_start_pledge"


def _render_blank_form(page, request):
    """The form as every visitor first sees it, rendered once per cache generation.

    Its funds and preset amounts are plain models whose edits retire the generation
    too (PAGE_CACHE_SHOWN_MODELS).
    """

    def render_form_html():
        context = {"form": DonateForm(), "page": page, "request": request}
        return render_to_string(DONATE_FORM_TEMPLATE, context, request=request)

    language = donor_language(page)
    form_html = generation_cached(request, "donate-form", (page.pk, language), render_form_html)
    context = {"form_html": form_html, "step": "form"}
    return render_page(page, request, DONATE_TEMPLATE, context, shared=True)


def _review(request, page, form, *, status=200, apology=""):
    """The gift as it will be charged, with the confirm button, its CSRF token and a new key.

    The key names this review: every confirm that carries it gets one and the same
    donation (donations.attempts).
    """
    gift = form.gift()
    payment_method = form.cleaned_data["payment_method"]
    return render_form(
        page,
        request,
        form,
        status=status,
        step="confirm",
        summary=gift_summary(gift, payment_method),
        attempt=attempts.new_token(gift, payment_method),
        apology=apology,
    )


def _attempt_key(request, gift, payment_method):
    """The review key the confirm carries (AttemptError if unusable); a new one if none.

    A confirm without any key (a page rendered before keys existed, or a script) is
    an attempt of its own.
    """
    token = request.POST.get("attempt", "")
    if not token:
        return uuid.uuid4()
    return attempts.key_from_token(token, gift, payment_method)


ATTEMPT_ERRORS = {
    attempts.AttemptExpired: (
        400,
        _lazy(
            "This confirmation is more than a day old. Please check your gift and confirm it again."
        ),
    ),
    attempts.AttemptInvalid: (
        400,
        _lazy("We could not read this confirmation. Please check your gift and confirm it again."),
    ),
    attempts.AttemptChanged: (
        409,
        _lazy("Your gift changed after you checked it. Please check it again and confirm."),
    ),
}


# The form ----------------------------------------------------------------------------------


@rate_limited
def donate(request, page):
    """GET: the form. POST: validate -> confirm -> pending Donation -> Checkout (303)."""
    if request.method not in ("GET", "HEAD", "POST"):
        response = render_form(page, request, DonateForm(), status=405)
        response["Allow"] = "GET, HEAD, POST"
        return response
    if request.method != "POST":
        return _render_blank_form(page, request)

    form = DonateForm(request.POST)
    if not form.is_valid():
        return render_form(page, request, form, status=400)
    if "edit" in request.POST:
        return render_form(page, request, form)
    if "confirm" not in request.POST:
        return _review(request, page, form)

    gift = form.gift()
    payment_method = form.cleaned_data["payment_method"]
    try:
        key = _attempt_key(request, gift, payment_method)
    except attempts.AttemptError as error:
        status, message = ATTEMPT_ERRORS[type(error)]
        return _review(request, page, form, status=status, apology=message)
    language = donor_language(page)
    if payment_method == PAYMENT_BANK_APP:
        return _start_pledge(request, page, form, gift, language, key, Donation.Channel.QR)
    if payment_method == PAYMENT_TRANSFER:
        return _start_pledge(
            request, page, form, gift, language, key, Donation.Channel.BANK_TRANSFER
        )
    return _start_card(request, page, form, gift, language, key)


@csrf_exempt
def review(request, page_id):
    """The form's first POST: errors (400, values kept) or the review step; creates nothing.

    Exempt from CSRF because it only shows the donor what they typed: the form page
    then needs no per-visitor token and can be cached. The confirm button posts to
    ``donate`` with a token, and only that step creates a donation.
    """
    page = get_object_or_404(DonatePage.objects.live().public(), pk=page_id)
    if request.method != "POST":
        return redirect(page.get_url(request))
    form = DonateForm(request.POST)
    if not form.is_valid():
        return render_form(page, request, form, status=400)
    return _review(request, page, form)


def _unavailable(request, page, form, summary, message, attempt=""):
    return render_form(
        page,
        request,
        form,
        status=503,
        step="confirm",
        summary=summary,
        attempt=attempt,
        apology=message,
    )


def _start_pledge(request, page, form, gift, language, key, channel):
    """A bank transfer or bank-app gift: the pledge the START_PLEDGE_HOOK function makes."""
    for start_pledge in hooks.get_hooks(START_PLEDGE_HOOK):
        return redirect(start_pledge(**gift, language=language, channel=channel, attempt_key=key))
    logger.error("Bank transfer chosen, but no app registers the %s hook", START_PLEDGE_HOOK)
    summary = gift_summary(gift, PAYMENT_TRANSFER)
    return _unavailable(
        request, page, form, summary, _("Bank transfer is not available right now.")
    )


def _start_card(request, page, form, gift, language, key):
    """The review's card donation (made once) and its Checkout Session (created once)."""
    summary = gift_summary(gift, PAYMENT_CARD)
    demo = settings.DONATIONS_DEMO_GATEWAY
    if not demo and not settings.STRIPE_SECRET_KEY:
        logger.error("Card gift refused: no STRIPE_SECRET_KEY and no demo gateway")
        return _unavailable(
            request,
            page,
            form,
            summary,
            _("Card payments are not available right now. Please choose bank transfer."),
        )
    donation = attempts.donation_for_attempt(
        key,
        lambda **attempt: Donation.objects.create(
            channel=Donation.Channel.CARD, language=language, **gift, **attempt
        ),
    )
    token = donation_token(donation)
    if donation.status != Donation.Status.PENDING:
        # Confirmed again after paying (or after the session ended): say how it went.
        return redirect(page_url(request, page, "thank_you", args=[token]))
    if demo:
        demo_gateway.start(donation)
        return redirect(page_url(request, page, "demo_checkout", args=[token]))
    try:
        checkout_url = create_checkout_session(
            donation,
            success_url=page_url(request, page, "thank_you", args=[token]),
            cancel_url=page_url(request, page, "cancelled", args=[token]),
        )
    except stripe.StripeError:
        logger.exception("Checkout session for donation %s failed", donation.public_id)
        return _unavailable(
            request,
            page,
            form,
            summary,
            _(
                "We are sorry: the payment service did not answer. Nothing has been charged. "
                "Please try again in a moment."
            ),
            attempt=attempts.new_token(gift, PAYMENT_CARD, key=key),
        )
    return redirect(checkout_url)
