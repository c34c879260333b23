"""Site search in the visitor's language, and robots.txt."""

import re

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MIN_TERM_LENGTH = 2


def search_terms(query):
    """The words of a query worth highlighting, longest first so overlaps prefer them."""
    words = {word for word in query.split() if len(word) >= MIN_TERM_LENGTH}
    return sorted(words, key=len, reverse=True)


def highlight(text, terms):
    """Escape ``text`` and wrap every case-insensitive match of ``terms`` in <mark>.

    The text is split on the raw matches first and each piece escaped on its
    own, so neither the text nor the query can inject markup.
    """
    text = str(text or "")
    if not terms:
        return escape(text)
    pattern = re.compile("(" + "|".join(re.escape(term) for term in terms) + ")", re.IGNORECASE)
    pieces = pattern.split(text)
    # re.split with one group alternates: outside, match, outside, match, ...
    html = "".join(
        f"<mark>{escape(piece)}</mark>" if index % 2 else escape(piece)
        for index, piece in enumerate(pieces)
    )
    return mark_safe(html)  # noqa: S308 - every piece was escaped above


def search_queryset(locale):
    """Live, public pages of one locale; filtered before the search runs."""
    return Page.objects.live().public().filter(locale=locale, depth__gt=1)


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    locale = Locale.get_active()
    results = None
    if query:
        search_results = search_queryset(locale).search(query)
        results = Paginator(search_results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        terms = search_terms(query)
        results.object_list = [
            {
                "page": page.specific,
                "title": highlight(page.specific.title, terms),
                "intro": highlight(
                    getattr(page.specific, "intro", "") or page.search_description, terms
                ),
            }
            for page in results.object_list
        ]
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": results, "locale": locale},
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
    ]
    for language_code in Locale.objects.values_list("language_code", flat=True):
        lines.append(f"Disallow: /{language_code}/search/")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
