"""KGS donors pay in their bank app: the pledge page at a phone's and a desktop's width,
and the admin refusing a bank code that does not verify."""

import io

from django.contrib.auth import get_user_model

import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from local_giving import elqr
from local_giving.models import BankAccount

from .conftest import DESKTOP, DONATE, PHONE, SCREENSHOTS, format_violations

# Every visible block in <main>, in document order, with its box.
BLOCKS_AFTER_HEADING = """() => {
    const heading = document.querySelector("main h1");
    const blocks = [...document.querySelectorAll("main a, main p, main dl, main figure, main h2")]
        .filter((el) => heading.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
        .filter((el) => el.getBoundingClientRect().height > 0);
    return blocks.map((el) => ({cls: el.className, top: el.getBoundingClientRect().top}));
}"""
FIRST_FOCUSABLE_IN_MAIN = """() => document.querySelector(
    "main a[href], main button, main input, main select, main textarea").className"""


def pledge_in_bank_app(new_context, language="ky", amount="1500"):
    page = new_context(language, viewport=PHONE).new_page()
    page.goto(f"/{language}/{DONATE}")
    page.locator("input[name=frequency][value=one_time]").check()
    page.locator("input[name=currency][value=KGS]").check()
    page.locator("#id_custom_amount").fill(amount)
    page.locator("#id_donor_name").fill("Айгүл Токтогулова")
    page.locator("#id_donor_email").fill("donor@example.org")
    page.locator("input[name=payment_method][value=bank_app]").check()
    page.locator("form.donate-form button[type=submit]").click()
    expect(page.locator("#donate-confirm-title")).to_be_visible()
    page.locator("button[name=confirm]").click()
    assert f"/{language}/give/transfer/" in page.url
    return page


def qr_on_screen(page):
    """The QR code as the browser drew it, decoded by zxing-cpp."""
    picture = Image.open(io.BytesIO(page.locator(".pay__qr svg").screenshot()))
    found = zxingcpp.read_barcodes(picture)
    assert len(found) == 1
    return found[0].text


def assert_accessible(axe_violations, page, what):
    violations = axe_violations(page)
    assert not violations, f"{what}:\n" + format_violations(violations)


def test_on_a_phone_the_bank_app_button_comes_first(new_context, axe_violations):
    page = pledge_in_bank_app(new_context)
    button = page.locator(".pay__button")
    expect(button).to_have_text("Банктын тиркемесинде төлөө")

    # Right after the heading, in reading order and on screen, and the first thing to focus.
    blocks = page.evaluate(BLOCKS_AFTER_HEADING)
    assert "pay__button" in blocks[0]["cls"]
    assert blocks[0]["top"] == min(block["top"] for block in blocks)
    assert "pay__button" in page.evaluate(FIRST_FOCUSABLE_IN_MAIN)
    assert button.bounding_box()["y"] + button.bounding_box()["height"] <= PHONE["height"]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0

    # The link verifies and carries the amount in tyiyn and the reference; the rest is the
    # bank's code, field for field.
    link = button.get_attribute("href")
    assert link.startswith(elqr.DEFAULT_LINK_PREFIX)
    read = elqr.read(link)
    reference = page.locator(".pay__check .reference__code").inner_text().strip()
    assert read.amount_tyiyn == 150000
    assert read.comment == reference
    issued = BankAccount.objects.get(currency="KGS").elqr_payload()
    kept = [field for field in read.fields if field.id not in ("34", "54", "63")]
    assert kept == [field for field in issued.fields if field.id not in ("34", "54", "63")]

    # The QR code as drawn encodes exactly the button's link.
    assert qr_on_screen(page) == link

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "pledge-bank-app-ky-390.png", full_page=True)
    assert_accessible(axe_violations, page, "pledge page at 390 px")


def test_on_a_wide_screen_the_qr_code_comes_first(new_context, axe_violations):
    page = pledge_in_bank_app(new_context, language="ru", amount="700")
    page.set_viewport_size(DESKTOP)
    qr_box = page.locator(".pay__qr svg").bounding_box()
    button_box = page.locator(".pay__button").bounding_box()
    assert qr_box["x"] + qr_box["width"] <= button_box["x"]
    assert qr_box["y"] <= button_box["y"] + 1
    expect(page.locator(".pay__button")).to_have_text("Оплатить в приложении банка")
    # Moving the code changes neither the reading nor the focus order.
    assert "pay__button" in page.evaluate(FIRST_FOCUSABLE_IN_MAIN)
    assert qr_on_screen(page) == page.locator(".pay__button").get_attribute("href")
    page.screenshot(path=SCREENSHOTS / "pledge-bank-app-ru-1280.png", full_page=True)
    assert_accessible(axe_violations, page, "pledge page at 1280 px")


def test_admin_refuses_a_bank_code_that_does_not_verify(new_context):
    username, password = "browser-finance-admin", "browser-finance-password"
    if not get_user_model().objects.filter(username=username).exists():
        get_user_model().objects.create_superuser(username, "finance@example.org", password)
    account = BankAccount.objects.get(currency="KGS")
    before = account.qr_payload
    tampered = account.elqr_payload().link()[:-4] + "0000"

    page = new_context("en").new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()
    page.goto(f"/admin/snippets/local_giving/bankaccount/edit/{account.pk}/")
    expect(page.locator("main")).to_contain_text("DEMO SOS KV (not real)")
    page.set_viewport_size(DESKTOP)
    summary = page.locator(".elqr-summary").locator("xpath=..")
    summary.scroll_into_view_if_needed()
    summary.screenshot(path=SCREENSHOTS / "admin-bank-account-elqr-en-1280.png")
    page.locator("#id_qr_payload").fill(tampered)
    page.locator("button.action-save").first.click()
    expect(page.locator("main")).to_contain_text(
        "This is not a valid ELQR payment code from a bank: The checksum does not match"
    )
    field = page.locator("#id_qr_payload").locator(
        "xpath=ancestor::*[contains(@class, 'w-field__wrapper')][1]"
    )
    field.scroll_into_view_if_needed()
    field.screenshot(path=SCREENSHOTS / "admin-bank-account-refused-en-1280.png")
    account.refresh_from_db()
    assert account.qr_payload == before
