"""One review -> at most one donation and one Checkout Session (or one pledge), however
often and however fast the donor confirms it: double taps, resent POSTs, Back and confirm.

Sequential cases run on SQLite and PostgreSQL; the concurrent ones (real threads, real
row locks) on PostgreSQL only, like tests/donations/test_concurrency.py.
"""

import re
import time

from django.core import signing
from django.db import connection
from django.test import Client

import pytest

from donations import attempts
from donations.models import Donation
from tests.threads import run_together

ATTEMPT = re.compile(r'name="attempt" value="([^"]+)"')
FORM_ACTION = re.compile(r'<form class="donate-form" method="post" action="([^"]+)"')
THREADS = 10


def review(client, donate_url, data, language="en"):
    """Post the form to its review step, as the browser does; the confirm POST data."""
    action = FORM_ACTION.search(client.get(donate_url(language)).content.decode()).group(1)
    response = client.post(action, {k: v for k, v in data.items() if k != "confirm"})
    assert response.status_code == 200, response.content.decode()[:500]
    return {**data, "confirm": "1", "attempt": ATTEMPT.search(response.content.decode()).group(1)}


def session_requests(double):
    return double.requests_to("POST", "/v1/checkout/sessions")


# Sequential: SQLite and PostgreSQL -------------------------------------------------------


def test_a_review_confirmed_three_times_is_one_gift_and_one_session(
    client, donate_url, gift, stripe_double
):
    confirm = review(client, donate_url, gift())

    locations = {client.post(donate_url("en"), confirm)["Location"] for _ in range(3)}

    donation = Donation.objects.get()
    session = stripe_double.only_session()
    assert locations == {session["url"]}
    assert donation.stripe_checkout_session_id == session["id"]
    assert {r["idempotency_key"] for r in session_requests(stripe_double)} == {
        f"checkout-{donation.attempt_key}"
    }


def test_back_and_confirm_again_is_the_same_gift_a_new_review_is_a_new_one(
    client, donate_url, gift, stripe_double
):
    confirm = review(client, donate_url, gift())
    first = client.post(donate_url("en"), confirm)
    # Back from Checkout shows the review page again; the donor confirms once more.
    again = client.post(donate_url("en"), confirm)
    assert first.status_code == again.status_code == 303
    assert again["Location"] == first["Location"]
    assert Donation.objects.count() == 1

    # "Change my gift", a new amount, a new review: a gift of its own.
    changed = review(client, donate_url, gift(preset="", custom_amount="700"))
    assert changed["attempt"] != confirm["attempt"]
    third = client.post(donate_url("en"), changed)
    assert third.status_code == 303
    assert third["Location"] != first["Location"]
    assert sorted(Donation.objects.values_list("amount", flat=True)) == [700, 1000]
    assert len(stripe_double.sessions) == 2


def test_the_key_of_one_review_does_not_start_another_gift(client, donate_url, gift, stripe_double):
    confirm = review(client, donate_url, gift())
    client.post(donate_url("en"), confirm)

    response = client.post(donate_url("en"), {**confirm, "donor_email": "other@example.org"})

    assert response.status_code == 409
    html = response.content.decode()
    assert "Your gift changed after you checked it" in html
    assert "other@example.org" in html  # what was posted is kept for the new review
    assert Donation.objects.count() == 1
    assert len(stripe_double.sessions) == 1


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ky", "Бул ырастоо бир күндөн эски"),
        ("ru", "Этому подтверждению больше суток"),
        ("en", "This confirmation is more than a day old"),
    ],
)
def test_a_review_older_than_a_day_is_reviewed_again(
    client, donate_url, gift, stripe_double, monkeypatch, language, message
):
    # The key comes from the real review step; only the clock it reads is a day back.
    day_ago = time.time() - attempts.MAX_AGE - 60
    with monkeypatch.context() as patched:
        patched.setattr(signing.time, "time", lambda: day_ago)
        confirm = review(client, donate_url, gift(), language)

    response = client.post(donate_url(language), confirm)

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert ATTEMPT.search(html).group(1) != confirm["attempt"]
    assert Donation.objects.count() == 0


def test_confirming_again_after_paying_shows_the_thank_you_page(
    client, donate_url, gift, stripe_double
):
    confirm = review(client, donate_url, gift())
    client.post(donate_url("en"), confirm)
    Donation.objects.get().mark_paid()

    response = client.post(donate_url("en"), confirm)

    assert response.status_code == 303
    assert "/thank-you/" in response["Location"]
    assert Donation.objects.count() == 1
    assert len(session_requests(stripe_double)) == 1
    thanks = client.get(response["Location"])
    assert Donation.objects.get().receipt_number in thanks.content.decode()


def test_a_pledge_confirmed_twice_is_one_reference(client, donate_url, gift):
    confirm = review(client, donate_url, gift(payment_method="transfer"))

    first = client.post(donate_url("en"), confirm)
    second = client.post(donate_url("en"), confirm)

    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    pledge = Donation.objects.get()
    assert pledge.reference_code
    assert pledge.attempt_key is not None


# Concurrent: PostgreSQL ------------------------------------------------------------------


@pytest.fixture
def postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://...")


def confirm_at_once(url, confirm):
    def post(_i):
        response = Client().post(url, confirm)
        return response.status_code, response["Location"]

    return run_together(THREADS, post)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # Wagtail's root page survives
def test_ten_simultaneous_confirms_of_one_review_make_one_gift(
    postgres, donate_url, gift, stripe_double
):
    confirm = review(Client(), donate_url, gift(), "ru")

    results = confirm_at_once(donate_url("ru"), confirm)

    session = stripe_double.only_session()
    assert results == [(303, session["url"])] * THREADS
    donation = Donation.objects.get()
    assert donation.stripe_checkout_session_id == session["id"]
    assert {r["idempotency_key"] for r in session_requests(stripe_double)} == {
        f"checkout-{donation.attempt_key}"
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # Wagtail's root page survives
def test_ten_simultaneous_confirms_of_one_pledge_make_one_reference(postgres, donate_url, gift):
    confirm = review(Client(), donate_url, gift(payment_method="transfer"), "ky")

    results = confirm_at_once(donate_url("ky"), confirm)

    pledge = Donation.objects.get()
    assert pledge.reference_code
    assert len({location for _status, location in results}) == 1
    assert {status for status, _location in results} == {303}
