"""Receipt emails in each language, their attachment and their signed links."""

import io
import json
import re
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from django.core import mail
from django.core.signing import TimestampSigner
from django.utils import timezone

import pytest
from pypdf import PdfReader

from donations import donor_links
from donations.models import Donation

from .receipt_factories import make_fund, make_paid_donation

pytestmark = pytest.mark.django_db

# What differs by language without any catalogue: the fund's per-language name, the date
# (numeric in Kyrgyz, Django's month names otherwise), number formats and the declared language.
LANGUAGE_EXPECTATIONS = {
    "ky": {"fund": "Эң керектүү жерге", "month": "14.03.2026", "amount": "1\u00a0500\u00a0KGS"},
    "ru": {"fund": "Где нужнее всего", "month": "марта", "amount": "1\u00a0500\u00a0KGS"},
    "en": {"fund": "Where most needed", "month": "Mar", "amount": "1,500\u00a0KGS"},
}


def paid_with_email(django_capture_on_commit_callbacks, **fields):
    fund = fields.pop("fund", None) or make_fund()
    with django_capture_on_commit_callbacks(execute=True):
        donation = make_paid_donation(fund, **fields)
    donation.refresh_from_db()
    return donation


def links_in(text):
    return re.findall(r"http://testserver(/donor/\S+/)", text)


