"""Site chrome tags: primary navigation, language switcher, hreflang links, footer office.

Thin: the data and its caching are in ``home.navigation``; a page's language in
``core.locales``. The donate and privacy links come from ``core.links``
(``{% load site_link_tags %}{% site_link_url "donate" as donate_url %}``).
"""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from core.locales import context_language, context_page, language_of
from home.navigation import (
    LANGUAGE_LABELS,
    language_codes,
    layout_data,
    page_links,
    target_url,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def page_language(context, page=None):
    """The language of the page (or of the request when there is no page)."""
    return context_language(context, page)


@register.simple_tag(takes_context=True)
def home_page_url(context):
    request = context.get("request")
    data = layout_data(request, context_language(context))
    return data["home_url"] if data["has_home"] else "/"


@register.simple_tag(takes_context=True)
def language_switcher(context, page=None):
    """One entry per language: short code, full name, target URL, current flag.

    A language without any live target is returned without a URL (shown as
    text). Links to other languages go through the ``switch_language`` view,
    which remembers the choice in the language cookie and redirects.
    """
    request = context.get("request")
    page = context_page(context, page)
    current = language_of(page)
    if page is None:
        targets = {}
        for code in language_codes():
            data = layout_data(request, code)
            targets[code] = (data["home_url"] if data["has_home"] else None, False, False)
    else:
        targets = page_links(request, page)["targets"]
    entries = []
    for code in language_codes():
        short, name = LANGUAGE_LABELS.get(code, (code.upper(), code))
        target = targets.get(code, (None, False, False))
        exact = target[1]
        url = target_url(request, page, target)
        if code == current:
            url = page.get_url(request) if page is not None else (request.path if request else url)
        elif url:
            url = "{}?{}".format(reverse("switch_language", args=[code]), urlencode({"next": url}))
        entries.append(
            {
                "code": code,
                "short": short,
                "name": name,
                "url": url,
                "is_current": code == current,
                "exact": exact,
            }
        )
    return entries


@register.simple_tag(takes_context=True)
def alternate_links(context, page=None):
    """``<link rel=alternate>`` data: the page's live translations plus x-default.

    x-default points at the Kyrgyz version, or when there is none at the first
    existing one in LANGUAGES order. Ancestors never appear here.
    """
    request = context.get("request")
    page = context_page(context, page)
    if page is None or not page.live:
        return []
    links = []
    for code, target in page_links(request, page)["targets"].items():
        if not target[1]:
            continue
        url = target_url(request, page, target)
        if url is None:
            continue
        if request is not None and not url.startswith("http"):
            url = request.build_absolute_uri(url)
        links.append({"hreflang": code, "url": url})
    if links:
        links.append({"hreflang": "x-default", "url": links[0]["url"]})
    return links


@register.simple_tag(takes_context=True)
def primary_navigation(context, page=None):
    """Live, in-menu children of the current language's home page (cached per generation)."""
    request = context.get("request")
    page = context_page(context, page)
    items = []
    for child in layout_data(request, language_of(page))["navigation"]:
        state = None
        if page is not None:
            if page.path == child["path"]:
                state = "page"
            elif page.path.startswith(child["path"]):
                state = "true"
        items.append({"title": child["title"], "url": child["url"], "current": state})
    return items


@register.simple_tag(takes_context=True)
def head_office(context, page=None):
    """The national coordination office in the page's language, else in any language.

    A dict with the office's name, address, phone, fax and email.
    """
    code = context_language(context, page)
    return layout_data(context.get("request"), code)["head_office"]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None):
    """Live ancestors of the page from its home page down, excluding the page.

    ``[{"title", "url"}]``, from the language switcher's lookup (``page_links``).
    """
    page = context_page(context, page)
    if page is None or page.depth <= 2:
        return []
    return page_links(context.get("request"), page)["breadcrumbs"]
