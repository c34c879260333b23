"""Find the site and the page of a request from the layout cache, not by walking the tree.

Wagtail answers every page request by looking up the Site for the host (one query),
then the root page, its translation and its specific row, then each URL segment's
child and its specific row (two queries per level), then the view restrictions
of the page and its ancestors. All of that only changes when pages, sites or
restrictions change, and each such change bumps the page cache's generation
(core.caching.signals). So ``PageRouteMiddleware`` keeps, per generation:

- the Site for a host and port, stored on the request where Wagtail looks
  first (``remember_site``);
- for each page URL that routed before, the specific page itself; the next
  request takes its own copy and lets the page route itself again (a
  RoutablePageMixin page resolves its own view; every page checks ``live``),
  stored where ``Page.route_for_request`` looks first (``remember_route``).
  Sub-routes of a RoutablePageMixin page (feeds, thank-you links) go through
  Wagtail's routing.

Only URLs that lead to a page are remembered (unknown URLs would fill the cache),
and only for GET and HEAD. Anything unusual (no site, an alias, an error) leaves
the request to Wagtail's own routing. The places where this relies on Wagtail's
private request attributes are in core.framework_internals. PAGE_ROUTE_CACHE=false
turns the middleware off (docs/performance.md has what it gains).
"""

import contextlib

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DatabaseError
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language

from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from core.caching.layout import generation_cached
from core.framework_internals import remember_route, remember_site, route_is_known


def cached_site(request):
    """The Site for this request's host and port (with its root page), per generation."""
    # CommonMiddleware has checked the host against ALLOWED_HOSTS already.
    hostname = split_domain_port(request.get_host())[0]
    port = request.get_port()

    def compute():
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 - stored with the site: no query per request
        return site

    return generation_cached(request, "site", (hostname, port), compute)


def routed_page(request, site, path):
    """The page at exactly this path, or None.

    The page itself is kept (pickled, a few KB): every change to it bumps the
    generation, and each request unpickles its own copy. A sub-route of a page
    (``thank-you/<token>/``) is not kept: anyone can make up such paths.
    """
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page = result[0]
    components = [component for component in path.split("/") if component]
    if page.alias_of_id or page.depth - site.root_page.depth != len(components):
        return None
    return page


def route_to(request, page):
    """Let the remembered page answer for itself: it checks ``live``, and a routable
    page resolves its own view."""
    try:
        return page.route(request, [])
    except Http404:
        return None


class PageRouteMiddleware:
    def __init__(self, get_response):
        if not settings.PAGE_ROUTE_CACHE:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or request.method not in ("GET", "HEAD"):
            return None
        # Database down: leave routing to the view, whose error becomes the 503 page
        # (core.security.DatabaseUnavailableMiddleware).
        with contextlib.suppress(DatabaseError):
            self.route(request, view_args, view_kwargs)
        return None

    def route(self, request, view_args, view_kwargs):
        site = cached_site(request)
        if site is None:
            return
        remember_site(request, site)
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        parts = (site.pk, get_language(), path)
        page = generation_cached(
            request,
            "route",
            parts,
            lambda: routed_page(request, site, path),
            cache_none=False,
        )
        # On a miss, Wagtail's own routing above has already stored its result.
        if page is not None and not route_is_known(request):
            result = route_to(request, page)
            if result is not None:
                remember_route(request, result)
