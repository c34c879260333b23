"""The donor's pages, served as routes of the DonatePage (donations/models/pages.py).

The way of a gift: the form (GET, the same for every visitor, so the page cache and a
CDN may keep it) -> ``review`` (POST, shows what will be charged; changes nothing, so
it needs no CSRF token) -> ``donate`` (POST with ``confirm`` and the CSRF token the
review step handed out, and the key of that review) -> Checkout or the pledge page.
One review makes at most one donation and one Checkout Session, however often it is
confirmed (donations.attempts). ``donate`` carries the rate limit. Views stay thin:
the form validates, donations.checkout talks to Stripe, donations.services fulfils.
"""

import logging
import uuid

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.csrf import csrf_exempt

import stripe

from core.caching.layout import generation_cached

from . import attempts, demo_gateway
from .checkout import create_checkout_session
from .forms import PAYMENT_BANK_APP, PAYMENT_CARD, PAYMENT_TRANSFER, DonateForm, format_amount
from .models import DonatePage, Donation
from .ratelimits import rate_limited

logger = logging.getLogger(__name__)

THANKS_SALT = "donations.thank-you"

DONATE_TEMPLATE = "donations/donate_page.html"
DONATE_FORM_TEMPLATE = "donations/includes/donate_form.html"
THANK_YOU_TEMPLATE = "donations/thank_you.html"
CANCELLED_TEMPLATE = "donations/cancelled.html"
DEMO_TEMPLATE = "donations/demo_checkout.html"


# Tokens ------------------------------------------------------------------------------------


def donation_token(donation):
    """Signed, deterministic token for the thank-you and cancel URLs: "<hex id>-<signature>".

    No timestamp: a retry must send Stripe exactly the same success_url, or the
    idempotent request would differ. Only [A-Za-z0-9_-], as Wagtail's page routes allow.
    """
    public_id = donation.public_id.hex
    return f"{public_id}-{signing.Signer(salt=THANKS_SALT).signature(public_id)}"


def donation_from_token(token, **filters):
    public_id, _sep, signature = token.partition("-")
    expected = signing.Signer(salt=THANKS_SALT).signature(public_id)
    if not signature or not constant_time_compare(signature, expected):
        return None
    return Donation.objects.select_related("fund").filter(public_id=public_id, **filters).first()


# Helpers -----------------------------------------------------------------------------------


def donor_language(page):
    language = (translation.get_language() or "").split("-")[0]
    if language in dict(settings.LANGUAGES):
        return language
    return page.locale.language_code


def page_url(request, page, route=None, args=()):
    """Absolute URL of the page (or one of its routes) on the host of this request."""
    url = page.get_url(request)
    if route is not None:
        url = url.rstrip("/") + "/" + page.reverse_subpage(route, args=args).lstrip("/")
    return request.build_absolute_uri(url)


def gift_summary(gift, payment_method):
    """What will be charged, in the donor's language."""
    values = {
        "amount": format_amount(gift["amount"], gift["currency"]),
        "fund": gift["fund"].name,
    }
    if payment_method == PAYMENT_BANK_APP:
        if gift["frequency"] == Donation.Frequency.MONTHLY:
            return (
                _(
                    "You will give %(amount)s every month to “%(fund)s” from your bank app. "
                    "The next page has the button and the QR code to pay, with your reference."
                )
                % values
            )
        return (
            _(
                "You will give %(amount)s once to “%(fund)s” from your bank app. "
                "The next page has the button and the QR code to pay, with your reference."
            )
            % values
        )
    if payment_method == PAYMENT_TRANSFER:
        if gift["frequency"] == Donation.Frequency.MONTHLY:
            return (
                _(
                    "You will give %(amount)s every month to “%(fund)s” by bank transfer or QR "
                    "code. The next page shows your payment reference."
                )
                % values
            )
        return (
            _(
                "You will give %(amount)s once to “%(fund)s” by bank transfer or QR code. "
                "The next page shows your payment reference."
            )
            % values
        )
    if gift["frequency"] == Donation.Frequency.MONTHLY:
        return (
            _("You will give %(amount)s every month to “%(fund)s” by card, until you cancel.")
            % values
        )
    return _("You will give %(amount)s once to “%(fund)s” by card.") % values


def _render(page, request, template, context, status=200, *, shared=False):
    """Render one of the donor's pages; only a ``shared`` one (the blank form) may be cached."""
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    if not shared:
        add_never_cache_headers(response)
    return response


