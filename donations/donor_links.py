"""Unguessable links for a donor: the thank-you and cancelled pages, the receipt PDF and
Stripe's customer portal.

A link carries the donation's public_id signed with django.core.signing (an HMAC over
SECRET_KEY, one salt per purpose), so it cannot be enumerated, altered or reused for
another purpose. The receipt and portal links are timestamped and expire; bad, altered
or expired tokens read as "no such donation".
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.crypto import constant_time_compare

from .models import Donation

THANKS_SALT = "donations.thank-you"
RECEIPT_SALT = "donations.receipt-pdf"
PORTAL_SALT = "donations.customer-portal"

# Receipts are kept for tax purposes: the emailed link lasts long. Each monthly
# instalment's email brings a fresh portal link, so that one can be shorter.
RECEIPT_LINK_MAX_AGE = getattr(settings, "DONATIONS_RECEIPT_LINK_MAX_AGE", 60 * 60 * 24 * 730)
PORTAL_LINK_MAX_AGE = getattr(settings, "DONATIONS_PORTAL_LINK_MAX_AGE", 60 * 60 * 24 * 90)


def donation_token(donation):
    """Signed, deterministic token for the thank-you and cancel URLs: "<hex id>-<signature>".

    No timestamp: a retry must send Stripe exactly the same success_url, or the
    idempotent request would differ. Only [A-Za-z0-9_-], as Wagtail's page routes allow.
    """
    public_id = donation.public_id.hex
    return f"{public_id}-{signing.Signer(salt=THANKS_SALT).signature(public_id)}"


def donation_from_token(token, **filters):
    """The donation a thank-you token names (with ``filters``), or None."""
    public_id, _sep, signature = token.partition("-")
    expected = signing.Signer(salt=THANKS_SALT).signature(public_id)
    if not signature or not constant_time_compare(signature, expected):
        return None
    return Donation.objects.select_related("fund").filter(public_id=public_id, **filters).first()


def make_token(donation, salt):
    return signing.dumps(donation.public_id.hex, salt=salt)


def read_token(token, salt, max_age):
    """The public_id hex a token carries, or None when it is bad or expired."""
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is a subclass
        return None
    return value if isinstance(value, str) else None


def site_url(path):
    """An absolute URL on this site (for emails), from WAGTAILADMIN_BASE_URL."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path.lstrip("/"))


def receipt_pdf_url(donation, *, absolute=False):
    """The signed link to the donation's PDF receipt (relative unless absolute=True)."""
    path = reverse("receipts:pdf", kwargs={"token": make_token(donation, RECEIPT_SALT)})
    return site_url(path) if absolute else path


def portal_url(donation, *, absolute=False):
    """The signed link that opens Stripe's customer portal for a monthly gift."""
    path = reverse("receipts:portal", kwargs={"token": make_token(donation, PORTAL_SALT)})
    return site_url(path) if absolute else path


def donation_for_receipt_token(token):
    """The receipted donation a receipt token names, or None."""
    public_id = read_token(token, RECEIPT_SALT, RECEIPT_LINK_MAX_AGE)
    if public_id is None:
        return None
    return (
        Donation.objects.select_related("fund")
        .filter(public_id=public_id, receipt_number__isnull=False)
        .filter(status__in=[Donation.Status.PAID, Donation.Status.REFUNDED])
        .first()
    )


def donation_for_portal_token(token):
    """The donation a portal token names, or None."""
    public_id = read_token(token, PORTAL_SALT, PORTAL_LINK_MAX_AGE)
    if public_id is None:
        return None
    return Donation.objects.filter(public_id=public_id).first()


def portal_customer_id(donation):
    """The Stripe customer whose portal a monthly gift (or one of its instalments) opens."""
    if donation.stripe_customer_id:
        return donation.stripe_customer_id
    if donation.parent_id:
        return donation.parent.stripe_customer_id
    return ""


def has_portal(donation):
    """Monthly card gifts (and their instalments) get a customer-portal link."""
    return donation.channel == Donation.Channel.CARD and (
        donation.frequency == Donation.Frequency.MONTHLY or donation.parent_id is not None
    )
