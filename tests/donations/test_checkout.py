"""Card gifts through the real stripe library against the Stripe double."""

import re
from decimal import Decimal

import pytest

from donations.checkout import create_checkout_session
from donations.models import Donation


def _session_request(double):
    requests = double.requests_to("POST", "/v1/checkout/sessions")
    assert requests, "no Checkout Session was requested"
    return requests[-1]


def test_one_time_gift_redirects_to_checkout(client, donate_url, gift, stripe_double, settings):
    response = client.post(donate_url("ru"), gift())
    assert response.status_code == 303
    donation = Donation.objects.get()
    session = stripe_double.only_session()
    assert response["Location"] == session["url"]
    assert donation.status == Donation.Status.PENDING
    assert donation.stripe_checkout_session_id == session["id"]
    assert donation.language == "ru"
    assert donation.amount == Decimal("1000.00")

    request = _session_request(stripe_double)
    params = request["params"]
    assert donation.attempt_key is not None
    assert request["idempotency_key"] == f"checkout-{donation.attempt_key}"
    assert request["stripe_version"] == settings.STRIPE_API_VERSION
    assert params["mode"] == "payment"
    assert params["submit_type"] == "donate"
    price = params["line_items"][0]["price_data"]
    assert price["currency"] == "kgs"
    assert price["unit_amount"] == "100000"  # KGS is two-decimal at Stripe
    assert "recurring" not in price
    assert "Где нужнее всего" in price["product_data"]["name"]
    assert params["client_reference_id"] == str(donation.public_id)
    assert params["metadata"] == {"donation_id": str(donation.public_id)}
    assert params["payment_intent_data"]["metadata"] == {"donation_id": str(donation.public_id)}
    assert params["customer_email"] == "aigul@example.org"
    assert params["locale"] == "ru"
    assert params["success_url"].startswith("http://testserver/ru/")
    assert "/thank-you/" in params["success_url"]
    assert params["cancel_url"].startswith("http://testserver/ru/")
    assert "/cancelled/" in params["cancel_url"]


def test_monthly_gift_is_a_subscription(client, donate_url, gift, stripe_double):
    data = gift(frequency="monthly", currency="USD", preset="", custom_amount="12,50")
    response = client.post(donate_url("en"), data)
    assert response.status_code == 303
    params = _session_request(stripe_double)["params"]
    donation = Donation.objects.get()
    assert donation.frequency == Donation.Frequency.MONTHLY
    assert params["mode"] == "subscription"
    price = params["line_items"][0]["price_data"]
    assert price == {
        "currency": "usd",
        "unit_amount": "1250",
        "product_data": {"name": "Monthly gift: Where most needed"},
        "recurring": {"interval": "month"},
    }
    assert params["subscription_data"]["metadata"]["donation_id"] == str(donation.public_id)
    assert params["locale"] == "en"
    assert "submit_type" not in params


def test_kyrgyz_page_uses_russian_checkout(client, donate_url, gift, stripe_double):
    client.post(donate_url("ky"), gift())
    params = _session_request(stripe_double)["params"]
    assert params["locale"] == "ru"
    assert params["success_url"].startswith("http://testserver/ky/")
    assert "Эң керектүү жерге" in params["line_items"][0]["price_data"]["product_data"]["name"]


def test_urls_use_the_request_host_not_user_input(client, donate_url, gift, stripe_double):
    data = gift(success_url="https://evil.example/", next="https://evil.example/")
    client.post(donate_url("en"), data, HTTP_HOST="sos.example.org")
    params = _session_request(stripe_double)["params"]
    assert params["success_url"].startswith("http://sos.example.org/en/")
    assert "evil" not in params["success_url"] + params["cancel_url"]


@pytest.mark.parametrize("mode", ["500", "timeout", "drop"])
def test_stripe_failure_apologises_keeps_form_and_retry_reuses_donation(
    client, donate_url, gift, stripe_double, mode
):
    stripe_double.fail(mode)
    data = gift(dedication="Чоң энемдин элесине")
    response = client.post(donate_url("ky"), data)
    assert response.status_code == 503
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Чоң энемдин элесине" in html  # the form intact (hidden inputs)
    donation = Donation.objects.get()
    assert donation.status == Donation.Status.PENDING
    assert stripe_double.sessions == {}
    attempt = re.search(r'name="attempt" value="([^"]+)"', html).group(1)

    stripe_double.recover()
    response = client.post(donate_url("ky"), {**data, "attempt": attempt})
    assert response.status_code == 303
    assert Donation.objects.count() == 1
    assert len(stripe_double.sessions) == 1
    keys = {
        r["idempotency_key"] for r in stripe_double.requests_to("POST", "/v1/checkout/sessions")
    }
    assert keys == {f"checkout-{donation.attempt_key}"}


