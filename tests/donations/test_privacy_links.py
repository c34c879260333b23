"""The privacy notice is one click away where donors give their data, and in the receipt."""

import pytest

from donations.models import Donation
from tests.privacy_pages import make_privacy_pages

from .receipt_factories import make_paid_donation

LANGUAGES = ("ky", "ru", "en")
LINK_TEXT = {
    "ky": "Маалыматтарыңызды кантип колдонобуз",
    "ru": "Как мы обращаемся с вашими данными",
    "en": "How we handle your data",
}


@pytest.fixture
def privacy_pages(home_page, locales):
    return make_privacy_pages(home_page, locales)


def main_of(html):
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_donate_form_links_the_notice_next_to_name_and_email(
    client, donate_url, privacy_pages, language
):
    form = main_of(client.get(donate_url(language)).content.decode())
    donor = form.split('class="donate-donor"', 1)[1].split("</fieldset>", 1)[0]
    link = f'<a href="/{language}/privacy/">{LINK_TEXT[language]}</a>'
    assert link in donor
    assert donor.index('name="donor_email"') < donor.index(link) < donor.index("is_anonymous")


def test_donate_form_without_a_notice_has_no_dead_link(client, donate_url):
    assert "donate-privacy" not in client.get(donate_url("en")).content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_pledge_page_links_the_notice(client, donate_url, gift, privacy_pages, language):
    data = gift(payment_method="transfer")
    response = client.post(donate_url(language), data)
    pledge = Donation.objects.get(reference_code__isnull=False)
    assert response["Location"].startswith(f"/{language}/give/transfer/")
    html = main_of(client.get(response["Location"]).content.decode())
    assert pledge.reference_code in html
    assert f'<a href="/{language}/privacy/">{LINK_TEXT[language]}</a>' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_receipt_email_links_the_notice_in_the_donors_language(
    privacy_pages, funds, mailoutbox, django_capture_on_commit_callbacks, language
):
    with django_capture_on_commit_callbacks(execute=True):
        make_paid_donation(funds["general"], language=language)
    [message] = mailoutbox
    url = f"http://testserver/{language}/privacy/"
    assert f"{LINK_TEXT[language]}:\n{url}\n" in message.body
    [(html, _mimetype)] = message.alternatives
    assert f'<a href="{url}">{LINK_TEXT[language]}</a>' in html


def test_receipt_email_without_a_notice_has_no_link(
    home_page, funds, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_paid_donation(funds["general"], language="en")
    [message] = mailoutbox
    assert "privacy" not in message.body and "How we handle" not in message.body
