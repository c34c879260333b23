import datetime
from decimal import Decimal

from django.core import mail
from django.utils import timezone

import pytest

from donations.models import Donation
from local_giving.services import TransferError, confirm_transfer


def test_confirm_records_the_amount_received(make_pledge, finance_user, yesterday):
    pledge = make_pledge()
    donation = confirm_transfer(
        pledge.reference_code.lower().replace("-", " "),
        Decimal("800"),
        yesterday,
        finance_user,
        Donation.Channel.QR,
    )
    donation.refresh_from_db()
    assert donation.pk == pledge.pk
    assert donation.status == Donation.Status.PAID
    assert donation.amount == Decimal("800")
    assert donation.pledged_amount == Decimal("1000")
    assert donation.received_on == yesterday
    assert donation.confirmed_by == finance_user
    assert donation.channel == Donation.Channel.QR
    assert timezone.localtime(donation.paid_at).date() == yesterday
    assert donation.receipt_number.startswith(f"{yesterday.year}-")


@pytest.mark.django_db(transaction=True)
def test_confirmation_sends_the_receipt_in_the_donors_language(
    make_pledge, finance_user, yesterday
):
    pledge = make_pledge(language="ru")
    confirm_transfer(pledge.reference_code, Decimal("1000"), yesterday, finance_user)
    assert [message.to for message in mail.outbox] == [["aigul@example.org"]]


def test_offline_and_card_gifts_share_one_gapless_receipt_sequence(
    make_pledge, make_card_gift, finance_user
):
    today = timezone.localdate()
    now = timezone.now()
    first = make_card_gift(paid_at=now)
    pledge = make_pledge()
    second = confirm_transfer(pledge.reference_code, Decimal("1000"), today, finance_user)
    third = make_card_gift(paid_at=now)
    fourth = confirm_transfer(make_pledge().reference_code, Decimal("500"), today, finance_user)
    numbers = [d.receipt_number for d in (first, second, third, fourth)]
    year = timezone.localtime(now).year
    assert numbers == [f"{year}-{n:06d}" for n in range(1, 5)]


def test_a_failed_confirmation_takes_no_receipt_number(make_pledge, make_card_gift, finance_user):
    first = make_card_gift()
    pledge = make_pledge()
    with pytest.raises(TransferError):
        confirm_transfer(
            pledge.reference_code, Decimal("10"), timezone.localdate(), finance_user, currency="EUR"
        )
    second = make_card_gift()
    assert int(second.receipt_number[-6:]) == int(first.receipt_number[-6:]) + 1


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("SOS-2222-2222", "No pledge"),
        ("nonsense", "not a valid payment reference"),
        ("", "not a valid payment reference"),
    ],
)
def test_unknown_and_malformed_references_are_refused(reference, message, finance_user, db):
    code = "SOS-2222-222" if reference == "SOS-2222-2222" else None
    if code:
        from local_giving import references

        reference = code + references.check_character("2222222")
    with pytest.raises(TransferError, match=message):
        confirm_transfer(reference, Decimal("10"), timezone.localdate(), finance_user)


def test_wrong_currency_future_date_and_zero_amount_are_refused(make_pledge, finance_user):
    pledge = make_pledge()
    today = timezone.localdate()
    with pytest.raises(TransferError, match="Wrong currency"):
        confirm_transfer(pledge.reference_code, Decimal("10"), today, finance_user, currency="USD")
    with pytest.raises(TransferError, match="future"):
        confirm_transfer(pledge.reference_code, Decimal("10"), today + datetime.timedelta(days=2))
    with pytest.raises(TransferError, match="more than zero"):
        confirm_transfer(pledge.reference_code, Decimal("0"), today)
    pledge.refresh_from_db()
    assert pledge.status == Donation.Status.PENDING


def test_a_one_time_pledge_is_confirmed_once(make_pledge, finance_user):
    pledge = make_pledge()
    today = timezone.localdate()
    confirm_transfer(pledge.reference_code, Decimal("1000"), today, finance_user)
    with pytest.raises(TransferError, match="already confirmed"):
        confirm_transfer(pledge.reference_code, Decimal("1000"), today, finance_user)
    assert Donation.objects.filter(status=Donation.Status.PAID).count() == 1


def test_a_monthly_pledge_is_a_standing_order(make_pledge, finance_user):
    pledge = make_pledge(frequency=Donation.Frequency.MONTHLY, amount=Decimal("500"))
    today = timezone.localdate()
    first = confirm_transfer(
        pledge.reference_code, Decimal("500"), today - datetime.timedelta(days=31)
    )
    second = confirm_transfer(pledge.reference_code, Decimal("500"), today, finance_user)
    assert first.pk == pledge.pk and first.parent is None
    assert second.parent_id == pledge.pk
    assert second.reference_code is None
    assert second.status == Donation.Status.PAID
    assert second.receipt_number != first.receipt_number
    assert (second.fund, second.currency, second.donor_email) == (
        pledge.fund,
        "KGS",
        pledge.donor_email,
    )
    with pytest.raises(TransferError, match="already recorded"):
        confirm_transfer(pledge.reference_code, Decimal("500"), today, finance_user)
