"""Rendering the donor's pages (donations.views, donations.result_views, donations.ratelimits).

Every page is the DonatePage rendered with another template or step; only the blank
form is the same for every visitor, so only it may be cached (the page cache, a CDN).
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _lazy

from .forms import PAYMENT_BANK_APP, PAYMENT_CARD, PAYMENT_TRANSFER, format_amount
from .models import Donation

DONATE_TEMPLATE = "donations/donate_page.html"
DONATE_FORM_TEMPLATE = "donations/includes/donate_form.html"
THANK_YOU_TEMPLATE = "donations/thank_you.html"
CANCELLED_TEMPLATE = "donations/cancelled.html"
DEMO_TEMPLATE = "donations/demo_checkout.html"


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


def redirect(url):
    """A 303 to ``url`` that no cache keeps."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    add_never_cache_headers(response)
    return response


def render_page(page, request, template, context, status=200, *, shared=False):
    """Render one of the donor's pages; only a ``shared`` one (the blank form) may be cached."""
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    if not shared:
        add_never_cache_headers(response)
    return response


def render_form(page, request, form, *, status=200, step="form", **extra):
    """The form (or, with step="confirm", its review) with the donor's values and errors."""
    if form.is_bound and form.errors:
        form.mark_invalid_fields()
    context = {"form": form, "step": step, **extra}
    shared = not form.is_bound and not extra
    return render_page(page, request, DONATE_TEMPLATE, context, status, shared=shared)


# What the review says will be charged, per way of paying and whether it repeats monthly.
SUMMARIES = {
    (PAYMENT_BANK_APP, True): _lazy(
        "You will give %(amount)s every month to “%(fund)s” from your bank app. "
        "The next page has the button and the QR code to pay, with your reference."
    ),
    (PAYMENT_BANK_APP, False): _lazy(
        "You will give %(amount)s once to “%(fund)s” from your bank app. "
        "The next page has the button and the QR code to pay, with your reference."
    ),
    (PAYMENT_TRANSFER, True): _lazy(
        "You will give %(amount)s every month to “%(fund)s” by bank transfer or QR "
        "code. The next page shows your payment reference."
    ),
    (PAYMENT_TRANSFER, False): _lazy(
        "You will give %(amount)s once to “%(fund)s” by bank transfer or QR code. "
        "The next page shows your payment reference."
    ),
    (PAYMENT_CARD, True): _lazy(
        "You will give %(amount)s every month to “%(fund)s” by card, until you cancel."
    ),
    (PAYMENT_CARD, False): _lazy("You will give %(amount)s once to “%(fund)s” by card."),
}


def gift_summary(gift, payment_method):
    """What will be charged, in the donor's language."""
    monthly = gift["frequency"] == Donation.Frequency.MONTHLY
    summary = SUMMARIES[(payment_method, monthly)]
    return summary % {
        "amount": format_amount(gift["amount"], gift["currency"]),
        "fund": gift["fund"].name,
    }
