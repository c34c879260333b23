"""Create the missing Russian and English translations of a demo object."""

from wagtail.models import Locale, Page

from core.localization import (
    TranslationIncompleteError,
    page_link_overrides,
    parallel_strings,
    translate_object,
)

from .base import SOURCE_LANGUAGE, TARGET_LANGUAGES


def translate_missing(source, build, ctx, label):
    """Translate ``source`` into every target language it lacks.

    ``build(language)`` returns an unsaved instance of the spec written in that
    language; the Kyrgyz and target builds are paired segment by segment. An
    existing translation is never touched. If the source was edited so that the
    demo strings no longer fit, the translation is skipped with a note: an editor
    translates it in the admin instead.
    """
    source_build = None
    for code in TARGET_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        if source.has_translation(locale):
            continue
        if isinstance(source, Page):
            parent = source.get_parent()
            if parent.depth > 1 and not parent.has_translation(locale):
                ctx.note(f"  skipped {label} ({code}): its parent page is not translated")
                continue
        try:
            source_build = source_build or build(SOURCE_LANGUAGE)
            strings = parallel_strings(source_build, build(code))
            overrides = page_link_overrides(source, locale) if isinstance(source, Page) else {}
            translate_object(source, locale, strings, overrides=overrides)
        except (TranslationIncompleteError, ValueError) as error:
            ctx.note(f"  skipped {label} ({code}), translate it in the admin: {error}")
            continue
        ctx.count(f"{label} translations")


def relink_translations(page, ctx):
    """Point the translations of ``page`` at translated link targets made after them.

    Only for pages created in this run: the home page is translated before its
    donate page exists in Russian and English, so its link is fixed afterwards.
    """
    for code in TARGET_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        if not page.has_translation(locale):
            continue
        overrides = page_link_overrides(page, locale)
        target = page.get_translation(locale).specific
        stale = {
            path: pk for path, pk in overrides.items() if getattr(target, path + "_id", pk) != pk
        }
        if stale:
            translate_object(page, locale, {}, overrides=overrides)
            ctx.count("page links localized", len(stale))
