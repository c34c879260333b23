"""Create and update wagtail-localize translations from code.

The admin creates translations through "Translate" and the translation editor;
these functions do the same from a script (the demo loader, data imports), so
the result is indistinguishable: a TranslationSource for the source object, a
Translation per target locale, one StringTranslation per String segment, and a
target page or snippet saved from them. Editors can then update and sync the
translation in the admin as usual.
"""

import json

from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

__all__ = [
    "TranslationIncompleteError",
    "get_locale",
    "page_link_overrides",
    "parallel_strings",
    "source_strings",
    "translate_object",
]


class TranslationIncompleteError(ValueError):
    """Raised when a translation cannot be saved because something is not translated yet."""

    def __init__(self, instance, locale, untranslated=(), untranslated_objects=()):
        self.untranslated = list(untranslated)
        self.untranslated_objects = list(untranslated_objects)
        lines = [f"Cannot translate {instance!r} into {locale.language_code}:"]
        lines += [f"  no translation for {path}: {text!r}" for path, text in self.untranslated]
        lines += [
            f"  {obj!r} must be translated into {locale.language_code} first"
            for obj in self.untranslated_objects
        ]
        super().__init__("\n".join(lines))


def get_locale(locale):
    """Accept a Locale or a language code."""
    if isinstance(locale, Locale):
        return locale
    return Locale.objects.get(language_code=locale)


def _specific(instance):
    return instance.specific if isinstance(instance, Page) else instance


def source_strings(instance):
    """The texts of the String segments wagtail-localize extracts from ``instance``.

    Rich text is split per block element, with links reduced to ``<a id="a1">``;
    these are exactly the keys ``translate_object`` expects.
    """
    return [
        segment.string.data
        for segment in extract_segments(_specific(instance))
        if isinstance(segment, StringSegmentValue)
    ]


def parallel_strings(source_instance, target_instance):
    """Pair the String segments of two instances built with the same structure.

    ``target_instance`` is an unsaved copy of the source written in the target
    language (same fields, same StreamField block ids, same number of paragraphs).
    Returns ``{source_text: target_text}`` for ``translate_object``. Raises
    ValueError if the two do not line up, or if one source text would need two
    different translations.
    """
    source_segments = [
        s for s in extract_segments(_specific(source_instance)) if isinstance(s, StringSegmentValue)
    ]
    target_segments = [
        s for s in extract_segments(_specific(target_instance)) if isinstance(s, StringSegmentValue)
    ]
    source_paths = [s.path for s in source_segments]
    target_paths = [s.path for s in target_segments]
    if source_paths != target_paths:
        raise ValueError(
            f"{source_instance!r} and its translation do not have the same structure:\n"
            f"  source: {source_paths}\n  target: {target_paths}"
        )
    strings = {}
    for source, target in zip(source_segments, target_segments, strict=True):
        key, value = source.string.data, target.string.data
        if strings.get(key, value) != value:
            raise ValueError(
                f"{key!r} in {source_instance!r} has two translations: "
                f"{strings[key]!r} and {value!r}"
            )
        strings[key] = value
    return strings


def _check_complete(source, locale, strings):
    """List the String segments with no translation and the untranslated related objects."""
    untranslated = []
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in strings:
            continue
        already = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).exists()
        if not already:
            untranslated.append((segment.context.path, segment.string.data))

    untranslated_objects = []
    for segment in RelatedObjectSegment.objects.filter(source=source).select_related("object"):
        if not segment.object.has_translation(locale):
            untranslated_objects.append(segment.object.get_instance(source.locale))
    return untranslated, untranslated_objects


def _is_page_reference(model, field_path):
    """Whether a segment's field path ("donate_page", "body.call_to_action.page") holds a page."""
    name, *rest = field_path.split(".")
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    if isinstance(field, models.ForeignKey):
        return not rest and issubclass(field.related_model, Page)
    if isinstance(field, StreamField):
        block = field.stream_block
        for part in rest:
            if isinstance(block, blocks.ListBlock):
                block = block.child_block
            elif hasattr(block, "child_blocks") and part in block.child_blocks:
                block = block.child_blocks[part]
            else:
                return False
        return isinstance(block, blocks.PageChooserBlock)
    return False


def page_link_overrides(instance, locale):
    """Overrides that point the translation's page links at the linked pages' translations.

    Wagtail-localize copies page choosers (a ForeignKey to a page, a PageChooserBlock)
    unchanged, so a Russian page would link to the Kyrgyz page. An editor fixes this
    in the translation editor by overriding the segment; this does the same for every
    page link whose target already exists in ``locale``. Returns ``{path: page_id}``
    for ``translate_object(overrides=...)``.
    """
    instance = _specific(instance)
    locale = get_locale(locale)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    overrides = {}
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        field_path = segment.context.get_field_path(instance)
        if not _is_page_reference(type(instance), field_path):
            continue
        linked = Page.objects.filter(pk=segment.data).first()
        translated = linked and linked.get_translation_or_none(locale)
        if translated is not None:
            overrides[segment.context.path] = translated.pk
    return overrides


@transaction.atomic
def translate_object(instance, locale, strings, *, overrides=None, publish=True, user=None):
    """Translate ``instance`` into ``locale`` through wagtail-localize and save the target.

    - ``strings`` maps source texts (as ``source_strings`` returns them) to their
      translations. Every String segment of the source must be covered, either
      here or by an existing StringTranslation; otherwise TranslationIncompleteError
      lists the missing ones and nothing is written.
    - ``overrides`` maps the content path of an overridable segment (a synchronised
      field such as an image or a page link, e.g. ``"hero_image"``) to the value the
      translation uses instead of the source's.
    - Snippets that the source points to through translatable foreign keys must
      already be translated into ``locale``.
    - For pages, the parent must already be translated. Pages and other
      DraftStateMixin models are published when ``publish`` is true (straight away,
      not on transaction commit), otherwise saved as a draft revision.

    The source is refreshed from ``instance`` first, as the admin's "Sync translated
    pages" does. Returns the translated instance.
    """
    instance = _specific(instance)
    locale = get_locale(locale)
    if locale.pk == instance.locale_id:
        raise ValueError(f"{instance!r} is already in {locale.language_code}")

    source, _ = TranslationSource.update_or_create_from_instance(instance)
    untranslated, untranslated_objects = _check_complete(source, locale, strings)
    if untranslated or untranslated_objects:
        raise TranslationIncompleteError(instance, locale, untranslated, untranslated_objects)

    translation, _ = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )

    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )

    for path, value in (overrides or {}).items():
        context = TranslationContext.objects.filter(object=source.object, path=path).first()
        if (
            context is None
            or not OverridableSegment.objects.filter(source=source, context=context).exists()
        ):
            raise ValueError(f"{instance!r} has no overridable segment at {path!r}")
        SegmentOverride.objects.update_or_create(
            locale=locale,
            context=context,
            defaults={
                "data_json": json.dumps(value, cls=DjangoJSONEncoder),
                "last_translated_by": user,
            },
        )

    is_draftable = isinstance(instance, DraftStateMixin)
    # wagtail-localize publishes pages on transaction commit; we publish the new
    # revision ourselves so the target is live when this function returns.
    target, _ = source.create_or_update_translation(
        locale, user=user, publish=not is_draftable, fallback=False
    )
    if is_draftable and publish:
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()

    Translation.objects.filter(pk=translation.pk).update(
        translations_last_updated_at=source.last_updated_at
    )
    return target
