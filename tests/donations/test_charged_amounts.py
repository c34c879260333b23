"""What Stripe charged is what the ledger says: recorded, compared with the pledge, flagged."""

from decimal import Decimal

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest

from donations.checkout import create_checkout_session
from donations.dashboard import month_totals
from donations.models import Donation
from donations.receipts import format_amount
from tests.stripe_double.events import event

URLS = {"success_url": "https://example.org/thanks", "cancel_url": "https://example.org/back"}


@pytest.fixture
def paid_through_webhook(stripe_double, webhook, django_capture_on_commit_callbacks):
    """Pay ``donation`` in the double (optionally charging otherwise) and deliver the event."""

    def pay(donation, **charge):
        create_checkout_session(donation, **URLS)
        session = stripe_double.complete_session(donation.stripe_checkout_session_id, **charge)
        with django_capture_on_commit_callbacks(execute=True):
            assert webhook(event("checkout.session.completed", session)).status_code == 200
        donation.refresh_from_db()
        return donation

    return pay


def test_a_charge_as_pledged_is_recorded_and_not_flagged(pending_donation, paid_through_webhook):
    donation = paid_through_webhook(pending_donation())
    assert donation.status == Donation.Status.PAID
    assert (donation.charged_amount, donation.charged_currency) == (Decimal("1000.00"), "KGS")
    assert donation.charge_differs is False
    assert donation.pledged_amount is None


def test_another_amount_is_kept_beside_the_pledge_and_counted_as_charged(
    pending_donation, paid_through_webhook
):
    donation = paid_through_webhook(pending_donation(language="en"), amount_total=150000)

    assert donation.status == Donation.Status.PAID
    assert donation.charge_differs is True
    assert (donation.amount, donation.currency) == (Decimal("1500.00"), "KGS")
    assert (donation.pledged_amount, donation.pledged_currency) == (Decimal("1000.00"), "KGS")
    assert (donation.charged_amount, donation.charged_currency) == (Decimal("1500.00"), "KGS")
    # Totals and the receipt say what the donor actually paid.
    [row] = month_totals()["per_currency"]
    assert (row["currency"], row["total"]) == ("KGS", Decimal("1500.00"))
    [receipt] = mail.outbox
    with translation.override("en"):
        assert format_amount(Decimal("1500"), "KGS") in receipt.body


def test_another_currency_is_kept_and_flagged(pending_donation, paid_through_webhook):
    donation = paid_through_webhook(pending_donation(), amount_total=2500, currency="usd")
    assert donation.charge_differs is True
    assert (donation.amount, donation.currency) == (Decimal("25.00"), "USD")
    assert (donation.pledged_amount, donation.pledged_currency) == (Decimal("1000.00"), "KGS")


def test_an_instalment_charged_otherwise_is_flagged(
    stripe_double, webhook, pending_donation, paid_through_webhook
):
    original = paid_through_webhook(pending_donation(frequency="monthly"))
    assert original.charge_differs is False
    session = stripe_double.sessions[original.stripe_checkout_session_id]
    invoice = stripe_double.pay_invoice(session, amount=120000)

    assert webhook(event("invoice.paid", stripe_double.public_invoice(invoice))).status_code == 200

    instalment = original.instalments.get()
    assert instalment.status == Donation.Status.PAID
    assert instalment.charge_differs is True
    assert instalment.amount == Decimal("1200.00")
    assert instalment.pledged_amount == Decimal("1000.00")


@pytest.fixture
def finance_client(client, django_user_model):
    user = django_user_model.objects.create_user("finance", "finance@example.org", "pw")
    user.groups.add(Group.objects.get(name="Donations"))
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_staff_find_flagged_gifts_in_the_ledger_and_on_the_dashboard(
    pending_donation, paid_through_webhook, finance_client
):
    as_pledged = paid_through_webhook(pending_donation(donor_email="one@example.org"))
    charged_more = paid_through_webhook(
        pending_donation(donor_email="two@example.org"), amount_total=150000
    )

    listing = finance_client.get(reverse("donations_ledger:index"), {"charge_differs": "true"})
    content = listing.content.decode()
    assert charged_more.receipt_number in content
    assert as_pledged.receipt_number not in content

    dashboard = finance_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Stripe charged 1 gift differently than pledged." in dashboard
    assert "?charge_differs=true" in dashboard
