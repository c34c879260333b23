"""What donors type, as the ledger keeps it: no bidi controls in names, amounts typed
with Arabic, Persian or full-width digits read as what they say (or refused, values kept).
"""

import io
from decimal import Decimal

from django.core import mail
from django.urls import reverse

import pytest
from pypdf import PdfReader

from donations.models import Donation

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def confirm(client, donate_url, gift, language="en", **changes):
    return client.post(donate_url(language), gift(**changes))


# Bidi controls -----------------------------------------------------------------------------


def test_bidi_controls_never_reach_the_ledger_admin_email_or_receipt(
    client, donate_url, gift, stripe_double, django_user_model, django_capture_on_commit_callbacks
):
    response = confirm(
        client,
        donate_url,
        gift,
        donor_name="Ali\u202egnp.exe \u2067Асель\u2069\u200f",
        dedication="\u202bЭнеме\u202c \u061cарналат",
    )
    assert response.status_code == 303

    donation = Donation.objects.get()
    assert donation.donor_name == "Alignp.exe Асель"
    assert donation.dedication == "Энеме арналат"
    with django_capture_on_commit_callbacks(execute=True):
        donation.mark_paid()

    [message] = mail.outbox
    [(html, _mimetype)] = message.alternatives
    pdf = PdfReader(io.BytesIO(message.attachments[0][1])).pages[0].extract_text()
    for text in (message.body, html, pdf):
        assert "Alignp.exe" in text
        assert not set(BIDI) & set(text)

    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    page = client.get(reverse("donations_ledger:inspect", args=[donation.pk]))
    assert "Alignp.exe Асель" in page.content.decode()
    assert not set(BIDI) & set(page.content.decode())


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_a_name_made_only_of_bidi_controls_is_missing(client, donate_url, gift, language):
    response = confirm(client, donate_url, gift, language, donor_name="\u202e\u2066 \u200f")
    assert response.status_code == 400
    assert 'id="id_donor_name_error"' in response.content.decode()
    assert Donation.objects.count() == 0


# Amounts in other digits -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "currency", "amount"),
    [
        ("١٥٠٠", "KGS", Decimal("1500")),  # Arabic-Indic
        ("۱۵۰۰", "KGS", Decimal("1500")),  # Extended Arabic-Indic (Persian, Urdu)
        ("１５００", "KGS", Decimal("1500")),  # full-width
        ("١٬٥٠٠", "KGS", Decimal("1500")),  # with the Arabic thousands separator
        ("١٢٫٥٠", "USD", Decimal("12.50")),  # with the Arabic decimal separator
        ("１２，５０", "EUR", Decimal("12.50")),  # full-width decimal comma
    ],
)
def test_amounts_in_arabic_persian_or_full_width_digits_are_read_as_typed(
    client, donate_url, gift, stripe_double, typed, currency, amount
):
    review = client.post(
        donate_url("en"), gift(preset="", currency=currency, custom_amount=typed, confirm=None)
    )
    assert review.status_code == 200
    shown = f"{amount.normalize():,f}" if currency == "KGS" else f"{amount:,f}"
    assert f"{shown}\u00a0{currency}" in review.content.decode()  # what will be charged

    response = confirm(client, donate_url, gift, preset="", currency=currency, custom_amount=typed)

    assert response.status_code == 303
    assert Donation.objects.get().amount == amount
    [request] = stripe_double.requests_to("POST", "/v1/checkout/sessions")
    unit_amount = request["params"]["line_items"][0]["price_data"]["unit_amount"]
    assert unit_amount == str(int(amount * 100))


@pytest.mark.parametrize(
    ("language", "typed", "currency", "message"),
    [
        ("en", "१५००", "KGS", "Enter the amount as a number"),  # Devanagari: not read
        ("ru", "𝟏𝟓𝟎𝟎", "KGS", "Введите сумму числом"),  # mathematical bold
        ("ky", "١٢٫٥", "KGS", "бүтүн"),  # read, but KGS has no decimals
    ],
)
def test_other_digits_are_refused_and_what_was_typed_is_kept(
    client, donate_url, gift, language, typed, currency, message
):
    response = confirm(
        client, donate_url, gift, language, preset="", currency=currency, custom_amount=typed
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'value="{typed}"' in html
    assert Donation.objects.count() == 0
