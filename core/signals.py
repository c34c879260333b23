"""Absence, not alias: parents that translating a page creates stay off the public site.

When a page is translated before its parent section, Wagtail copies each missing
parent into the target locale as an alias (``copy_for_translation`` with
``copy_parents``, which wagtail-localize uses): a live page showing the source
language's text. The site's decision is absence (docs/editors.md), so such an
alias is unpublished as soon as it is made, and again whenever publishing its
original would republish it (``Page.update_aliases`` makes aliases live).

The translated page below it is still served at its URL (Wagtail routes through
pages that are not live). The section itself answers 404 and stays out of the
language switcher, hreflang, the sitemap, menus and search, all of which list
live pages only, until it is translated: wagtail-localize then converts the alias
into a real page, which goes live when a Moderator publishes it.
"""

from wagtail.models import Page
from wagtail.signals import copy_for_translation_done, page_published


def _unpublish(alias, *, log_action):
    if alias.live:
        alias.unpublish(log_action=log_action)


def hide_alias_made_for_translation(sender, source_obj, target_obj, **kwargs):
    """A parent copied as an alias into another locale starts unpublished."""
    if (
        isinstance(target_obj, Page)
        and target_obj.alias_of_id is not None
        and target_obj.locale_id != source_obj.locale_id
    ):
        _unpublish(target_obj, log_action=True)


def keep_translation_aliases_unpublished(sender, instance, alias=False, **kwargs):
    """Publishing an original republishes its aliases: not those in other locales."""
    if not alias or instance.alias_of_id is None or not instance.live:
        return
    original = Page.objects.filter(pk=instance.alias_of_id).values_list("locale_id", flat=True)
    if original.first() != instance.locale_id:
        _unpublish(instance, log_action=False)


def connect():
    copy_for_translation_done.connect(
        hide_alias_made_for_translation, dispatch_uid="home-hide-translation-alias"
    )
    page_published.connect(
        keep_translation_aliases_unpublished, dispatch_uid="home-keep-translation-alias-hidden"
    )
