"""Keyboard-only use: skip link, language switcher, menu, donate form; visible focus; errors."""

from playwright.sync_api import expect

from .conftest import DONATE, PHONE, format_violations

# Is the focused element visibly marked? An outline or a box-shadow on it, or on the label
# that wraps it (styled radios and checkboxes show their focus on the label).
FOCUS_STYLE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const marked = (node) => {
        if (!node) return false;
        const s = getComputedStyle(node);
        const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
        return outline || (s.boxShadow && s.boxShadow !== "none");
    };
    const label = el.closest("label") || (el.id && document.querySelector(`label[for="${el.id}"]`));
    return {
        tag: el.tagName, id: el.id, cls: el.className, name: el.getAttribute("name"),
        visible: marked(el) || marked(label),
    };
}"""


def focused(page):
    return page.evaluate(FOCUS_STYLE)


def tab_to(page, selector, limit=80):
    """Press Tab until the focus is on ``selector``; every stop must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        assert state is not None, "focus fell back to the page body"
        assert state["visible"], f"no visible focus indicator on {state}"
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return state
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab")


def test_keyboard_only_through_header_and_donate_form(new_context):
    page = new_context("en", viewport=PHONE).new_page()
    page.goto(f"/en/{DONATE}")

    # The first Tab reaches the skip link, which becomes visible and leads to <main>.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert focused(page)["visible"]

    # Language switcher: every language is reachable.
    for code in ("ky", "ru"):
        tab_to(page, f"nav.languages a[hreflang='{code}']")

    # Donate comes before the menu toggle, and the toggle directly before the menu it opens.
    tab_to(page, ".site-header .button--donate", limit=2)  # after the last language (en)
    # Menu: the toggle opens it with Enter, the next Tab enters it, Escape closes it again.
    toggle = page.locator(".menu-toggle")
    tab_to(page, ".menu-toggle", limit=1)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#primary-nav")).to_be_hidden()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    tab_to(page, "#primary-nav a", limit=1)
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()

    # The donate form, by keyboard only: monthly (arrow keys in the radio group),
    # an amount of our own, name and email, then Enter on the submit button.
    tab_to(page, "input[name=frequency]")
    page.keyboard.press("ArrowRight")
    expect(page.locator("input[name=frequency][value=monthly]")).to_be_checked()
    tab_to(page, "#id_custom_amount")
    page.keyboard.type("900")
    tab_to(page, "#id_donor_name")
    page.keyboard.type("Keyboard Donor")
    tab_to(page, "#id_donor_email")
    page.keyboard.type("keys@example.org")
    tab_to(page, "form.donate-form button[type=submit]")
    page.keyboard.press("Enter")

    # The review step; its first button pays, by keyboard again.
    expect(page.locator("#donate-confirm-title")).to_be_visible()
    tab_to(page, "button[name=confirm]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/{DONATE}demo-checkout/**")
    tab_to(page, "button[name=pay]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/{DONATE}thank-you/**")
    expect(page.locator(".donate-status--paid")).to_contain_text("900")


def test_form_errors_are_tied_to_their_fields(new_context, axe_violations):
    page = new_context("ru").new_page()
    page.goto(f"/ru/{DONATE}")
    # novalidate: the browser's own checks (required, type=email) do not pre-empt the
    # server's accessible error summary; "required" stays on the fields for its semantics.
    expect(page.locator("form.donate-form")).to_have_attribute("novalidate", "")
    expect(page.locator("#id_donor_email")).to_have_attribute("required", "")
    page.locator("#id_donor_email").fill("not-an-email")
    page.locator("#id_custom_amount").fill("abc")
    page.locator("#id_donor_email").focus()
    page.keyboard.press("Enter")  # submits the form from a text field

    summary = page.locator("#donate-errors")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    for field in ("donor_name", "donor_email", "custom_amount"):
        field_input = page.locator(f"#id_{field}")
        expect(field_input).to_have_attribute("aria-invalid", "true")
        described = field_input.get_attribute("aria-describedby").split()
        assert f"id_{field}_error" in described
        error = page.locator(f"#id_{field}_error")
        expect(error).to_be_visible()
        assert error.inner_text().strip()
        # The summary links to the field, and following the link focuses it.
        expect(summary.locator(f"a[href='#id_{field}']")).to_have_count(1)

    summary.locator("a[href='#id_donor_email']").click()
    expect(page.locator("#id_donor_email")).to_be_focused()
    violations = axe_violations(page)
    assert not violations, "donate form with errors:\n" + format_violations(violations)


def test_phone_menu_is_folded_from_the_first_paint_and_open_without_javascript(new_context):
    # With scripting, the markup and CSS fold the menu before site.js runs: no layout shift.
    with_js = new_context("ky", viewport=PHONE)
    with_js.add_init_script(
        "window.__shift = 0; new PerformanceObserver((list) => { for (const entry of"
        " list.getEntries()) { if (!entry.hadRecentInput) window.__shift += entry.value; } })"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    page = with_js.new_page()
    page.goto("/ky/")
    expect(page.locator(".menu-toggle")).to_be_visible()
    expect(page.locator("#primary-nav")).to_be_hidden()
    page.wait_for_load_state("load")
    assert page.evaluate("window.__shift") < 0.01
    # Donate and Menu fit beside each other at 390 px even with the long Kyrgyz label.
    donate = page.locator(".site-header .button--donate").bounding_box()
    toggle = page.locator(".menu-toggle").bounding_box()
    assert abs(donate["y"] + donate["height"] / 2 - toggle["y"] - toggle["height"] / 2) < 4

    # Without JavaScript the button is not there and the menu stays open and usable.
    page = new_context("ky", viewport=PHONE, java_script_enabled=False).new_page()
    page.goto("/ky/")
    expect(page.locator(".menu-toggle")).to_be_hidden()
    expect(page.locator("#primary-nav a").first).to_be_visible()
