"""Rate limits on the donation form's submission, against card testing.

Card testers submit many small gifts to find which stolen card numbers work; every
submission costs a Checkout Session (or a pledge). ``rate_limited`` wraps
``donations.views.donate``: each final submission (a POST with ``confirm``, card or
transfer) counts once per client IP (DONATION_RATE_LIMIT_PER_IP) and once in a
site-wide counter (DONATION_RATE_LIMIT_GLOBAL), per DONATION_RATE_LIMIT_WINDOW
seconds. Over a limit, the form comes back with the donor's typed values, a
localized explanation and status 429 with Retry-After; nothing is created.

Counters live in the default cache (Redis in production) through
``core.ratelimit.over_limit``, which keeps counting in process memory while
Redis is down. A limit of 0 switches that limit off (the test settings do).
The Stripe webhook is not limited: Stripe retries on 429, but a dropped
delivery would only be late, and its signature check already refuses strangers.
"""

import functools
import logging

from django.conf import settings
from django.utils.translation import gettext as _

from core.ratelimit import over_limit
from core.security import client_ip

from .forms import DonateForm
from .rendering import render_form

logger = logging.getLogger(__name__)

SCOPE_IP = "donate-ip"
SCOPE_GLOBAL = "donate-global"


def is_submission(request):
    """A POST that would create a donation: the confirmed step, not the review or an edit."""
    return request.method == "POST" and "confirm" in request.POST and "edit" not in request.POST


def exceeded_limit(request):
    """Count this submission; return SCOPE_IP or SCOPE_GLOBAL when over a limit, else None."""
    window = settings.DONATION_RATE_LIMIT_WINDOW
    per_ip = settings.DONATION_RATE_LIMIT_PER_IP
    if per_ip and over_limit(SCOPE_IP, client_ip(request), limit=per_ip, window=window):
        return SCOPE_IP
    site_wide = settings.DONATION_RATE_LIMIT_GLOBAL
    if site_wide and over_limit(SCOPE_GLOBAL, "all", limit=site_wide, window=window):
        return SCOPE_GLOBAL
    return None


def limit_message(scope):
    if scope == SCOPE_IP:
        return _(
            "You have sent the donation form many times in a short while. Nothing has been "
            "charged. Please wait a few minutes and try again; your entries are kept below."
        )
    return _(
        "We are receiving an unusually large number of donations right now. Nothing has been "
        "charged. Please try again in a few minutes; your entries are kept below."
    )


def too_many_requests(request, page, scope):
    """The form again, with what the donor typed, the explanation and status 429."""
    form = DonateForm(request.POST)
    form.is_valid()  # shows field errors, if any, alongside the explanation
    response = render_form(page, request, form, status=429, apology=limit_message(scope))
    response["Retry-After"] = str(settings.DONATION_RATE_LIMIT_WINDOW)
    return response


def rate_limited(view):
    """Decorator for ``donate(request, page)``: 429 once a submission limit is exceeded."""

    @functools.wraps(view)
    def wrapper(request, page, *args, **kwargs):
        if is_submission(request):
            scope = exceeded_limit(request)
            if scope is not None:
                logger.warning("Donation submission refused: %s rate limit exceeded", scope)
                return too_many_requests(request, page, scope)
        return view(request, page, *args, **kwargs)

    return wrapper
