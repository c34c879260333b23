"""Bad inputs against the donate form, the Stripe webhook and the donor's signed links.

Every probe must get a 4xx with a clear message, or a harmless answer (a script
stored as text and escaped, a redirect only to Stripe), never a 500, never an
unescaped script, never an off-site redirect of our own making. Set
DONATION_BAD_INPUT_TABLE=path.md to write the Markdown table docs/production.md shows.
"""

import html
import os
import re
import time
from decimal import Decimal
from urllib.parse import urlencode

from django.test import Client

import pytest

from donations.donor_links import portal_url, receipt_pdf_url
from donations.models import Donation
from tests.donations.conftest import WEBHOOK_SECRET
from tests.stripe_double import events as stripe_events

SCRIPT = "<script>alert(1)</script>"
SQL = "' OR 1=1; DROP TABLE donations_donation; --"
EVIL = "https://evil.example/"
FIELDS = (
    "frequency",
    "currency",
    "preset",
    "custom_amount",
    "fund",
    "donor_name",
    "donor_email",
    "dedication",
    "payment_method",
)
RESULTS = []


@pytest.fixture(scope="module", autouse=True)
def write_table():
    yield
    target = os.environ.get("DONATION_BAD_INPUT_TABLE")
    if target and RESULTS:
        lines = ["| Input | Request | Status | Answer |", "| --- | --- | --- | --- |"]
        lines += [
            f"| {what} | `{request}` | {status} | {_cell(answer)} |"
            for what, request, status, answer in sorted(RESULTS, key=lambda r: ORDER[r[0]])
        ]
        with open(target, "w") as table:
            table.write("\n".join(lines) + "\n")


def _cell(text):
    return html.escape(text, quote=False).replace("|", "&#124;")


def _answer(response):
    content_type = response.get("Content-Type", "")
    if response.status_code in (301, 302, 303):
        return f"redirect to {response['Location'][:45]}"
    body = response.content.decode(errors="replace") if not response.streaming else ""
    if "html" in content_type:
        for marker in ('role="alert"', 'class="donate-error"', "<title>"):
            if marker in body:
                text = body.split(marker, 1)[1].split(">", 1)[-1] if marker != "<title>" else body
                if marker == "<title>":
                    text = body.split("<title>")[1].split("</title>")[0]
                return html.unescape(re.sub(r"(?:<[^>]+>|\s)+", " ", text)).strip()[:70]
    if "json" in content_type or "text/plain" in content_type:
        return body.strip()[:70]
    return content_type