def test_stripe_failure_message_in_english(client, donate_url, gift, stripe_double):
    stripe_double.fail("500")
    response = client.post(donate_url("en"), gift())
    assert response.status_code == 503
    assert "the payment service did not answer" in response.content.decode()


def test_retry_with_changed_gift_is_refused_and_reviewed_again(
    client, donate_url, gift, stripe_double
):
    stripe_double.fail("500")
    response = client.post(donate_url("en"), gift())
    attempt = re.search(r'name="attempt" value="([^"]+)"', response.content.decode()).group(1)
    stripe_double.recover()
    changed = gift(preset="", custom_amount="700", attempt=attempt)
    response = client.post(donate_url("en"), changed)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Your gift changed after you checked it" in html
    assert "700" in html  # the review of what was posted, values kept
    fresh = re.search(r'name="attempt" value="([^"]+)"', html).group(1)
    assert fresh != attempt
    assert Donation.objects.count() == 1
    assert stripe_double.sessions == {}

    assert client.post(donate_url("en"), {**changed, "attempt": fresh}).status_code == 303
    assert Donation.objects.count() == 2
    assert Donation.objects.filter(amount=Decimal("700")).exists()


def test_forged_attempt_token_is_refused(client, donate_url, gift, stripe_double, pending_donation):
    other = pending_donation()
    response = client.post(donate_url("en"), gift(attempt=f"{other.public_id.hex}:forged"))
    assert response.status_code == 400
    assert "We could not read this confirmation" in response.content.decode()
    assert Donation.objects.count() == 1
    assert stripe_double.sessions == {}


def test_same_donation_twice_gives_one_session(pending_donation, stripe_double):
    donation = pending_donation()
    urls = {
        create_checkout_session(
            donation, success_url="http://testserver/ky/s/", cancel_url="http://testserver/ky/c/"
        )
        for _ in range(3)
    }
    assert len(urls) == 1
    assert len(stripe_double.sessions) == 1


def test_no_stripe_key_and_no_demo_is_an_apology(client, donate_url, gift, settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.DONATIONS_DEMO_GATEWAY = False
    response = client.post(donate_url("en"), gift())
    assert response.status_code == 503
    assert "Card payments are not available" in response.content.decode()
    assert Donation.objects.count() == 0


def test_thank_you_page_shows_status_and_marks_nothing_paid(
    client, donate_url, gift, stripe_double
):
    client.post(donate_url("en"), gift())
    success_url = _session_request(stripe_double)["params"]["success_url"]
    response = client.get(success_url)
    assert response.status_code == 200, success_url
    assert "We are confirming your gift" in response.content.decode()
    donation = Donation.objects.get()
    assert donation.status == Donation.Status.PENDING
    assert donation.receipt_number is None

    donation.mark_paid()
    response = client.get(success_url)
    html = response.content.decode()
    assert donation.receipt_number in html
    assert "no-store" in response["Cache-Control"]


def test_thank_you_in_russian(client, donate_url, gift, stripe_double):
    client.post(donate_url("ru"), gift())
    success_url = _session_request(stripe_double)["params"]["success_url"]
    response = client.get(success_url)
    assert response.status_code == 200
    assert '<html lang="ru"' in response.content.decode()


def test_thank_you_with_a_bad_token_is_404(client, donate_url, donate_pages):
    assert client.get(donate_url("en") + "thank-you/nonsense/").status_code == 404
    assert client.get(donate_url("en") + "cancelled/nonsense/").status_code == 404


def test_cancel_page(client, donate_url, gift, stripe_double):
    client.post(donate_url("en"), gift())
    cancel_url = _session_request(stripe_double)["params"]["cancel_url"]
    response = client.get(cancel_url)
    assert response.status_code == 200
    assert "Nothing has been charged" in response.content.decode()
    assert Donation.objects.get().status == Donation.Status.PENDING


def test_transfer_goes_to_the_pledge_page(client, donate_url, gift, stripe_double):
    response = client.post(donate_url("en"), gift(payment_method="transfer"))
    assert response.status_code == 303
    donation = Donation.objects.get()
    assert donation.channel == Donation.Channel.BANK_TRANSFER
    assert donation.reference_code
    assert stripe_double.sessions == {}
    assert "/transfer/" in response["Location"]
