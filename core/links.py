"""Site-wide links (donate, privacy notice) that apps register for the chrome to show.

The header, the footer and the emails link to pages of apps that core and home
must not import. Each app registers its own with a Wagtail hook returning
``(name, page type)``::

    @hooks.register(SITE_LINK_HOOK)
    def donate_link():
        return "donate", DonatePage

A link in a language is the first live page of that exact type directly below
the language's home page. ``site_link_url`` returns its URL, or None when no app
registered the name or no such page is live: the caller then leaves the link
out. Every link of a language is found in one query and cached per page-cache
generation (``core.caching.layout``), so a warm render runs none.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail import hooks
from wagtail.models import Page

from core.caching.layout import generation_cached
from core.locales import locale_home, site_of

SITE_LINK_HOOK = "register_site_link"


def registered_links():
    """``{name: page type}`` of every registered link."""
    return dict(register() for register in hooks.get_hooks(SITE_LINK_HOOK))


def find_link_urls(request, language_code, links):
    """``{name: URL}`` of the ``links`` found below the language's home page (one query)."""
    home = locale_home(request, language_code)
    if home is None or not links:
        return {}
    names_by_type = {}
    for name, page_type in links.items():
        content_type = ContentType.objects.get_for_model(page_type)
        names_by_type.setdefault(content_type.pk, []).append(name)
    urls = {}
    pages = Page.objects.live().child_of(home).filter(content_type_id__in=names_by_type)
    for page in pages.order_by("path"):
        for name in names_by_type[page.content_type_id]:
            urls.setdefault(name, page.get_url(request))
    return urls


def site_links(request, language_code):
    """``{name: URL}`` of the registered links in a language, cached per generation."""
    links = registered_links()
    site = site_of(request)
    origin = f"{request.scheme}://{request.get_host()}" if request is not None else ""
    parts = (language_code, site.pk if site is not None else None, origin, *sorted(links))
    return generation_cached(
        request, "site-links", parts, lambda: find_link_urls(request, language_code, links)
    )


def site_link_url(name, language_code, request=None):
    """The URL of the link registered as ``name`` in the language, or None."""
    return site_links(request, language_code).get(name)
