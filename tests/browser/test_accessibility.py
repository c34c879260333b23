"""axe-core at WCAG 2.1 A/AA on the main pages of every language, and their screenshots.

Screenshots go to docs/screenshots/ (gitignored): <page>-<language>-<width>.png, at a phone's
390 px and a desktop's 1280 px, so a person can look at every page in every language.
"""

import pytest

from .conftest import (
    DESKTOP,
    DONATE,
    LANGUAGES,
    NEWS,
    PHONE,
    PROGRAMME,
    SCREENSHOTS,
    format_violations,
)

# Lazy images below the fold load only when scrolled to; a full-page screenshot shows them all.
LOAD_ALL_IMAGES = """async () => {
    const images = [...document.images];
    images.forEach((img) => { img.loading = "eager"; });
    await Promise.all(images.map((img) => img.complete ? null :
        new Promise((done) => { img.onload = img.onerror = done; })));
}"""

PAGES = {"home": "", "programme": PROGRAMME, "news": NEWS, "donate": DONATE}
MORE_PAGES = {"search": "search/?q=SOS", "transparency": "transparency/"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_passes_axe_at_phone_and_desktop_widths(new_context, axe_violations, name, language):
    page = new_context(language, viewport=PHONE).new_page()
    response = page.goto(f"/{language}/{PAGES[name]}")
    assert response.status == 200
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    for width, viewport in (("390", PHONE), ("1280", DESKTOP)):
        page.set_viewport_size(viewport)
        # Nothing may stick out sideways (a horizontal scrollbar on a phone).
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} ({language}) is {overflow}px too wide at {width}px"
        page.evaluate(LOAD_ALL_IMAGES)
        page.screenshot(path=SCREENSHOTS / f"{name}-{language}-{width}.png", full_page=True)
        violations = axe_violations(page)
        assert not violations, f"{name} ({language}, {width}px):\n" + format_violations(violations)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(MORE_PAGES))
def test_more_pages_pass_axe(new_context, axe_violations, name, language):
    page = new_context(language).new_page()
    response = page.goto(f"/{language}/{MORE_PAGES[name]}")
    assert response.status == 200
    if name == "search":
        assert page.locator(".search-result").count() > 0
    violations = axe_violations(page)
    assert not violations, f"{name} ({language}):\n" + format_violations(violations)
