from core.demo import DemoContext
from donations.models import Donation, Fund
from local_giving import elqr
from local_giving.demo import load_local_giving
from local_giving.models import PLACEHOLDER, BankAccount


def test_demo_step_is_idempotent_and_invents_no_account(locales):
    ctx = DemoContext()
    load_local_giving(ctx)
    assert set(Fund.objects.values_list("slug", flat=True)) == {
        "where-most-needed",
        "family-strengthening",
    }
    assert all(
        account.account == PLACEHOLDER and not account.is_configured
        for account in BankAccount.objects.all()
    )
    # The demo KGS code verifies and names a payee that cannot exist.
    demo_code = BankAccount.objects.get(currency="KGS").elqr_payload()
    assert demo_code.provider.endswith(".invalid") and set(demo_code.recipient) == {"0"}
    assert "DEMO" in demo_code.payee_name and demo_code.currency == elqr.KGS
    paid = Donation.objects.filter(status=Donation.Status.PAID)
    channels = set(paid.values_list("channel", flat=True))
    assert channels == {"card", "bank_transfer", "qr"}
    confirmed = paid.exclude(channel="card")
    assert all(d.reference_code and d.received_on and d.receipt_number for d in confirmed)
    assert confirmed.filter(amount__lt=models_pledged()).exists()
    numbers = sorted(paid.values_list("receipt_number", flat=True))
    assert len(set(numbers)) == len(numbers)

    before = Donation.objects.count()
    again = DemoContext()
    load_local_giving(again)
    assert Donation.objects.count() == before
    assert BankAccount.objects.count() == 3
    assert not any(key.startswith(("demo", "funds", "bank")) for key in again.created)


def models_pledged():
    from django.db.models import F

    return F("pledged_amount")
