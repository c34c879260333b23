"""Site chrome: primary navigation, language switcher, hreflang links, footer office.

The switcher and the hreflang links share one lookup, ``translation_targets``,
which costs two queries whatever the depth of the page: the page's ancestors,
then every live page sharing a translation key with one of them. The choice of
target per language is made by ``pick_targets``, a pure function. The
breadcrumbs reuse the same ancestors (``page_ancestors``, once per request).

What every page of a language shows (home URL, menu, donate and privacy URLs,
footer office) comes from ``layout_data``: plain values cached per page-cache
generation (``core.caching.layout``), so a warm render runs none of those
queries, and any publish or snippet/settings edit recomputes them.
"""

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

from core.caching.layout import generation_cached
from home.models import Office, PrivacyPage

register = template.Library()

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


def _ancestor_paths(page):
    """Ancestor paths below the tree root (depth 1), nearest first."""
    steplen = page.steplen
    return [page.path[:end] for end in range(len(page.path) - steplen, steplen, -steplen)]


def page_ancestors(request, page):
    """The page's ancestors below the tree root, home page first (one query, once per request)."""
    memo = getattr(request, "_sos_ancestors", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._sos_ancestors = memo
    if page.pk not in memo:
        memo[page.pk] = list(Page.objects.filter(path__in=_ancestor_paths(page)).order_by("path"))
    return memo[page.pk]


def translation_targets(page, ancestors=None):
    """``pick_targets`` for a page, in two queries; the page stands for its own language.

    ``ancestors`` (from ``page_ancestors``) saves the first query.
    """
    paths = _ancestor_paths(page)
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


def _page_links_data(request, page):
    """Switcher targets and breadcrumbs of a page as plain values (three queries at most).

    ``{"targets": {code: (url, exact, is_page)}, "breadcrumbs": [{"title", "url"}]}``;
    ``is_page`` marks the page itself, whose URL the caller takes from the page.
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
    """``_page_links_data`` once per request, and per generation except in previews."""
    memo = getattr(request, "_sos_page_links", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._sos_page_links = memo
    if page.pk not in memo:
        if request is None or getattr(request, "is_preview", False):
            memo[page.pk] = _page_links_data(request, page)
        else:
            site = _site_of(request)
            parts = (page.pk, site.pk if site else None, f"{request.scheme}://{request.get_host()}")
            memo[page.pk] = generation_cached(
                request, "page-links", parts, lambda: _page_links_data(request, page)
            )
    return memo[page.pk]


def _target_url(request, page, target):
    url, _exact, is_page = target
    return page.get_url(request) if is_page else url


def locale_home(request, language_code=None):
    """The live home page of the request's site in the given (default: active) language."""
    cache = getattr(request, "_sos_locale_homes", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._sos_locale_homes = cache
    code = language_code or get_language()
    if code not in cache:
        site = Site.find_for_request(request) if request is not None else None
        if site is None:
            site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        home = None
        if site is not None:
            root = site.root_page
            home = (
                Page.objects.live()
                .filter(translation_key=root.translation_key, locale__language_code=code)
                .first()
            )
        cache[code] = home
    return cache[code]


def _site_of(request):
    """The request's site (Wagtail keeps it on the request), else the default site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def _head_office_data(code):
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


def _site_wide_urls(request, home):
    """The donate page's and the privacy notice's URLs below ``home``, in one query."""
    from donations.models import DonatePage

    wanted = {
        ContentType.objects.get_for_model(DonatePage).pk: "donate_url",
        ContentType.objects.get_for_model(PrivacyPage).pk: "privacy_url",
    }
    urls = {}
    for page in (
        Page.objects.live().child_of(home).filter(content_type_id__in=wanted).order_by("path")
    ):
        urls.setdefault(wanted[page.content_type_id], page.get_url(request))
    return urls


def layout_data(request, language_code):
    """What every page in a language shows, as plain values, cached per generation.

    ``{"has_home", "home_url", "navigation": [{"title", "url", "path"}],
    "donate_url", "privacy_url", "head_office": {name, address, phone, fax, email} or None}``.
    """
    site = _site_of(request)
    origin = f"{request.scheme}://{request.get_host()}" if request is not None else ""

    def compute():
        home = locale_home(request, language_code)
        data = {
            "has_home": home is not None,
            "home_url": None,
            "navigation": [],
            "donate_url": None,
            "privacy_url": None,
            "head_office": _head_office_data(language_code),
        }
        if home is not None:
            data["home_url"] = home.get_url(request)
            children = Page.objects.child_of(home).live().public().in_menu().order_by("path")
            data["navigation"] = [
                {"title": child.title, "url": child.get_url(request), "path": child.path}
                for child in children
            ]
            data.update(_site_wide_urls(request, home))
        return data

    site_id = site.pk if site is not None else None
    return generation_cached(request, "layout", (language_code, site_id, origin), compute)


def _language_of(page):
    if page is not None and getattr(page, "locale_id", None):
        return page.locale.language_code
    return get_language() or settings.LANGUAGE_CODE


def _page_from(context, page):
    page = page if page is not None else context.get("page")
    if not isinstance(page, Page):
        return None
    _attach_locale(context.get("request"), page)
    return page


def locale_codes(request):
    """``{locale id: language code}``, cached per generation (a Locale edit bumps it)."""

    def compute():
        return dict(Locale.objects.values_list("pk", "language_code"))

    return generation_cached(request, "locales", (), compute)


def _attach_locale(request, page):
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


@register.simple_tag(takes_context=True)
def page_language(context, page=None):
    """The language of the page (or of the request when there is no page)."""
    return _language_of(_page_from(context, page))


@register.simple_tag(takes_context=True)
def home_page_url(context):
    request = context.get("request")
    data = layout_data(request, _language_of(_page_from(context, None)))
    return data["home_url"] if data["has_home"] else "/"


@register.simple_tag(takes_context=True)
def language_switcher(context, page=None):
    """One entry per language: short code, full name, target URL, current flag.

    A language without any live target is returned without a URL (shown as
    text). Links to other languages go through the ``switch_language`` view,
    which remembers the choice in the language cookie and redirects.
    """
    request = context.get("request")
    page = _page_from(context, page)
    current = _language_of(page)
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
        url = _target_url(request, page, target)
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
    page = _page_from(context, page)
    if page is None or not page.live:
        return []
    links = []
    for code, target in page_links(request, page)["targets"].items():
        if not target[1]:
            continue
        url = _target_url(request, page, target)
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
    page = _page_from(context, page)
    items = []
    for child in layout_data(request, _language_of(page))["navigation"]:
        state = None
        if page is not None:
            if page.path == child["path"]:
                state = "page"
            elif page.path.startswith(child["path"]):
                state = "true"
        items.append({"title": child["title"], "url": child["url"], "current": state})
    return items


@register.simple_tag(takes_context=True)
def donate_page_url(context, page=None):
    """URL of the live donate page under the current language's home, or None."""
    request = context.get("request")
    return layout_data(request, _language_of(_page_from(context, page)))["donate_url"]


def privacy_url(request, language_code):
    """URL of the live privacy notice under the language's home page, or None (cached)."""
    # .get: layout data cached by a release that did not know the key yet.
    return layout_data(request, language_code).get("privacy_url")


@register.simple_tag(takes_context=True)
def privacy_page_url(context, page=None):
    """URL of the privacy notice in the page's (or the request's) language, or None."""
    return privacy_url(context.get("request"), _language_of(_page_from(context, page)))


@register.simple_tag(takes_context=True)
def head_office(context, page=None):
    """The national coordination office in the page's language, else in any language.

    A dict with the office's name, address, phone, fax and email.
    """
    code = _language_of(_page_from(context, page))
    return layout_data(context.get("request"), code)["head_office"]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None):
    """Live ancestors of the page from its home page down, excluding the page.

    ``[{"title", "url"}]``, from the language switcher's lookup (``page_links``).
    """
    page = _page_from(context, page)
    if page is None or page.depth <= 2:
        return []
    return page_links(context.get("request"), page)["breadcrumbs"]