@pytest.fixture
def ctx(donate_pages, stripe_double, funds, presets):
    """A CSRF-enforcing client with a token, the donate URL and a valid confirmed gift."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    valid = {
        "frequency": "one_time",
        "currency": "KGS",
        "preset": "",
        "custom_amount": "1500",
        "fund": str(funds["general"].pk),
        "donor_name": "Айгүл Асанова",
        "donor_email": "aigul@example.org",
        "dedication": "",
        "payment_method": "card",
    }
    # Like a browser: the form (cached, no token) posts to the review step, which hands
    # out the CSRF token the confirm button needs.
    form = client.get(donate_pages["en"].url).content.decode()
    action = re.search(r'<form class="donate-form" method="post" action="([^"]+)"', form).group(1)
    review = client.post(action, valid)
    assert review.status_code == 200
    valid = {**valid, "confirm": "1", "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    return {"client": client, "url": donate_pages["en"].url, "valid": valid, "funds": funds}


def _post(ctx, what, **changes):
    data = {**ctx["valid"], **changes}
    data = {k: v for k, v in data.items() if v is not None}
    return ctx["client"].post(ctx["url"], data), f"POST {ctx['url']} ({what})"


def _signed(ctx, payload, **headers):
    header = stripe_events.signature_header(payload, WEBHOOK_SECRET)
    return ctx["client"].generic(
        "POST",
        "/stripe/webhook/",
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
        **headers,
    )


def _event(type_="checkout.session.completed", obj=None, event_id=None):
    return stripe_events.encode(
        stripe_events.event(
            type_, obj or {"id": "cs_test_x", "object": "checkout.session"}, event_id=event_id
        )
    )


def _paid_monthly(funds):
    donation = Donation.objects.create(
        amount=Decimal("500"),
        currency="KGS",
        fund=funds["general"],
        frequency="monthly",
        donor_email="m@example.org",
        stripe_customer_id="cus_test_portal",
    )
    donation.mark_paid()
    return donation


# (what, probe(ctx) -> (response, request text), acceptable statuses)
PROBES = [
    # The donate form ---------------------------------------------------------------------
    (
        "Script in every form field",
        lambda c: _post(c, "script in all 9 fields", **dict.fromkeys(FIELDS, SCRIPT)),
        {400},
    ),
    (
        "SQL in every form field",
        lambda c: _post(c, "SQL in all 9 fields", **dict.fromkeys(FIELDS, SQL)),
        {400},
    ),
    (
        "Script in name and dedication of a valid gift",
        lambda c: _post(c, "script as name and dedication", donor_name=SCRIPT, dedication=SCRIPT),
        {303},
    ),
    (
        "Script as the email",
        lambda c: _post(c, "donor_email=<script>", donor_email=SCRIPT + "@example.org"),
        {400},
    ),
    ("Unknown currency", lambda c: _post(c, "currency=XXX", currency="XXX"), {400}),
    ("Lower-case currency", lambda c: _post(c, "currency=kgs", currency="kgs"), {400}),
    ("Unknown fund id", lambda c: _post(c, "fund=999999", fund="999999"), {400}),
    ("Fund id overflow", lambda c: _post(c, "fund=9x30", fund="9" * 30), {400}),
    ("Non-numeric fund id", lambda c: _post(c, "fund=abc", fund="abc"), {400}),
    (
        "Closed fund",
        lambda c: _post(c, "fund=<inactive fund>", fund=str(c["funds"]["closed"].pk)),
        {400},
    ),
    (
        "Unknown preset id",
        lambda c: _post(c, "preset=999999", preset="999999", custom_amount=""),
        {400},
    ),
    ("Negative amount", lambda c: _post(c, "custom_amount=-100", custom_amount="-100"), {400}),
    ("Zero amount", lambda c: _post(c, "custom_amount=0", custom_amount="0"), {400}),
    ("Huge amount", lambda c: _post(c, "custom_amount=9x30", custom_amount="9" * 30), {400}),
    (
        "Amount over the online maximum",
        lambda c: _post(c, "custom_amount=100000000", custom_amount="100000000"),
        {400},
    ),
    ("Exponent amount", lambda c: _post(c, "custom_amount=1e9", custom_amount="1e9"), {400}),
    (
        "NaN and Infinity amounts",
        lambda c: _post(c, "custom_amount=NaN", custom_amount="NaN"),
        {400},
    ),
    (
        "Decimals on KGS",
        lambda c: _post(c, "custom_amount=1500,55", custom_amount="1500,55"),
        {400},
    ),
    (
        "Unknown payment method",
        lambda c: _post(c, "payment_method=crypto", payment_method="crypto"),
        {400},
    ),
    ("Unknown frequency", lambda c: _post(c, "frequency=weekly", frequency="weekly"), {400}),
    (
        "Missing fields",
        lambda c: (
            c["client"].post(
                c["url"], {"confirm": "1", "csrfmiddlewaretoken": c["valid"]["csrfmiddlewaretoken"]}
            ),
            f"POST {c['url']} (confirm only)",
        ),
        {400},
    ),
    (
        "Oversized form body (3 MB)",
        lambda c: _post(c, "3 MB dedication", dedication="x" * (3 * 1024 * 1024)),
        {400},
    ),
    (
        "Too many form fields",
        lambda c: _post(c, "1500 extra fields", **{f"f{i}": "1" for i in range(1500)}),
        {400},
    ),
    ("Overlong name", lambda c: _post(c, "donor_name of 5000 chars", donor_name="Ж" * 5000), {400}),
    (
        "Invalid UTF-8 in the form body",
        lambda c: (
            c["client"].generic(
                "POST",
                c["url"],
                urlencode({k: v for k, v in c["valid"].items() if k != "donor_name"}).encode()
                + b"&donor_name=%FF%FE%C0%AE",
                content_type="application/x-www-form-urlencoded",
            ),
            f"POST {c['url']} (valid gift, donor_name=%FF%FE%C0%AE)",
        ),
        {303},
    ),
    (
        "No CSRF token",
        lambda c: _post(c, "no csrfmiddlewaretoken", csrfmiddlewaretoken=None),
        {403},
    ),
    (
        "Open redirect through next= on the form",
        lambda c: _post(c, "next=https://evil.example/", next=EVIL),
        {303},
    ),
    (
        "Open redirect through next= on the page",
        lambda c: (c["client"].get(c["url"], {"next": EVIL}), f"GET {c['url']}?next={EVIL}"),
        {200},
    ),
    (
        "Method not allowed on the form",
        lambda c: (c["client"].put(c["url"]), f"PUT {c['url']}"),
        {403, 405},
    ),
    # Donate URLs -------------------------------------------------------------------------
    (
        "Unknown locale prefix on the donate page",
        lambda c: (c["client"].get("/xx/donate/"), "GET /xx/donate/"),
        {404},
    ),
    (
        "Unsupported language on the donate page",
        lambda c: (c["client"].get("/de/donate/"), "GET /de/donate/"),
        {404},
    ),
    (
        "Donate page in another language's tree",
        lambda c: (c["client"].get("/ky/en/donate/"), "GET /ky/en/donate/"),
        {404},
    ),
    (
        "Forged thank-you token",
        lambda c: (
            c["client"].get(c["url"] + "thank-you/" + "0" * 32 + "-forged/"),
            f"GET {c['url']}thank-you/000...-forged/",
        ),
        {404},
    ),
    (
        "SQL in a thank-you token",
        lambda c: (
            c["client"].get(c["url"] + "thank-you/' OR 1=1--/"),
            f"GET {c['url']}thank-you/' OR 1=1--/",
        ),
        {404},
    ),
    (
        "Forged cancel token",
        lambda c: (
            c["client"].get(c["url"] + "cancelled/abc-def/"),
            f"GET {c['url']}cancelled/abc-def/",
        ),
        {404},
    ),
    (
        "Demo checkout in production",
        lambda c: (
            c["client"].get(c["url"] + "demo-checkout/abc-def/"),
            f"GET {c['url']}demo-checkout/abc-def/",
        ),
        {404},
    ),
    (
        "Forged pledge (transfer) token",
        lambda c: (c["client"].get("/en/give/transfer/forged/"), "GET /en/give/transfer/forged/"),
        {404},
    ),
    (
        "Forged receipt PDF token",
        lambda c: (
            c["client"].get("/donor/receipt/forged/", follow=True),
            "GET /donor/receipt/forged/",
        ),
        {404},
    ),
    (
        "Forged customer-portal token",
        lambda c: (
            c["client"].get("/donor/portal/forged/", follow=True),
            "GET /donor/portal/forged/",
        ),
        {404},
    ),
    (
        "Open redirect through return_url on the portal link",
        lambda c: (
            c["client"].get(
                portal_url(_paid_monthly(c["funds"])), {"return_url": EVIL, "next": EVIL}
            ),
            "GET /donor/portal/<valid token>/?return_url=https://evil.example/",
        ),
        {302},
    ),
    (
        "Receipt of an unpaid gift",
        lambda c: (
            c["client"].get(
                receipt_pdf_url(
                    Donation.objects.create(
                        amount=Decimal("1"), currency="USD", fund=c["funds"]["general"]
                    )
                )
            ),
            "GET /donor/receipt/<token of a pending gift>/",
        ),
        {404},
    ),
    # The Stripe webhook ------------------------------------------------------------------
    (
        "Webhook without signature",
        lambda c: (
            c["client"].generic(
                "POST", "/stripe/webhook/", _event(), content_type="application/json"
            ),
            "POST /stripe/webhook/ (no Stripe-Signature)",
        ),
        {400},
    ),
    (
        "Webhook with a forged signature",
        lambda c: (
            c["client"].generic(
                "POST",
                "/stripe/webhook/",
                _event(),
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE="t=1,v1=" + "0" * 64,
            ),
            "POST /stripe/webhook/ (forged signature)",
        ),
        {400},
    ),
    (
        "Webhook replayed after the tolerance",
        lambda c: (
            c["client"].generic(
                "POST",
                "/stripe/webhook/",
                _event(),
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE=stripe_events.signature_header(
                    _event(), WEBHOOK_SECRET, timestamp=time.time() - 3600
                ),
            ),
            "POST /stripe/webhook/ (signed an hour ago)",
        ),
        {400},
    ),
    (
        "Webhook body over 64 KB",
        lambda c: (_signed(c, "{" + " " * 70000 + "}"), "POST /stripe/webhook/ (70 KB, signed)"),
        {413},
    ),
    (
        "Webhook with invalid UTF-8",
        lambda c: (
            c["client"].generic(
                "POST",
                "/stripe/webhook/",
                b"\xff\xfe{}",
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE="t=1,v1=00",
            ),
            "POST /stripe/webhook/ (bytes FF FE)",
        ),
        {400},
    ),
    (
        "Webhook with signed invalid JSON",
        lambda c: (_signed(c, "{not json"), "POST /stripe/webhook/ ({not json, signed)"),
        {400},
    ),
    (
        "Webhook with a signed non-event",
        lambda c: (_signed(c, '["a", 1]'), "POST /stripe/webhook/ (a JSON list, signed)"),
        {400},
    ),
    (
        "Webhook with script and SQL as type and id",
        lambda c: (
            _signed(c, _event(type_=SCRIPT, event_id=SQL)),
            "POST /stripe/webhook/ (signed, type <script>, id SQL)",
        ),
        {200},
    ),
    (
        "Webhook for an unknown session",
        lambda c: (
            _signed(
                c,
                _event(
                    obj={
                        "id": "cs_test_unknown",
                        "object": "checkout.session",
                        "metadata": {"donation_id": SQL},
                        "client_reference_id": "not-a-uuid",
                    }
                ),
            ),
            "POST /stripe/webhook/ (signed, unknown session, SQL as id)",
        ),
        {200},
    ),
    (
        "GET on the webhook",
        lambda c: (c["client"].get("/stripe/webhook/"), "GET /stripe/webhook/"),
        {405},
    ),
]
ORDER = {probe[0]: i for i, probe in enumerate(PROBES)}


@pytest.mark.parametrize(("what", "probe", "expected"), PROBES, ids=[p[0] for p in PROBES])
def test_bad_donation_input_never_gives_a_500(ctx, what, probe, expected):
    response, request_text = probe(ctx)
    status = response.status_code
    shown = status
    for url, hop in getattr(response, "redirect_chain", []):
        assert url.startswith("/") and not url.startswith("//"), f"{what}: redirected to {url}"
        shown = f"{hop} to {url[:30]}, then {status}"
    RESULTS.append((what, request_text[:90], shown, _answer(response)))

    assert status < 500, f"{what}: {status}"
    assert status in expected, f"{what}: got {status}: {_answer(response)}"
    body = response.content.decode(errors="replace") if not response.streaming else ""
    assert SCRIPT not in body, f"{what}: unescaped script in the answer"
    if status in (301, 302, 303):
        location = response["Location"]
        assert "evil.example" not in location
        assert location.startswith(
            ("/", "https://checkout.stripe.com/", "https://billing.stripe.com/")
        )
    if status == 400 and "html" in response.get("Content-Type", ""):
        assert 'class="donate-error"' in body or 'role="alert"' in body or "Bad Request" in body


def test_script_in_a_name_is_stored_as_text_and_escaped(ctx, stripe_double):
    response, _ = _post(ctx, "script", donor_name=SCRIPT, dedication=SCRIPT)
    assert response.status_code == 303
    donation = Donation.objects.get()
    assert donation.donor_name == SCRIPT  # kept verbatim: it is the donor's text
    params = stripe_double.only_session()["_params"]
    assert SCRIPT not in str(params)  # names and dedications are not sent to Stripe


def test_invalid_utf8_is_replaced_not_stored_raw(ctx, stripe_double):
    body = urlencode({k: v for k, v in ctx["valid"].items() if k != "donor_name"})
    response = ctx["client"].generic(
        "POST",
        ctx["url"],
        body.encode() + b"&donor_name=A%FF%FEB",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 303
    assert Donation.objects.get().donor_name == "A\ufffd\ufffdB"


def test_portal_return_url_is_ours(ctx, stripe_double):
    donation = _paid_monthly(ctx["funds"])
    response = ctx["client"].get(portal_url(donation), {"return_url": EVIL})
    assert response.status_code == 302
    portal = next(iter(stripe_double.state.portal_sessions.values()))
    assert "evil" not in portal["return_url"]
    assert portal["return_url"].endswith(f"/{donation.language}/")
