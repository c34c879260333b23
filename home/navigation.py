"""Navigation data: the menu, language switcher targets, breadcrumbs, footer office.

The template tags that show them are in ``home.templatetags.navigation_tags``.

The switcher and the hreflang links share one lookup, ``translation_targets``,
which costs two queries whatever the depth of the page: the page's ancestors,
then every live page sharing a translation key with one of them. The choice of
target per language is made by ``pick_targets``, a pure function. The
breadcrumbs reuse the same ancestors (``page_ancestors``, once per request).

What every page of a language shows (home URL, menu, footer office) comes from
``layout_data``: plain values cached per page-cache generation
(``core.caching.layout``), so a warm render runs none of those queries, and any
publish or snippet/settings edit recomputes them. The donate and privacy links
are site-wide links that their apps register (``core.links``).
"""

from django.conf import settings

from wagtail.models import Page

from core.caching.layout import generation_cached
from core.locales import locale_home, site_of
from core.request_memo import memo
from home.models import Office

# Endonyms: each language is named in itself, whatever the page language.
LANGUAGE_LABELS = {
    "ky": ("КЫР", "Кыргызча"),
    "ru": ("РУ", "Русский"),
    "en": ("EN", "English"),
}


def language_codes():
    """The content languages in switcher order (КЫР | РУ | EN, as in settings)."""
    return [code for code, _name in settings.LANGUAGES]


def pick_targets(chain_keys, candidates, codes):
    """Choose, for each language, where its reader should land.

    ``chain_keys``: translation keys from the page itself up to its home page,
    nearest first. ``candidates``: ``(language_code, translation_key, item)``
    for every live page that shares one of those keys. Returns
    ``{code: (item, exact)}`` where ``exact`` says the item is a translation of
    the page itself rather than of an ancestor; languages with nothing to land
    on map to ``(None, False)``.
    """
    by_language = {}
    for code, key, item in candidates:
        by_language.setdefault(code, {})[key] = item
    targets = {}
    for code in codes:
        found = by_language.get(code, {})
        targets[code] = (None, False)
        for depth, key in enumerate(chain_keys):
            if key in found:
                targets[code] = (found[key], depth == 0)
                break
    return targets


def ancestor_paths(page):
    """Ancestor paths below the tree root (depth 1), nearest first."""
    steplen = page.steplen
    return [page.path[:end] for end in range(len(page.path) - steplen, steplen, -steplen)]


def page_ancestors(request, page):
    """The page's ancestors below the tree root, home page first (one query, once per request)."""
    return memo(
        request,
        ("ancestors", page.pk),
        lambda: list(Page.objects.filter(path__in=ancestor_paths(page)).order_by("path")),
    )


def translation_targets(page, ancestors=None):
    """``pick_targets`` for a page, in two queries; the page stands for its own language.

    ``ancestors`` (from ``page_ancestors``) saves the first query.
    """
    paths = ancestor_paths(page)
    if ancestors is None:
        ancestors = dict(Page.objects.filter(path__in=paths).values_list("path", "translation_key"))
    else:
        ancestors = {ancestor.path: ancestor.translation_key for ancestor in ancestors}
    chain_keys = [page.translation_key, *(ancestors[p] for p in paths if p in ancestors)]
    candidates = [
        (candidate.locale.language_code, candidate.translation_key, candidate)
        for candidate in Page.objects.live()
        .filter(translation_key__in=chain_keys)
        .select_related("locale")
    ]
    own_language = page.locale.language_code
    candidates.append((own_language, page.translation_key, page))
    return pick_targets(chain_keys, candidates, language_codes())


def page_links_data(request, page):
    """Switcher targets and breadcrumbs of a page as plain values (three queries at most).

    ``{"targets": {code: (url, exact, is_page)}, "breadcrumbs": [{"title", "url"}]}``;
    ``is_page`` marks the page itself, whose URL the caller takes from the page
    (``target_url``).
    """
    ancestors = page_ancestors(request, page)
    targets = {}
    for code, (target, exact) in translation_targets(page, ancestors).items():
        if target is None:
            targets[code] = (None, exact, False)
        elif target.pk == page.pk:
            targets[code] = (None, exact, True)
        else:
            targets[code] = (target.get_url(request), exact, False)
    trail = [
        {"title": ancestor.title, "url": ancestor.get_url(request)}
        for ancestor in ancestors
        if ancestor.depth >= 2 and ancestor.live
    ]
    return {"targets": targets, "breadcrumbs": trail}


def page_links(request, page):
    """``page_links_data`` once per request, and per generation except in previews."""

    def compute():
        if request is None or getattr(request, "is_preview", False):
            return page_links_data(request, page)
        site = site_of(request)
        parts = (page.pk, site.pk if site else None, f"{request.scheme}://{request.get_host()}")
        return generation_cached(
            request, "page-links", parts, lambda: page_links_data(request, page)
        )

    return memo(request, ("page-links", page.pk), compute)


def target_url(request, page, target):
    """The URL of a ``page_links`` target (the page's own when it is the page itself)."""
    url, _exact, is_page = target
    return page.get_url(request) if is_page else url


def head_office_data(code):
    """The head office in the given language, else the Kyrgyz one, else any; a plain dict."""
    offices = Office.objects.filter(is_head_office=True).select_related("locale")
    chosen = None
    for office in offices:
        if office.locale.language_code == code:
            chosen = office
            break
        if chosen is None or office.locale.language_code == settings.LANGUAGE_CODE:
            chosen = office
    if chosen is None:
        return None
    fields = ("name", "address", "phone", "fax", "email")
    return {field: getattr(chosen, field) for field in fields}


def layout_data(request, language_code):
    """What every page in a language shows, as plain values, cached per generation.

    ``{"has_home", "home_url", "navigation": [{"title", "url", "path"}],
    "head_office": {name, address, phone, fax, email} or None}``.
    """
    site = site_of(request)
    origin = f"{request.scheme}://{request.get_host()}" if request is not None else ""

    def compute():
        home = locale_home(request, language_code)
        data = {
            "has_home": home is not None,
            "home_url": None,
            "navigation": [],
            "head_office": head_office_data(language_code),
        }
        if home is not None:
            data["home_url"] = home.get_url(request)
            children = Page.objects.child_of(home).live().public().in_menu().order_by("path")
            data["navigation"] = [
                {"title": child.title, "url": child.get_url(request), "path": child.path}
                for child in children
            ]
        return data

    site_id = site.pk if site is not None else None
    return generation_cached(request, "layout", (language_code, site_id, origin), compute)
