"""send_receipt: once per gift, retried with back-off while the mail server is down."""

import socket
import threading
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from donations.models import Donation
from donations.tasks import RECEIPT_MAX_ATTEMPTS, retry_delay, send_receipt

from .receipt_factories import make_donation, make_fund, make_paid_donation


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 2


@pytest.fixture
def database_tasks(settings):
    """Production's queue: tasks stored in the database, run by `manage.py db_worker`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def receipt_tasks():
    # Other apps may queue their own tasks when a gift is paid; only ours count here.
    return DBTaskResult.objects.filter(task_path="donations.tasks.send_receipt")


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


@pytest.mark.django_db
def test_receipt_is_sent_once_however_often_the_task_runs(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        donation = make_paid_donation(make_fund())
    assert len(mail.outbox) == 1

    result = send_receipt.enqueue(donation.pk)
    assert result.return_value == "skipped"
    assert send_receipt.call(donation.pk) == "skipped"
    # Paying again is a no-op: no second transition, no second email.
    with django_capture_on_commit_callbacks(execute=True):
        assert donation.mark_paid() is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_nothing_is_sent_before_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_paid_donation(make_fund())
    assert mail.outbox == []
    for callback in callbacks:  # the commit
        callback()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_no_email_without_an_address_or_when_voided(django_capture_on_commit_callbacks):
    fund = make_fund()
    with django_capture_on_commit_callbacks(execute=True):
        no_address = make_paid_donation(fund, donor_email="")
    assert mail.outbox == []
    assert Donation.objects.get(pk=no_address.pk).receipt_emailed_at is None

    with django_capture_on_commit_callbacks(execute=False):
        refunded = make_paid_donation(fund)
        refunded.change_status(Donation.Status.REFUNDED, refunded_at=timezone.now())
    assert send_receipt.call(refunded.pk) == "skipped"
    assert mail.outbox == []
    assert send_receipt.call(make_donation(fund).pk) == "skipped"  # not paid


@pytest.mark.django_db
def test_a_claim_held_by_another_worker_is_respected(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        donation = make_paid_donation(make_fund())
    Donation.objects.filter(pk=donation.pk).update(receipt_emailed_at=timezone.now())
    assert send_receipt.call(donation.pk) == "skipped"
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_mail_server_down_schedules_a_retry_and_sends_once_it_is_back(
    settings, database_tasks, mail_server_down
):
    donation = make_paid_donation(make_fund())  # commits: the task is now queued
    [queued] = receipt_tasks()

    run_worker()

    assert mail.outbox == []
    donation.refresh_from_db()
    assert donation.receipt_emailed_at is None, "the claim is given back"
    failed = DBTaskResult.objects.get(pk=queued.pk)
    assert failed.status == "FAILED"
    [retry] = receipt_tasks().filter(status="READY")
    assert retry.args_kwargs == {"args": [donation.pk], "kwargs": {"attempt": 2}}
    assert retry.run_after > timezone.now() + retry_delay(1) - timedelta(seconds=30)
    # Not yet due: a worker leaves it alone.
    run_worker()
    assert DBTaskResult.objects.get(pk=retry.pk).status == "READY"

    # The mail server is back and the back-off has passed.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()

    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert len(mail.outbox) == 1
    assert donation.receipt_number in mail.outbox[0].subject
    donation.refresh_from_db()
    assert donation.receipt_emailed_at is not None

    # A late duplicate, or the safety-net command, sends nothing more.
    send_receipt.enqueue(donation.pk)
    call_command("send_pending_receipts", verbosity=0)
    run_worker()
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_retries_are_bounded(database_tasks, mail_server_down):
    donation = make_paid_donation(make_fund())
    receipt_tasks().delete()

    with pytest.raises(OSError):
        send_receipt.call(donation.pk, attempt=RECEIPT_MAX_ATTEMPTS)

    assert not receipt_tasks().exists(), "no retry after the last attempt"
    assert retry_delay(1) < retry_delay(2) < retry_delay(3)


@pytest.mark.django_db(transaction=True)
def test_send_pending_receipts_sends_what_is_owed(settings, mail_server_down):
    # Immediate backend (as in development): the failure cannot be retried later.
    donation = make_paid_donation(make_fund())
    assert mail.outbox == []
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    call_command("send_pending_receipts", verbosity=0)
    call_command("send_pending_receipts", verbosity=0)

    assert len(mail.outbox) == 1
    assert Donation.objects.get(pk=donation.pk).receipt_emailed_at is not None


@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_send_one_email():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite's in-memory test database is not shared")
    donation = make_paid_donation(make_fund())  # commits, so its receipt goes out at once
    Donation.objects.filter(pk=donation.pk).update(receipt_emailed_at=None)
    mail.outbox.clear()
    barrier = threading.Barrier(8)
    results = []

    def worker():
        from django.db import connections

        barrier.wait()
        try:
            results.append(send_receipt.call(donation.pk))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == ["sent"] + ["skipped"] * 7
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_refund_voids_the_receipt_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        donation = make_paid_donation(make_fund())
    with django_capture_on_commit_callbacks(execute=True):
        donation.change_status(Donation.Status.REFUNDED, refunded_at=timezone.now())
    donation.refresh_from_db()
    voided_at = donation.receipt_voided_at
    assert voided_at is not None
    assert donation.receipt_number, "the number stays: numbering is gapless"
    assert len(mail.outbox) == 2  # the receipt, then the refund note

    # A second refund event changes nothing and sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        donation.change_status(Donation.Status.REFUNDED)
    donation.refresh_from_db()
    assert donation.receipt_voided_at == voided_at
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_refund_before_the_receipt_went_out_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        donation = make_paid_donation(make_fund(), donor_email="")
        donation.change_status(Donation.Status.REFUNDED, refunded_at=timezone.now())
    donation.refresh_from_db()
    assert donation.receipt_voided_at is not None
    assert mail.outbox == []
