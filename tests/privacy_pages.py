"""A privacy notice in ky, ru and en below the home pages, for the tests that link to it."""

import datetime

from home.models import PrivacyPage

TITLES = {"ky": "Купуялуулук саясаты", "ru": "Политика конфиденциальности", "en": "Privacy"}


def make_privacy_pages(home_page, locales):
    """``{language: PrivacyPage}``, each below the home page of its language (made if missing)."""
    source = PrivacyPage(
        title=TITLES["ky"],
        slug="privacy",
        intro="Биз эмнени сактайбыз.",
        last_updated=datetime.date(2026, 11, 30),
        body=[("paragraph", "<p>Атыңыз жана почтаңыз квитанция үчүн сакталат.</p>")],
    )
    home_page.add_child(instance=source)
    source.save_revision().publish()
    pages = {"ky": source}
    for code in ("ru", "en"):
        if not home_page.has_translation(locales[code]):
            home_page.copy_for_translation(locales[code]).save_revision().publish()
        copy = source.copy_for_translation(locales[code]).specific
        copy.title = TITLES[code]
        copy.save_revision().publish()
        pages[code] = copy
    for page in pages.values():
        page.refresh_from_db()
    return pages
