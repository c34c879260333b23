"""Invalidate the page cache (and the CDN, when configured) on every public change.

Simplest correct rule: any change that can alter a public page retires every
cached page, in all languages (a page's language switcher and the listings of
its parents and of the home page show it, in its own locale and the others).
Changes are rare next to reads, so the refill costs little.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail import signals as wagtail_signals
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.snippets.models import get_snippet_models

from core.caching.store import bump_generation

# Models whose rows appear on public pages besides the pages themselves.
SHOWN_ON_PAGES = (
    Page,
    BaseGenericSetting,
    BaseSiteSetting,
    AbstractImage,
    AbstractDocument,
    Site,
    Locale,
    # A restricted page leaves menus and listings (``.public()``).
    PageViewRestriction,
)


def retire_cached_pages():
    """Bump now (this process and the tests see it at once) and again after commit.

    The second bump retires pages rendered by other workers from data read
    before this transaction committed.
    """
    bump_generation()
    transaction.on_commit(bump_generation)


def is_shown_on_pages(instance):
    return (
        isinstance(instance, SHOWN_ON_PAGES)
        or type(instance) in get_snippet_models()
        or instance._meta.label in settings.PAGE_CACHE_SHOWN_MODELS
    )


def on_page_change(sender, instance, **kwargs):
    retire_cached_pages()
    if settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(lambda: purge_listings_from_cdn(instance))


def on_model_change(sender, instance, **kwargs):
    if not is_shown_on_pages(instance):
        return
    if kwargs.get("created") and isinstance(instance, (BaseGenericSetting, BaseSiteSetting)):
        # Settings.load() creates the row with its defaults during a render: what
        # every page already shows. The admin's edit form always updates a row.
        return
    retire_cached_pages()
    if settings.WAGTAILFRONTENDCACHE and not isinstance(instance, Page):
        transaction.on_commit(purge_site_from_cdn)


def purge_listings_from_cdn(page):
    """Wagtail purges the page itself; purge the pages that list it, in every locale."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    for translation in Page.objects.filter(translation_key=page.translation_key):
        batch.add_pages(translation.get_ancestors().live().filter(depth__gt=1))
    batch.purge()


def purge_site_from_cdn():
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1))
    batch.purge()


def connect():
    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
        wagtail_signals.page_slug_changed,
    ):
        signal.connect(on_page_change, dispatch_uid=f"page-cache-{id(signal)}")
    for signal in (wagtail_signals.published, wagtail_signals.unpublished, post_save, post_delete):
        signal.connect(on_model_change, dispatch_uid=f"page-cache-model-{id(signal)}")
