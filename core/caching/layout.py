"""Data every page shows (menu, footer office, feeds), cached per page-cache generation.

Uncached renders would otherwise run the same layout queries on every page. A
value is stored in the default cache under a key that includes the page
cache's current generation (``core.caching.store.GENERATION_KEY``), so the
change that retires cached pages (a publish, a snippet, setting, image, site
or locale edit) retires these values too. The generation is read once per
request, before any data, as the page cache middleware does: a value computed
from data read before a change is stored under the old generation only.
Within one request each value is also kept on the request object
(``core.request_memo``).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache as default_cache

from core.caching.store import GENERATION_KEY, ensure_generation, page_cache
from core.request_memo import memo

_MISSING = object()


def current_generation(request=None):
    """The page cache's generation, read once per request."""

    def read():
        cache = page_cache()
        return cache.get(GENERATION_KEY) or ensure_generation(cache)

    return memo(request, "cache-generation", read)


def generation_cached(request, name, parts, compute, *, cache_none=True):
    """``compute()``, cached under ``name`` and ``parts`` for the current generation.

    ``parts`` must name everything the value depends on (language, site, host).
    The value must be picklable (plain dicts, lists and strings, model instances).
    ``cache_none=False`` keeps a None for the request only, never in the shared
    cache (for keys a stranger chooses).
    """
    generation = current_generation(request)
    raw = "|".join(str(part) for part in (name, *parts, generation))
    key = "layout:" + hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()

    def load():
        value = default_cache.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            if value is not None or cache_none:
                default_cache.set(key, value, settings.PAGE_CACHE_TIMEOUT)
        return value

    return memo(request, key, load)
