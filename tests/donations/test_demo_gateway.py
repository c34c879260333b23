"""The demo gateway: bannered, completes through the webhook's fulfilment, 404 when off."""

import re

import pytest

from donations.donor_links import donation_token
from donations.models import Donation


@pytest.fixture
def demo(settings, db):
    settings.DONATIONS_DEMO_GATEWAY = True
    settings.STRIPE_SECRET_KEY = ""
    return settings


BANNERS = {
    "ky": "Demo: no real payment",
    "ru": "Demo: no real payment",
    "en": "Demo: no real payment",
}


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
@pytest.mark.parametrize("frequency", ["one_time", "monthly"])
def test_demo_gift_completes_like_a_webhook(client, donate_url, gift, demo, language, frequency):
    response = client.post(donate_url(language), gift(frequency=frequency))
    assert response.status_code == 303
    demo_url = response["Location"]
    assert f"/{language}/" in demo_url and "/demo-checkout/" in demo_url

    page = client.get(demo_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'<html lang="{language}"' in html
    assert "demo-banner" in html
    if language == "en":
        assert "Demo: no real payment" in html

    paid = client.post(demo_url, {"pay": "1"})
    assert paid.status_code == 303
    assert "/thank-you/" in paid["Location"]
    donation = Donation.objects.get(parent=None)
    assert donation.status == Donation.Status.PAID
    assert re.fullmatch(r"\d{4}-\d{6}", donation.receipt_number)
    assert donation.language == language
    if frequency == "monthly":
        assert donation.stripe_subscription_id.startswith("sub_demo_")
        assert donation.stripe_invoice_id.startswith("in_demo_")
    else:
        assert donation.stripe_payment_intent_id.startswith("pi_demo_")
    assert Donation.objects.count() == 1  # the first instalment is the gift itself

    thanks = client.get(paid["Location"])
    assert donation.receipt_number in thanks.content.decode()

    # Paying twice changes nothing.
    client.post(demo_url, {"pay": "1"})
    assert Donation.objects.count() == 1


def test_demo_cancel(client, donate_url, gift, demo):
    demo_url = client.post(donate_url("en"), gift())["Location"]
    response = client.post(demo_url, {"cancel": "1"})
    assert response.status_code == 303
    assert "/cancelled/" in response["Location"]
    assert Donation.objects.get().status == Donation.Status.CANCELLED


def test_demo_gateway_is_404_when_off(client, donate_url, gift, demo, settings):
    demo_url = client.post(donate_url("en"), gift())["Location"]
    settings.DONATIONS_DEMO_GATEWAY = False
    assert client.get(demo_url).status_code == 404
    assert client.post(demo_url, {"pay": "1"}).status_code == 404
    assert Donation.objects.get().status == Donation.Status.PENDING


def test_demo_cannot_pay_a_real_stripe_donation(client, donate_url, gift, stripe_double, settings):
    client.post(donate_url("en"), gift())
    donation = Donation.objects.get()
    settings.DONATIONS_DEMO_GATEWAY = True
    url = donate_url("en") + f"demo-checkout/{donation_token(donation)}/"
    assert client.post(url, {"pay": "1"}).status_code == 404
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PENDING
