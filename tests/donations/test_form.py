"""The donate form: GET, validation of every rule, values kept, never a 500."""

import re
from decimal import Decimal

from django.test import Client

import pytest

from donations.forms import parse_amount
from donations.models import Donation


def test_form_page_shows_funds_presets_and_may_be_shared(client, donate_url):
    response = client.get(donate_url("en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Where most needed" in html
    assert "Family strengthening" in html
    assert "Closed" not in html
    # every currency's presets, each in its fieldset
    assert 'data-currency="KGS"' in html and 'data-currency="USD"' in html
    assert "1,000\xa0KGS" in html or "1 000\xa0KGS" in html or "1,000 KGS" in html
    # The blank form is the same for every visitor: no CSRF token, no private headers.
    assert "csrfmiddlewaretoken" not in html
    assert "Set-Cookie" not in response.headers and not response.cookies
    assert "no-store" not in response.get("Cache-Control", "")
    # The default fund is checked first.
    general_pos = html.index("Where most needed")
    assert general_pos < html.index("Family strengthening")


def test_form_in_kyrgyz_uses_kyrgyz_fund_names(client, donate_url):
    response = client.get(donate_url("ky"))
    assert "Эң керектүү жерге" in response.content.decode()


FORM_ACTION = re.compile(r'<form class="donate-form" method="post" action="([^"]+)"')


def review_url(client, url):
    """Where the form on the page at ``url`` sends its first POST."""
    return FORM_ACTION.search(client.get(url).content.decode()).group(1)


def test_review_step_needs_no_token_and_hands_one_out(donate_url, gift):
    client = Client(enforce_csrf_checks=True)
    action = review_url(client, donate_url("ru"))
    assert action.startswith("/ru/")

    response = client.post(action, gift(confirm=None))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Пожалуйста, проверьте данные пожертвования" in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert token and "no-store" in response["Cache-Control"]
    assert Donation.objects.count() == 0
    # The confirm button posts to the page itself, with the token.
    confirm_form = html.split('name="csrfmiddlewaretoken"')[0].rsplit("<form", 1)[1]
    assert f'action="{donate_url("ru")}"' in confirm_form


def test_review_step_never_creates_a_donation_even_when_told_to_confirm(donate_url, gift):
    client = Client(enforce_csrf_checks=True)
    action = review_url(client, donate_url("en"))

    response = client.post(action, gift())  # "confirm": "1", no token

    assert response.status_code == 200
    assert 'name="confirm"' in response.content.decode()
    assert Donation.objects.count() == 0


def test_confirm_without_the_reviews_token_is_refused(donate_url, gift):
    client = Client(enforce_csrf_checks=True)

    response = client.post(donate_url("en"), gift())

    assert response.status_code == 403
    assert Donation.objects.count() == 0


def test_confirm_with_the_reviews_token_starts_the_gift(donate_url, gift, stripe_double):
    client = Client(enforce_csrf_checks=True)
    review = client.post(review_url(client, donate_url("en")), gift(confirm=None))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', review.content.decode())

    response = client.post(donate_url("en"), gift(csrfmiddlewaretoken=token.group(1)))

    assert response.status_code == 303
    assert Donation.objects.count() == 1


def test_review_step_with_bad_input_is_a_400_with_values_kept(client, donate_url, gift):
    action = review_url(client, donate_url("en"))

    response = client.post(action, gift(confirm=None, donor_email="not-an-email"))

    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="not-an-email"' in html
    assert "Айгүл Асанова" in html


def test_review_step_of_a_missing_or_unpublished_page_is_a_404(client, donate_pages, gift):
    page = donate_pages["en"]
    action = review_url(client, page.url)
    page.unpublish()

    assert client.post(action, gift(confirm=None)).status_code == 404
    assert client.post("/en/donate-review/999999/", gift(confirm=None)).status_code == 404


def test_review_step_by_get_goes_back_to_the_form(client, donate_url):
    action = review_url(client, donate_url("en"))

    response = client.get(action)

    assert response.status_code == 303
    assert response["Location"] == donate_url("en")


def test_valid_post_without_confirm_shows_summary(client, donate_url, gift):
    data = gift(confirm=None, frequency="monthly")
    response = client.post(donate_url("en"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "every month" in html
    assert "Where most needed" in html
    assert 'name="confirm"' in html
    assert Donation.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"preset": "", "custom_amount": ""}, "preset", "Choose an amount"),
        ({"preset": "", "custom_amount": "abc"}, "custom_amount", "as a number"),
        ({"preset": "", "custom_amount": "-5"}, "custom_amount", "as a number"),
        ({"preset": "", "custom_amount": "1e5"}, "custom_amount", "as a number"),
        ({"preset": "", "custom_amount": "99"}, "custom_amount", "smallest gift"),
        ({"preset": "", "custom_amount": "1 000 001"}, "custom_amount", "largest gift"),
        ({"preset": "", "custom_amount": "1 000,50"}, "custom_amount", "whole units"),
        (
            {"preset": "", "currency": "USD", "custom_amount": "12,505"},
            "custom_amount",
            "2 decimal",
        ),
        ({"preset": "", "currency": "USD", "custom_amount": "0,50"}, "custom_amount", "smallest"),
        ({"preset": "", "currency": "EUR", "custom_amount": "10001"}, "custom_amount", "largest"),
        ({"currency": "USD"}, "preset", "is in KGS"),
        ({"preset": "999999"}, "preset", "Choose one of the amounts"),
        ({"currency": "GBP"}, "currency", "Select a valid choice"),
        ({"frequency": "weekly"}, "frequency", "Select a valid choice"),
        ({"fund": "999999"}, "fund", "Choose one of the funds"),
        ({"fund": "closed"}, "fund", "Choose one of the funds"),
        ({"donor_email": "not-an-email"}, "donor_email", "valid email"),
        ({"donor_email": ""}, "donor_email", "required"),
        ({"donor_name": ""}, "donor_name", "required"),
        ({"donor_name": "x" * 201}, "donor_name", "at most 200"),
        ({"dedication": "x" * 301}, "dedication", "at most 300"),
        ({"payment_method": "bitcoin"}, "payment_method", "Select a valid choice"),
    ],
)
def test_bad_input_is_a_400_with_the_error_tied_to_its_field(
    client, donate_url, gift, funds, changes, field, message
):
    if changes.get("fund") == "closed":
        changes = {**changes, "fund": str(funds["closed"].pk)}
    response = client.post(donate_url("en"), gift(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html  # the summary at the top
    assert f'id="id_{field}_error"' in html
    assert message in html
    if field in ("donor_name", "donor_email", "custom_amount", "dedication"):
        assert 'aria-invalid="true"' in html
        assert f'aria-describedby="id_{field}_error' in html
    assert Donation.objects.count() == 0


def test_monthly_only_preset_refused_for_one_time(client, donate_url, gift, presets):
    data = gift(preset=str(presets["monthly-only"].pk))
    response = client.post(donate_url("en"), data)
    assert response.status_code == 400
    assert "monthly gifts only" in response.content.decode()


def test_values_are_kept_on_error(client, donate_url, gift):
    data = gift(
        donor_email="broken",
        donor_name="Мария Иванова",
        dedication="В память о бабушке",
        custom_amount="2 500",
        preset="",
        frequency="monthly",
        is_anonymous="on",
    )
    response = client.post(donate_url("ru"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Мария Иванова"' in html
    assert "В память о бабушке" in html
    assert 'value="2 500"' in html
    assert 'value="broken"' in html
    assert re.search(r'<input type="radio" name="frequency" value="monthly"[^>]*checked', html)
    assert re.search(r'<input type="checkbox" name="is_anonymous"[^>]*checked', html)
    assert 'id="donate-error-title"' in html


def test_errors_are_localized_per_language(client, donate_url, gift):
    response = client.post(donate_url("en"), gift(preset="", custom_amount="99"))
    assert "The smallest gift in KGS is 100" in response.content.decode()


def test_garbage_post_is_400_not_500(client, donate_url):
    response = client.post(donate_url("ky"), {"confirm": "1", "preset": ["a", "b"], "fund": "x"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1000", Decimal("1000")),
        ("1 000", Decimal("1000")),
        ("1\u00a0000", Decimal("1000")),
        ("12,50", Decimal("12.50")),
        ("12.50", Decimal("12.50")),
        ("1 000,50", Decimal("1000.50")),
        ("1,000.50", Decimal("1000.50")),
        ("1.000,50", Decimal("1000.50")),
        ("", None),
        ("abc", None),
        ("-1", None),
        ("1,2,3", None),
        ("NaN", None),
        ("Infinity", None),
    ],
)
def test_parse_amount(text, value):
    assert parse_amount(text) == value


def test_comma_decimals_accepted_for_usd(client, donate_url, gift, stripe_double):
    response = client.post(donate_url("en"), gift(preset="", currency="USD", custom_amount="12,50"))
    assert response.status_code == 303
    donation = Donation.objects.get()
    assert donation.amount == Decimal("12.50")
    assert donation.currency == "USD"
