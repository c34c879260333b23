"""manage.py forget_donor EMAIL: personal data gone, accounting record and receipt kept."""

import logging
from datetime import date
from decimal import Decimal
from io import StringIO

from django.core.management import call_command

from core.logs import RedactingFilter
from donations.models import Donation, StripeEvent
from local_giving.models import StatementFormat, StatementImport, StatementLine
from tests.stripe_double import events as stripe_events

EMAIL = "Aigul.Asanova@Example.org"


def _forget(email=EMAIL):
    out = StringIO()
    call_command("forget_donor", email, stdout=out)
    return out.getvalue()


def _paid_card_gift(client, donate_url, gift, stripe_double, webhook, **changes):
    data = gift(donor_name="Айгүл Асанова", donor_email=EMAIL.lower(), **changes)
    data.setdefault("dedication", "Апамдын элесине")
    assert client.post(donate_url("en"), data).status_code == 303
    donation = Donation.objects.latest("pk")
    session = stripe_double.complete_session(donation.stripe_checkout_session_id)
    assert webhook(stripe_events.event("checkout.session.completed", session)).status_code == 200
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID
    return donation


def test_forget_donor_keeps_the_books_and_removes_the_person(
    client, donate_url, gift, stripe_double, webhook, pending_donation, funds
):
    paid = _paid_card_gift(client, donate_url, gift, stripe_double, webhook)
    assert paid.stripe_customer_id and paid.receipt_number
    other_case = pending_donation(donor_email="AIGUL.ASANOVA@example.ORG", donor_name="Айгүл")
    someone_else = pending_donation(donor_email="bakyt@example.org", donor_name="Бакыт")
    before = Donation.objects.values().get(pk=paid.pk)

    output = _forget()

    assert "2 donation(s)" in output
    assert "A***@Example.org" in output
    assert EMAIL not in output and EMAIL.lower() not in output
    for donation in (paid, other_case):
        donation.refresh_from_db()
        assert donation.donor_name == ""
        assert donation.donor_email == ""
        assert donation.dedication == ""
        assert donation.stripe_customer_id == ""
        assert donation.is_anonymous is True
    after = Donation.objects.values().get(pk=paid.pk)
    for kept in (
        "amount",
        "currency",
        "fund_id",
        "created_at",
        "paid_at",
        "status",
        "receipt_number",
        "channel",
        "stripe_checkout_session_id",
        "stripe_payment_intent_id",
        "public_id",
    ):
        assert after[kept] == before[kept], kept
    someone_else.refresh_from_db()
    assert someone_else.donor_email == "bakyt@example.org"
    assert someone_else.donor_name == "Бакыт"

    # The stored webhook payload no longer names the donor.
    payloads = str(list(StripeEvent.objects.values_list("payload", flat=True)))
    assert "aigul" not in payloads.lower()
    assert paid.stripe_checkout_session_id in payloads  # the event itself is kept


def test_forget_donor_is_idempotent(client, donate_url, gift, stripe_double, webhook):
    paid = _paid_card_gift(client, donate_url, gift, stripe_double, webhook)
    _forget()
    first = Donation.objects.values().get(pk=paid.pk)
    output = _forget()
    assert "nothing changed" in output
    assert EMAIL not in output
    assert Donation.objects.values().get(pk=paid.pk) == first


def test_unknown_email_changes_nothing(pending_donation):
    donation = pending_donation()
    assert "nothing changed" in _forget("nobody@example.org")
    donation.refresh_from_db()
    assert donation.donor_email == "aigul@example.org"


def test_monthly_instalments_are_forgotten_with_their_gift(pending_donation):
    monthly = pending_donation(donor_email=EMAIL, frequency="monthly")
    instalment = pending_donation(donor_email="", parent=monthly, donor_name="Айгүл Асанова")
    _forget()
    instalment.refresh_from_db()
    assert instalment.donor_name == "" and instalment.is_anonymous


def test_matched_bank_statement_lines_lose_the_payer(pending_donation, funds):
    pledge = pending_donation(
        donor_email=EMAIL,
        donor_name="Айгүл Асанова",
        channel="bank_transfer",
        reference_code="SOS-TEST-0001",
    )
    stranger = pending_donation(donor_email="bakyt@example.org", reference_code="SOS-TEST-0002")
    statement_format = StatementFormat.objects.create(
        name="Bank", date_column="d", amount_column="a", purpose_column="p"
    )
    imported = StatementImport.objects.create(statement_format=statement_format, file_name="x.csv")

    def line(number, donation, payer, purpose):
        return StatementLine.objects.create(
            statement_import=imported,
            line_number=number,
            transaction_key=f"k{number}",
            booked_on=date(2026, 11, 1),
            amount=Decimal("1000"),
            currency="KGS",
            purpose=purpose,
            payer=payer,
            status=StatementLine.Status.MATCHED,
            donation=donation,
        )

    mine = line(1, pledge, "АСАНОВА АЙГҮЛ", "SOS-TEST-0001 Айгүл Асанова кайрымдуулук")
    theirs = line(2, stranger, "Бакыт", "SOS-TEST-0002 Бакыт")

    assert "1 bank statement line(s)" in _forget()
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.payer == ""
    assert "Айгүл" not in mine.purpose and "SOS-TEST-0001" in mine.purpose
    assert mine.amount == Decimal("1000") and mine.donation_id == pledge.pk
    assert theirs.payer == "Бакыт"


def test_logs_never_contain_the_full_email(pending_donation, caplog):
    pending_donation(donor_email=EMAIL)
    caplog.set_level(logging.INFO, logger="donations")
    _forget()
    records = [r for r in caplog.records if r.name.startswith("donations")]
    assert records
    for record in records:
        RedactingFilter().filter(record)
        assert EMAIL.lower() not in record.getMessage().lower()
    # Our own message is masked even before the production filter runs.
    assert any("A***@Example.org" in r.getMessage() for r in records)
