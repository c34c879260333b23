"""Refunds that came before their payment: applied with the payment, or by the worker's sweep."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.db import transaction

import pytest
from django_tasks_db.models import DBTaskResult

from donations.checkout import create_checkout_session
from donations.models import Donation, StripeEvent
from tests.stripe_double.events import event

URLS = {"success_url": "https://example.org/thanks", "cancel_url": "https://example.org/back"}


@pytest.fixture
def refunded_before_we_knew(stripe_double, webhook, pending_donation):
    """A paid session whose refund was delivered first (and is stored as waiting)."""
    donation = pending_donation(language="en")
    create_checkout_session(donation, **URLS)
    session = stripe_double.complete_session(donation.stripe_checkout_session_id)
    charge = stripe_double.refund(
        session["payment_intent"], amount=session["amount_total"], currency=session["currency"]
    )
    response = webhook(event("charge.refunded", charge))
    assert response.json()["outcome"] == "waiting"
    return donation, session


def record_payment_without_its_retry(donation, session):
    """The payment committed, and then its process died before its after-commit retry."""
    with transaction.atomic():
        Donation.objects.filter(pk=donation.pk).update(
            stripe_payment_intent_id=session["payment_intent"]
        )
        donation.mark_paid()


def sweep():
    out = StringIO()
    call_command("retry_waiting_refunds", stdout=out)
    return out.getvalue()


def test_the_payment_applies_its_waiting_refund_and_no_receipt_goes(
    refunded_before_we_knew, webhook, django_capture_on_commit_callbacks
):
    donation, session = refunded_before_we_knew
    with django_capture_on_commit_callbacks(execute=True):
        assert webhook(event("checkout.session.completed", session)).status_code == 200
    donation.refresh_from_db()
    assert donation.status == Donation.Status.REFUNDED
    assert not StripeEvent.objects.filter(processed_at__isnull=True).exists()
    assert mail.outbox == []  # never a receipt for a gift refunded by the time it would go


def test_the_sweep_applies_a_refund_left_waiting(refunded_before_we_knew):
    donation, session = refunded_before_we_knew
    record_payment_without_its_retry(donation, session)
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID

    assert sweep() == "Applied 1 waiting refund(s).\n"

    donation.refresh_from_db()
    assert donation.status == Donation.Status.REFUNDED
    assert donation.receipt_voided_at is not None
    assert not StripeEvent.objects.filter(processed_at__isnull=True).exists()
    assert sweep() == "Applied 0 waiting refund(s).\n"


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_scheduled_sweep(settings, refunded_before_we_knew):
    donation, session = refunded_before_we_knew
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    record_payment_without_its_retry(donation, session)

    assert sweep() == "Queued the sweep of waiting refunds.\n"
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID  # nothing yet: the worker does it
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    [task] = DBTaskResult.objects.filter(task_path="donations.tasks.retry_waiting_refunds")
    assert task.status == "SUCCESSFUL"
    donation.refresh_from_db()
    assert donation.status == Donation.Status.REFUNDED
