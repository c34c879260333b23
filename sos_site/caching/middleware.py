"""Serve anonymous GET requests for public pages from the page cache.

Placed right after WhiteNoise and before the session, CSRF and authentication
middleware, so a hit returns before anything can touch the database.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import add_never_cache_headers

from sos_site.caching.store import GENERATION_KEY, ensure_generation, page_cache, page_key

STATUS_HEADER = "X-Page-Cache"
# Cache-Control directives that forbid a shared cache from keeping a response.
UNSHAREABLE = ("private", "no-store", "no-cache")
# Headers that belong to the exchange, not to the page.
NOT_STORED = {"set-cookie", "date", "x-page-cache"}


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
        if generation is not None and entry is not None and entry[0] == generation:
            return self.from_entry(request, entry)
        if generation is None:
            generation = ensure_generation(cache)

        response = self.get_response(request)
        if self.is_storable(request, response):
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = self.cache_control
            digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
            response["ETag"] = f'"{digest}"'
            headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED]
            cache.set(key, (generation, headers, response.content), self.timeout)
            response[STATUS_HEADER] = "miss"
        else:
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            response[STATUS_HEADER] = "skip"
        return response

    def is_cacheable_request(self, request):
        """Anonymous, cookie-less (as far as Django is concerned) GETs of language-prefixed URLs."""
        if request.method != "GET" or not request.path.startswith(self.prefixes):
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
        # A CSP nonce is good for one response only (django-csp makes it on first use).
        if isinstance(getattr(request, "_csp_nonce", None), str):
            return False
        # Safety net: a page that embeds a CSRF token belongs to one visitor only.
        return b'name="csrfmiddlewaretoken"' not in response.content

    def from_entry(self, request, entry):
        _generation, headers, content = entry
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