def _render_form(page, request, form, *, status=200, step="form", **extra):
    if form.is_bound and form.errors:
        form.mark_invalid_fields()
    context = {"form": form, "step": step, **extra}
    shared = not form.is_bound and not extra
    return _render(page, request, DONATE_TEMPLATE, context, status, shared=shared)


def _render_blank_form(page, request):
    """The form as every visitor first sees it, rendered once per cache generation.

    Its funds and preset amounts are plain models whose edits retire the generation
    too (PAGE_CACHE_SHOWN_MODELS).
    """

    def render_form():
        context = {"form": DonateForm(), "page": page, "request": request}
        return render_to_string(DONATE_FORM_TEMPLATE, context, request=request)

    language = donor_language(page)
    form_html = generation_cached(request, "donate-form", (page.pk, language), render_form)
    context = {"form_html": form_html, "step": "form"}
    return _render(page, request, DONATE_TEMPLATE, context, shared=True)


def _review(request, page, form, *, status=200, apology=""):
    """The gift as it will be charged, with the confirm button, its CSRF token and a new key.

    The key names this review: every confirm that carries it gets one and the same
    donation (donations.attempts).
    """
    gift = form.gift()
    payment_method = form.cleaned_data["payment_method"]
    return _render_form(
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


def _redirect(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    add_never_cache_headers(response)
    return response


# The form ----------------------------------------------------------------------------------


@rate_limited
def donate(request, page):
    """GET: the form. POST: validate -> confirm -> pending Donation -> Checkout (303)."""
    if request.method not in ("GET", "HEAD", "POST"):
        response = _render_form(page, request, DonateForm(), status=405)
        response["Allow"] = "GET, HEAD, POST"
        return response
    if request.method != "POST":
        return _render_blank_form(page, request)

    form = DonateForm(request.POST)
    if not form.is_valid():
        return _render_form(page, request, form, status=400)
    if "edit" in request.POST:
        return _render_form(page, request, form)
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
        return _start_transfer(request, page, form, gift, language, key, Donation.Channel.QR)
    if payment_method == PAYMENT_TRANSFER:
        return _start_transfer(request, page, form, gift, language, key)
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
        return _redirect(page.get_url(request))
    form = DonateForm(request.POST)
    if not form.is_valid():
        return _render_form(page, request, form, status=400)
    return _review(request, page, form)


def _unavailable(request, page, form, summary, message, attempt=""):
    return _render_form(
        page,
        request,
        form,
        status=503,
        step="confirm",
        summary=summary,
        attempt=attempt,
        apology=message,
    )


def _start_transfer(
    request, page, form, gift, language, key, channel=Donation.Channel.BANK_TRANSFER
):
    try:
        from local_giving import services as local_giving
    except ImportError:
        logger.error("Bank transfer chosen, but the local_giving app is not available")
        summary = gift_summary(gift, PAYMENT_TRANSFER)
        return _unavailable(
            request, page, form, summary, _("Bank transfer is not available right now.")
        )
    donation = local_giving.create_pledge(
        **gift, language=language, channel=channel, attempt_key=key
    )
    return _redirect(local_giving.pledge_url(donation))


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
        return _redirect(page_url(request, page, "thank_you", args=[token]))
    if demo:
        demo_gateway.start(donation)
        return _redirect(page_url(request, page, "demo_checkout", args=[token]))
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
    return _redirect(checkout_url)


# After Checkout ----------------------------------------------------------------------------


def _receipt_url(donation):
    if donation.status != Donation.Status.PAID or not donation.receipt_number:
        return ""
    try:
        from .signing import receipt_pdf_url
    except ImportError:
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
    return _render(page, request, THANK_YOU_TEMPLATE, context)


def cancelled(request, page, token):
    """The donor left Checkout: nothing was charged; the form is one click away."""
    donation = donation_from_token(token)
    if donation is None:
        raise Http404
    context = {"donation": donation, "donate_url": page.get_url(request)}
    return _render(page, request, CANCELLED_TEMPLATE, context)


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
            return _redirect(page_url(request, page, "thank_you", args=[token]))
        if "cancel" in request.POST:
            demo_gateway.cancel(donation)
            return _redirect(page_url(request, page, "cancelled", args=[token]))
    gift = {
        "amount": donation.amount,
        "currency": donation.currency,
        "frequency": donation.frequency,
        "fund": donation.fund,
    }
    context = {"donation": donation, "summary": gift_summary(gift, "card")}
    return _render(page, request, DEMO_TEMPLATE, context)
