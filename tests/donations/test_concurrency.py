"""Concurrent deliveries and receipt numbering, on PostgreSQL (real row locks, real threads).

Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/sos_checkout; skipped on SQLite,
whose single writer makes concurrency trivially safe and in-memory test databases
are not shared between threads.
"""

import uuid

from django.core import mail
from django.db import connection
from django.test import Client

import pytest

from donations import services
from donations.models import Donation, StripeEvent
from tests.stripe_double.events import event, post_event
from tests.threads import run_together

pytestmark = pytest.mark.postgres

THREADS = 50


@pytest.fixture(autouse=True)
def postgres_only(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://...")


@pytest.fixture
def secret(settings):
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test_concurrency"
    settings.STRIPE_SECRET_KEY = ""
    return settings.STRIPE_WEBHOOK_SECRET


def completed(donation):
    return {
        "id": f"cs_test_{uuid.uuid4().hex}",
        "object": "checkout.session",
        "mode": "payment",
        "status": "complete",
        "payment_status": "paid",
        "client_reference_id": str(donation.public_id),
        "metadata": {"donation_id": str(donation.public_id)},
        "customer": "cus_test_1",
        "payment_intent": f"pi_test_{uuid.uuid4().hex[:24]}",
    }


def test_fifty_parallel_deliveries_of_one_event(secret, pending_donation):
    donation = pending_donation()
    payload = event("checkout.session.completed", completed(donation))
    mail.outbox = []

    statuses = run_together(
        THREADS, lambda i: post_event(Client(), payload, secret=secret).status_code
    )

    assert statuses == [200] * THREADS
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID
    assert donation.receipt_number
    assert StripeEvent.objects.count() == 1
    assert Donation.objects.exclude(receipt_number=None).count() == 1
    receipts = [m for m in mail.outbox if donation.donor_email in m.to]
    assert len(receipts) == 1


def test_fifty_different_events_for_one_payment(secret, pending_donation):
    donation = pending_donation()
    session = completed(donation)
    kinds = ["checkout.session.completed", "checkout.session.async_payment_succeeded"]

    def deliver(i):
        return post_event(Client(), event(kinds[i % 2], session), secret=secret).status_code

    assert run_together(THREADS, deliver) == [200] * THREADS
    assert StripeEvent.objects.count() == THREADS
    assert Donation.objects.exclude(receipt_number=None).count() == 1


def test_parallel_instalments_each_once(secret, pending_donation):
    original = pending_donation(frequency="monthly")
    original.mark_paid()
    invoices = [
        {
            "id": f"in_test_{i:04d}",
            "object": "invoice",
            "status": "paid",
            "billing_reason": "subscription_cycle",
            "amount_paid": 100000,
            "currency": "kgs",
            "parent": {
                "type": "subscription_details",
                "subscription_details": {
                    "subscription": "sub_test_1",
                    "metadata": {"donation_id": str(original.public_id)},
                },
            },
        }
        for i in range(10)
    ]

    # Every invoice delivered five times at once, under different event ids.
    def deliver(i):
        payload = event("invoice.paid", invoices[i % 10])
        return post_event(Client(), payload, secret=secret).status_code

    assert run_together(THREADS, deliver) == [200] * THREADS
    assert original.instalments.count() == 10
    assert original.instalments.filter(status=Donation.Status.PAID).count() == 10


def test_receipt_numbers_are_gapless_under_concurrency(secret, pending_donation, settings):
    # Numbers only: 30 receipt PDFs rendered in these threads would starve the lock holder.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    donations = [pending_donation(donor_email=f"donor{i}@example.org") for i in range(30)]

    run_together(30, lambda i: services.fulfil_checkout_session(completed(donations[i])))

    numbers = sorted(
        Donation.objects.exclude(receipt_number=None).values_list("receipt_number", flat=True)
    )
    year = numbers[0][:4]
    assert numbers == [f"{year}-{n:06d}" for n in range(1, 31)]