def html_of(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_receipt_email_in_the_donors_language(language, django_capture_on_commit_callbacks):
    donation = paid_with_email(django_capture_on_commit_callbacks, language=language)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    expected = LANGUAGE_EXPECTATIONS[language]
    assert message.to == ["aigul@example.org"]
    assert donation.receipt_number in message.subject
    assert "\n" not in message.subject
    assert message.extra_headers["Content-Language"] == language
    for body in (message.body, html_of(message)):
        assert expected["fund"] in body
        assert expected["month"] in body
        assert expected["amount"] in body
        assert donation.receipt_number in body
        # Other languages' fund names stay out.
        for other, other_expected in LANGUAGE_EXPECTATIONS.items():
            if other != language:
                assert other_expected["fund"] not in body
    assert f'<html lang="{language}">' in html_of(message)

    [(filename, content, mimetype)] = message.attachments
    assert filename == f"receipt-{donation.receipt_number}.pdf"
    assert mimetype == "application/pdf"
    pdf_text = PdfReader(io.BytesIO(content)).pages[0].extract_text()
    assert expected["fund"] in pdf_text

    donation.refresh_from_db()
    assert donation.receipt_emailed_at is not None


def test_receipt_link_serves_the_pdf_privately(client, django_capture_on_commit_callbacks):
    donation = paid_with_email(django_capture_on_commit_callbacks, language="ru")
    [link] = links_in(mail.outbox[0].body)
    assert link.startswith("/donor/receipt/")
    assert str(donation.public_id) not in link and donation.receipt_number not in link

    response = client.get(link)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["Content-Disposition"] == (
        f'inline; filename="receipt-{donation.receipt_number}.pdf"'
    )
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Где нужнее всего" in text
    assert donation.receipt_number in text


def test_tampered_or_foreign_links_are_404(client, django_capture_on_commit_callbacks):
    donation = paid_with_email(django_capture_on_commit_callbacks, language="en")
    token = donor_links.make_token(donation, donor_links.RECEIPT_SALT)
    last = token[-1]
    tampered = token[:-1] + ("A" if last != "A" else "B")

    assert client.get(f"/donor/receipt/{tampered}/").status_code == 404
    # Junk without the signature's colons is first offered to the /ky/ pages, then 404s.
    assert client.get("/donor/receipt/not-a-token/", follow=True).status_code == 404
    # A portal token does not open a receipt (one salt per purpose).
    portal_token = donor_links.make_token(donation, donor_links.PORTAL_SALT)
    assert client.get(f"/donor/receipt/{portal_token}/").status_code == 404
    # Signed with the right key but no salt: refused.
    unsalted = TimestampSigner().sign(donation.public_id.hex)
    assert client.get(f"/donor/receipt/{unsalted}/").status_code == 404
    assert client.get(f"/donor/receipt/{token}/").status_code == 200


def test_expired_link_is_404(client, django_capture_on_commit_callbacks, monkeypatch):
    donation = paid_with_email(django_capture_on_commit_callbacks, language="en")
    link = donor_links.receipt_pdf_url(donation)
    monkeypatch.setattr(donor_links, "RECEIPT_LINK_MAX_AGE", -1)
    assert client.get(link).status_code == 404


def test_no_receipt_link_for_an_unpaid_donation(client):
    from .receipt_factories import make_donation

    donation = make_donation(make_fund())
    assert client.get(donor_links.receipt_pdf_url(donation)).status_code == 404


def test_one_time_gift_has_no_portal_link(django_capture_on_commit_callbacks):
    paid_with_email(django_capture_on_commit_callbacks, language="en")
    links = links_in(mail.outbox[0].body)
    assert len(links) == 1 and links[0].startswith("/donor/receipt/")


def monthly_gift(django_capture_on_commit_callbacks, language="ru"):
    return paid_with_email(
        django_capture_on_commit_callbacks,
        language=language,
        currency="USD",
        amount=Decimal("20"),
        frequency=Donation.Frequency.MONTHLY,
        stripe_customer_id="cus_TestDonor1",
        stripe_subscription_id="sub_TestDonor1",
    )


def test_monthly_gift_links_to_the_demo_portal_page(
    client, settings, django_capture_on_commit_callbacks
):
    settings.DONATIONS_DEMO_GATEWAY = True
    monthly_gift(django_capture_on_commit_callbacks, language="ru")
    message = mail.outbox[0]
    [receipt_link, portal_link] = links_in(message.body)
    assert portal_link.startswith("/donor/portal/")
    assert f'href="http://testserver{portal_link}"' in html_of(message)

    response = client.get(portal_link)

    assert response.status_code == 200
    assert response["Content-Language"] == "ru"
    assert "no-store" in response["Cache-Control"]
    assert b'lang="ru"' in response.content or b"lang=ru" in response.content
    assert b"demo-banner" in response.content
    assert client.get(portal_link[:-2] + "x/").status_code == 404


class PortalDouble(BaseHTTPRequestHandler):
    """Stripe's POST /v1/billing_portal/sessions, as the real library calls it."""

    calls = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        params = {key: values[0] for key, values in parse_qs(body).items()}
        type(self).calls.append((self.path, params, self.headers.get("Authorization")))
        if urlsplit(self.path).path != "/v1/billing_portal/sessions":
            self.send_response(404)
            self.end_headers()
            return
        payload = json.dumps(
            {
                "id": "bps_test_1",
                "object": "billing_portal.session",
                "customer": params["customer"],
                "return_url": params["return_url"],
                "url": "https://billing.stripe.com/p/session/test_portal_1",
                "livemode": False,
                "created": 1773480600,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def portal_double(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PortalDouble)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PortalDouble.calls = []
    settings.STRIPE_SECRET_KEY = "sk_test_portal"
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{server.server_address[1]}"
    settings.DONATIONS_DEMO_GATEWAY = False
    yield PortalDouble
    server.shutdown()
    server.server_close()


def test_portal_link_opens_stripes_customer_portal(
    client, portal_double, django_capture_on_commit_callbacks
):
    donation = monthly_gift(django_capture_on_commit_callbacks, language="en")
    [_receipt, portal_link] = links_in(mail.outbox[0].body)

    response = client.get(portal_link)

    assert response.status_code == 302
    assert response["Location"] == "https://billing.stripe.com/p/session/test_portal_1"
    assert "no-store" in response["Cache-Control"]
    [(path, params, auth)] = portal_double.calls
    assert path == "/v1/billing_portal/sessions"
    assert params["customer"] == donation.stripe_customer_id
    assert params["return_url"] == "http://testserver/en/"
    assert auth == "Bearer sk_test_portal"


def test_monthly_instalment_opens_the_parents_portal(
    client, portal_double, django_capture_on_commit_callbacks
):
    parent = monthly_gift(django_capture_on_commit_callbacks, language="en")
    instalment = paid_with_email(
        django_capture_on_commit_callbacks,
        fund=parent.fund,
        language="en",
        currency="USD",
        amount=Decimal("20"),
        frequency=Donation.Frequency.MONTHLY,
        parent=parent,
        stripe_invoice_id="in_test_2",
    )
    assert len(mail.outbox) == 2
    [_receipt, portal_link] = links_in(mail.outbox[1].body)
    assert portal_link.startswith("/donor/portal/")
    assert donor_links.donation_for_portal_token(portal_link.split("/")[3]) == instalment
    assert client.get(portal_link).status_code == 302
    assert portal_double.calls[0][1]["customer"] == "cus_TestDonor1"


def test_portal_link_of_a_one_time_gift_is_404(client, django_capture_on_commit_callbacks):
    donation = paid_with_email(django_capture_on_commit_callbacks, language="en")
    assert client.get(donor_links.portal_url(donation)).status_code == 404


def test_stripe_down_shows_an_apology(client, settings, django_capture_on_commit_callbacks):
    donation = monthly_gift(django_capture_on_commit_callbacks, language="en")
    settings.DONATIONS_DEMO_GATEWAY = False
    settings.STRIPE_SECRET_KEY = "sk_test_portal"
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # discard port: connection refused
    settings.STRIPE_MAX_NETWORK_RETRIES = 0

    response = client.get(donor_links.portal_url(donation))

    assert response.status_code == 503
    assert b"cannot be opened right now" in response.content


def test_refund_note_goes_to_a_donor_who_had_the_receipt(django_capture_on_commit_callbacks):
    donation = paid_with_email(django_capture_on_commit_callbacks, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        donation.change_status(Donation.Status.REFUNDED, refunded_at=timezone.now())
    assert len(mail.outbox) == 2
    note = mail.outbox[1]
    assert donation.receipt_number in note.subject
    assert "void" in note.body
    assert not note.attachments
