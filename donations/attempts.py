"""One review, one gift: the key the review step hands out, and the donation it names.

The review step (donations.views) gives each gift the donor is about to confirm a
fresh random key, signed together with a digest of the gift. Every confirm that
carries the key -- a double tap, a phone resending the POST, Back and confirm
again -- names the same donation: the key is stored on it under a unique
constraint, so concurrent confirms create it once and the others find it. The
Stripe idempotency key of its Checkout Session comes from the same key
(donations.checkout), so they also get the same session.

A key names one gift: posted with other data (a page edited by hand, or a stale
tab) it is refused with AttemptChanged, and the donor checks the gift again.
"""

import hashlib
import json
import uuid

from django.core import signing
from django.db import IntegrityError, transaction

from .models import Donation

SALT = "donations.review-attempt"
# As long as Stripe keeps an idempotency key and a Checkout Session stays open.
MAX_AGE = 60 * 60 * 24


class AttemptError(Exception):
    """The confirm's key cannot be used; the donor checks the gift again."""


class AttemptExpired(AttemptError):
    """Signed by us, but older than MAX_AGE."""


class AttemptInvalid(AttemptError):
    """Not a key this site signed."""


class AttemptChanged(AttemptError):
    """A real key, posted with a gift other than the one reviewed."""


def gift_digest(gift, payment_method):
    """A short fingerprint of everything that makes the gift what it is."""
    fields = {
        name: str(value.pk if name == "fund" else value) for name, value in sorted(gift.items())
    }
    fields["payment_method"] = payment_method
    encoded = json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()[:32]


def new_token(gift, payment_method, key=None):
    """The signed token of a (new, unless ``key`` is given) attempt at this gift."""
    key = key or uuid.uuid4()
    payload = {"key": key.hex, "gift": gift_digest(gift, payment_method)}
    return signing.dumps(payload, salt=SALT, compress=False)


def key_from_token(token, gift, payment_method):
    """The attempt key of ``token`` if it was handed out for this very gift; else raise."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise AttemptExpired from error
    except signing.BadSignature as error:
        raise AttemptInvalid from error
    try:
        key = uuid.UUID(hex=payload["key"])
        digest = payload["gift"]
    except (TypeError, KeyError, ValueError) as error:
        raise AttemptInvalid from error
    if digest != gift_digest(gift, payment_method):
        raise AttemptChanged
    return key


def donation_for_attempt(key, create):
    """The donation of attempt ``key``: the existing one, or ``create(attempt_key=key)``.

    Race-safe: of concurrent callers, one INSERT wins; the others fail on the unique
    key (PostgreSQL makes them wait until the winner commits) and read its row.
    """
    existing = Donation.objects.filter(attempt_key=key).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return create(attempt_key=key)
    except IntegrityError:
        existing = Donation.objects.filter(attempt_key=key).first()
        if existing is None:
            raise
        return existing
