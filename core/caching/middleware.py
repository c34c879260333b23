"""Serve anonymous GET and HEAD requests for public pages from the page cache.

Placed right after WhiteNoise and before the session, CSRF and authentication
middleware, so a hit returns before anything can touch the database. An entry is
served while its generation, its local date and the versions of the tags it named
(core.caching.tags) are all still current; its key leaves out tracking and
unknown query parameters (core.caching.keys).
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from core.caching.keys import is_canonical
from core.caching.store import GENERATION_KEY, ensure_generation, page_cache, page_key
from core.caching.tags import recorded_tags, tags_are_current
from core.framework_internals import csp_nonce_used

STATUS_HEADER = "X-Page-Cache"
# Cache-Control directives that forbid a shared cache from keeping a response.
UNSHAREABLE = ("private", "no-store", "no-cache")
# Headers that belong to the exchange, not to the page.
NOT_STORED = {"set-cookie", "date", "x-page-cache"}


def local_day():
    """Today in the site's time zone (Asia/Bishkek), as cached pages are dated."""
    return timezone.localdate().isoformat()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.PAGE_CACHE_TIMEOUT
        self.cache_control = settings.PAGE_CACHE_CONTROL
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
        self.private_cookies = {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name}

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED:
            return self.get_response(request)
        if not self.is_cacheable_request(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            return response

        cache = page_cache()
        key = page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if generation is not None and self.is_current(entry, generation):
            return self.from_entry(request, entry)
        if generation is None:
            generation = ensure_generation(cache)
        # Read before the render, like the generation: a page rendered on one side of
        # midnight is never served on the other (programme status follows the date).
        day = local_day()

        response = self.get_response(request)
        if self.is_storable(request, response):
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = self.cache_control
            self.drop_cookie_from_vary(response)
            digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
            response["ETag"] = f'"{digest}"'
            headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED]
            tags = recorded_tags(request)
            cache.set(key, (generation, day, tags, headers, response.content), self.timeout)
            response[STATUS_HEADER] = "miss"
        else:
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            response[STATUS_HEADER] = "skip"
        return response

    @staticmethod
    def is_current(entry, generation):
        """Same generation, same local day, and every tag it named still current."""
        if entry is None or len(entry) != 5:
            return False
        entry_generation, day, tags, _headers, _content = entry
        return entry_generation == generation and day == local_day() and tags_are_current(tags)

    @staticmethod
    def drop_cookie_from_vary(response):
        """A stored page is the page of every visitor without a session or messages cookie.

        Visitors with one never get it from here (and a CDN is told to bypass or key on
        ``sessionid``, docs/performance.md). ``Vary: Cookie`` would make shared caches keep
        a copy per analytics or language cookie, or none at all.
        """
        if not response.has_header("Vary"):
            return
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]

    def is_cacheable_request(self, request):
        """Anonymous, cookie-less (as far as Django is concerned) GETs and HEADs of
        language-prefixed URLs. A HEAD gets what a GET of the same URL gets, headers
        included (the server leaves out the body)."""
        if request.method not in ("GET", "HEAD") or not request.path.startswith(self.prefixes):
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        if "HTTP_COOKIE" not in request.META:
            return True
        return self.private_cookies.isdisjoint(request.COOKIES)

    def is_storable(self, request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(directive in cache_control for directive in UNSHAREABLE):
            return False
        # Junk in the query string (?page=abc, an unknown parameter) is rendered, not stored.
        if not is_canonical(request):
            return False
        # A CSP nonce is good for one response only (django-csp makes it on first use).
        if csp_nonce_used(request):
            return False
        # Safety net: a page that embeds a CSRF token belongs to one visitor only.
        return b'name="csrfmiddlewaretoken"' not in response.content

    def from_entry(self, request, entry):
        _generation, _day, _tags, headers, content = entry
        etag = dict((k.lower(), v) for k, v in headers).get("etag")
        if etag and request.META.get("HTTP_IF_NONE_MATCH") == etag:
            response = HttpResponseNotModified()
            for name, value in headers:
                if name.lower() in {"etag", "cache-control", "vary", "content-language"}:
                    response[name] = value
        else:
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
        response[STATUS_HEADER] = "hit"
        return response
