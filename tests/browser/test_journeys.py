"""Journeys in a real browser, in each language: visitor, donor (card and transfer), editor."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from home.models import NewsPage

from .conftest import DONATE, LANGUAGES, MODERATOR, NEWS, PROGRAMME, format_violations

OTHER = {"ky": "ru", "ru": "en", "en": "ky"}


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_visitor_reads_in_their_language_and_switches(new_context, language):
    page = new_context(language).new_page()

    # Lands on / and arrives at the home page in the browser's language.
    page.goto("/")
    assert path_of(page.url) == f"/{language}/"
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("main h1")).to_be_visible()

    # Home -> programmes (main menu) -> a programme.
    page.locator(f"#primary-nav a[href='/{language}/programmes/']").click()
    assert path_of(page.url) == f"/{language}/programmes/"
    page.locator(f"main a[href='/{language}/{PROGRAMME}']").first.click()
    assert path_of(page.url) == f"/{language}/{PROGRAMME}"
    expect(page.locator("main h1")).to_be_visible()

    # Home -> a news article (the home page shows the latest news).
    page.locator(".brand").click()
    assert path_of(page.url) == f"/{language}/"
    page.locator(f"main a[href='/{language}/{NEWS}']").first.click()
    assert path_of(page.url) == f"/{language}/{NEWS}"
    title = page.locator("main h1").inner_text()

    # The switcher leads to the same article in another language.
    other = OTHER[language]
    page.locator(f"nav.languages a[hreflang='{other}']").click()
    assert path_of(page.url) == f"/{other}/{NEWS}"
    expect(page.locator("html")).to_have_attribute("lang", other)
    assert page.locator("main h1").inner_text() != title
    expect(page.locator(f"nav.languages a[hreflang='{other}']")).to_have_attribute(
        "aria-current", "true"
    )

    # The choice sticks: / now leads to the chosen language despite Accept-Language.
    page.goto("/")
    assert path_of(page.url) == f"/{other}/"


def assert_accessible(axe_violations, page, what):
    violations = axe_violations(page)
    assert not violations, f"{what} {page.url}:\n" + format_violations(violations)


def fill_gift(page, axe_violations, *, monthly=False, amount="700", payment="card"):
    frequency = "monthly" if monthly else "one_time"
    page.locator(f"input[name=frequency][value={frequency}]").check()
    page.locator("input[name=currency][value=KGS]").check()
    page.locator("#id_custom_amount").fill(amount)
    page.locator("#id_donor_name").fill("Айгүл Токтогулова")
    page.locator("#id_donor_email").fill("donor@example.org")
    page.locator(f"input[name=payment_method][value={payment}]").check()
    page.locator("form.donate-form button[type=submit]").click()
    # The review step, then the payment.
    expect(page.locator("#donate-confirm-title")).to_be_visible()
    assert_accessible(axe_violations, page, "review step")
    page.locator("button[name=confirm]").click()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("monthly", [False, True], ids=["once", "monthly"])
def test_donor_gives_through_demo_gateway_and_opens_receipt(
    new_context, axe_violations, language, monthly
):
    page = new_context(language).new_page()
    page.goto(f"/{language}/{DONATE}")
    fill_gift(page, axe_violations, monthly=monthly)

    assert f"/{language}/{DONATE}demo-checkout/" in page.url
    assert_accessible(axe_violations, page, "demo checkout")
    page.locator("button[name=pay]").click()
    assert f"/{language}/{DONATE}thank-you/" in page.url
    expect(page.locator(".donate-status--paid")).to_contain_text("700")
    assert_accessible(axe_violations, page, "thank-you page")

    receipt = page.locator("a[href*='/donor/receipt/']")
    expect(receipt).to_have_count(1)
    response = page.request.get(receipt.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


@pytest.mark.parametrize("language", LANGUAGES)
def test_donor_chooses_bank_transfer_and_gets_a_reference(new_context, axe_violations, language):
    page = new_context(language).new_page()
    page.goto(f"/{language}/{DONATE}")
    fill_gift(page, axe_violations, amount="1500", payment="transfer")

    assert f"/{language}/give/transfer/" in page.url
    expect(page.locator("html")).to_have_attribute("lang", language)
    reference = page.locator(".reference__code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9-]{6,}", reference), reference
    # The demo's KGS account has a (demo) bank-app code: the amount is shown to check.
    amount = re.sub(r"[\s\u00a0\u202f]", "", page.locator(".pay__check").inner_text())
    assert "1500KGS" in amount
    assert_accessible(axe_violations, page, "pledge page")


def test_editor_publishes_a_news_article_and_sees_it_live(new_context):
    article = NewsPage.objects.get(
        slug="legal-help-with-documents", locale__language_code="ky"
    ).specific
    new_title = f"{article.title} {uuid.uuid4().hex[:6]}"
    page = new_context("en").new_page()

    page.goto("/admin/login/")
    username, password = MODERATOR
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()
    assert path_of(page.url) == "/admin/"

    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.locator("#id_title").fill(new_title)
    page.locator("footer .w-dropdown__toggle").click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_be_visible()

    visitor = new_context("ky").new_page()
    visitor.goto(article.url)
    expect(visitor.locator("main h1")).to_have_text(new_title)
    visitor.goto("/ky/news/")
    expect(visitor.locator("main")).to_contain_text(new_title)
