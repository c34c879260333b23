"""Our side of a Stripe event: the Donation it is about, and changes made to it safely.

Used by fulfilment (donations.services) and refunds (donations.refunds): events about
the same Stripe objects are applied one after another (``lock_stripe_objects``), ids are
filled in once and never overwritten, and a status changes only from an allowed one.
"""

import hashlib
import uuid

from django.db import connection, transaction
from django.db.models import Q

from .models import Donation
from .stripe_payloads import stripe_object_ids

# Applying events about one Stripe object one after another ------------------------------


def _lock_key(value):
    """A signed 64-bit key for pg_advisory_xact_lock (a collision only serialises more)."""
    return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), signed=True)


def lock_stripe_objects(obj):
    """Wait until no other transaction applies an event about the same objects, then hold them.

    PostgreSQL advisory transaction locks keyed by every Stripe id the object names
    (payment intent, invoice, subscription, customer, session, our donation id), taken in
    one sorted order so two events never wait for each other in a circle; released at
    commit. A payment and its refund thus see each other's rows. SQLite has one writer,
    which serialises them already. Call first thing inside ``transaction.atomic()``.
    """
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError(
            "lock_stripe_objects() must run inside transaction.atomic()"
        )
    if connection.vendor != "postgresql":
        return
    keys = sorted({_lock_key(value) for value in stripe_object_ids(obj)})
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


# Finding the gift --------------------------------------------------------------------------


def _public_id(value):
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


def donation_by_public_id(value, **filters):
    public_id = _public_id(value)
    if public_id is None:
        return None
    return Donation.objects.filter(public_id=public_id, **filters).first()


def session_donation(session):
    """The donation a Checkout Session was created for."""
    metadata = session.get("metadata") or {}
    for value in (metadata.get("donation_id"), session.get("client_reference_id")):
        donation = donation_by_public_id(value)
        if donation is not None:
            return donation
    if session.get("id"):
        return Donation.objects.filter(stripe_checkout_session_id=session["id"]).first()
    return None


def monthly_original(subscription_id, metadata):
    """The monthly gift (not an instalment) a subscription was created for."""
    original = donation_by_public_id(metadata.get("donation_id"), parent__isnull=True)
    if original is None and subscription_id:
        original = Donation.objects.filter(
            stripe_subscription_id=subscription_id, parent__isnull=True
        ).first()
    return original


# Changing it -------------------------------------------------------------------------------


def record_ids(donation, **ids):
    """Fill in Stripe ids the donation does not have yet (never overwrite one)."""
    changed = []
    for name, value in ids.items():
        if value and not getattr(donation, name):
            empty = Q(**{name: ""}) | Q(**{f"{name}__isnull": True})
            if Donation.objects.filter(empty, pk=donation.pk).update(**{name: value}):
                setattr(donation, name, value)
                changed.append(name)
    return changed


def change_status_if(donation, allowed, new_status, **fields):
    """Change status under the row lock if the current status is in ``allowed``.

    Returns whether it changed; when it did, ``donation`` is refreshed from the database.
    """
    with transaction.atomic():
        locked = Donation.objects.select_for_update().get(pk=donation.pk)
        if locked.status not in allowed:
            return False
        locked.change_status(new_status, **fields)
    donation.refresh_from_db()
    return True
