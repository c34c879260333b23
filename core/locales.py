"""The page tree by language: a page's language, and each language's home page.

Every render asks both (the menu, the language switcher, the site-wide links),
so neither costs a query when warm: the locale codes are cached per page-cache
generation, a language's home page once per request.
"""

from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

from core.caching.layout import generation_cached
from core.request_memo import memo


def site_of(request):
    """The request's site (Wagtail keeps it on the request), else the default site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def locale_home(request, language_code=None):
    """The live home page of the request's site in the given (default: active) language."""
    code = language_code or get_language()

    def find():
        site = Site.find_for_request(request) if request is not None else None
        if site is None:
            site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        if site is None:
            return None
        root = site.root_page
        return (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale__language_code=code)
            .first()
        )

    return memo(request, ("locale-home", code), find)


def locale_codes(request):
    """``{locale id: language code}``, cached per generation (a Locale edit bumps it)."""

    def compute():
        return dict(Locale.objects.values_list("pk", "language_code"))

    return generation_cached(request, "locales", (), compute)


def attach_locale(request, page):
    """Give the page its Locale from the cached codes, so ``page.locale`` costs no query.

    The page object is the one the whole template shares (``page.locale`` in
    the head, the switcher, JSON-LD), so this saves that lookup everywhere.
    """
    locale_id = getattr(page, "locale_id", None)
    if not locale_id or Page.locale.is_cached(page):
        return
    code = locale_codes(request).get(locale_id)
    if code is not None:
        locale = Locale(pk=locale_id, language_code=code)
        locale._state.adding = False
        locale._state.db = page._state.db
        page.locale = locale


def language_of(page):
    """The page's language, or the active one when there is no page."""
    if page is not None and getattr(page, "locale_id", None):
        return page.locale.language_code
    return get_language() or settings.LANGUAGE_CODE


def context_page(context, page=None):
    """``page``, else the template context's page, with its locale attached; or None."""
    page = page if page is not None else context.get("page")
    if not isinstance(page, Page):
        return None
    attach_locale(context.get("request"), page)
    return page


def context_language(context, page=None):
    """The language of ``context_page`` (of the request when there is no page)."""
    return language_of(context_page(context, page))
