"""The donate form offers KGS donors the bank app (ELQR QR payment link) as a way to give."""

import html as html_lib

from donations.models import Donation


def test_the_bank_app_is_offered_on_the_form(client, donate_url):
    html = client.get(donate_url("ru")).content.decode()
    assert 'value="bank_app"' in html
    assert "Приложение банка (QR), в сомах" in html


def test_the_review_step_names_the_bank_app(client, donate_url, gift):
    data = gift(payment_method="bank_app")
    del data["confirm"]
    html = html_lib.unescape(client.post(donate_url("en"), data).content.decode())
    assert "from your bank app" in html
    assert "Get the payment link and QR code" in html


def test_bank_app_gift_is_a_qr_pledge(client, donate_url, gift, stripe_double):
    response = client.post(donate_url("en"), gift(payment_method="bank_app"))
    assert response.status_code == 303
    donation = Donation.objects.get()
    assert donation.channel == Donation.Channel.QR
    assert donation.reference_code
    assert stripe_double.sessions == {}
    assert "/transfer/" in response["Location"]


def test_bank_app_is_for_som_only(client, donate_url, gift, presets):
    data = gift(payment_method="bank_app", currency="USD", preset=str(presets[("USD", "25")].pk))
    response = client.post(donate_url("en"), data)
    assert response.status_code == 400
    assert "for gifts in som (KGS)" in response.content.decode()
    assert not Donation.objects.exists()
