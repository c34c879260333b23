"""Bank-transfer and QR pledges: a pending gift with its own payment reference, nothing charged.

The donor sees the reference, the bank details and (KGS) the bank's QR code on a
signed, localized page (``pledge_url``); staff confirm the transfer when it arrives
(``transfers.confirm_transfer``).
"""

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from donations import attempts
from donations.models import Donation

from .. import references
from ..models import BankAccount

PLEDGE_SALT = "local_giving.pledge"
OFFLINE_CHANNELS = (Donation.Channel.BANK_TRANSFER, Donation.Channel.QR)


def create_pledge(
    *,
    amount,
    currency,
    fund,
    frequency,
    donor_name,
    donor_email,
    is_anonymous,
    dedication,
    language,
    channel=Donation.Channel.BANK_TRANSFER,
    attempt_key=None,
    **ignored,
):
    """A pending offline Donation with a fresh reference code; nothing is charged.

    With the ``attempt_key`` of the review step the donor confirmed, a repeated or
    concurrent confirm gets the pledge (and reference) already made for that review.
    """
    if channel not in OFFLINE_CHANNELS:
        raise ValueError(f"Not an offline channel: {channel!r}")
    fields = {
        "status": Donation.Status.PENDING,
        "channel": channel,
        "frequency": frequency,
        "amount": amount,
        "pledged_amount": amount,
        "currency": currency,
        "fund": fund,
        "language": language,
        "donor_name": donor_name or "",
        "donor_email": donor_email or "",
        "is_anonymous": bool(is_anonymous),
        "dedication": dedication or "",
    }
    if attempt_key is None:
        return _new_pledge(fields)
    return attempts.donation_for_attempt(attempt_key, lambda **key: _new_pledge({**fields, **key}))


def _new_pledge(fields):
    attempt_key = fields.get("attempt_key")
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return Donation.objects.create(**fields, reference_code=references.new_code())
        except IntegrityError:
            if attempt_key and Donation.objects.filter(attempt_key=attempt_key).exists():
                raise  # the same review, confirmed at the same time: that pledge stands
            # Another pledge holds this code (1 in 27 billion): draw again.
            continue
    raise RuntimeError("Could not draw a unique payment reference")


def pledge_token(donation):
    return signing.dumps(str(donation.public_id), salt=PLEDGE_SALT)


def pledge_url(donation):
    """The signed, localized page with the reference, bank details and QR code."""
    with translation.override(donation.language):
        return reverse("local_giving:pledge", kwargs={"token": pledge_token(donation)})


def pledge_from_token(token):
    """The pledge a signed token points to, or None."""
    try:
        public_id = signing.loads(token, salt=PLEDGE_SALT)
    except signing.BadSignature:
        return None
    return (
        Donation.objects.filter(public_id=public_id, reference_code__isnull=False)
        .select_related("fund")
        .first()
    )


def bank_account(currency):
    return BankAccount.objects.filter(currency=currency, is_active=True).first()
