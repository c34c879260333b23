"""Data every page shows (menu, footer office, feeds), cached per page-cache generation.

Uncached renders would otherwise run the same layout queries on every page. A
value is stored in the default cache under a key that includes the page
cache's current generation (``core.caching.store.GENERATION_KEY``), so the
change that retires cached pages (a publish, a snippet, setting, image, site
or locale edit) retires these values too. The generation is read once per
request, before any data, as the page cache middleware does: a value computed
from data read before a change is stored under the old generation only.
Within one request each value is also kept on the request object.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache as default_cache

from core.caching.store import GENERATION_KEY, ensure_generation, page_cache

_MISSING = object()


def current_generation(request=None):
    """The page cache's generation, read once per request."""
    generation = getattr(request, "_sos_cache_generation", None)
    if generation is None:
        cache = page_cache()
        generation = cache.get(GENERATION_KEY) or ensure_generation(cache)
        if request is not None:
            request._sos_cache_generation = generation
    return generation


def generation_cached(request, name, parts, compute, *, cache_none=True):
    """``compute()``, cached under ``name`` and ``parts`` for the current generation.

    ``parts`` must name everything the value depends on (language, site, host).
    The value must be picklable (plain dicts, lists and strings, model instances).
    ``cache_none=False`` recomputes a None every time (for keys a stranger chooses).
    """
    generation = current_generation(request)
    raw = "|".join(str(part) for part in (name, *parts, generation))
    key = "layout:" + hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
    memo = getattr(request, "_sos_layout_cache", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._sos_layout_cache = memo
    if key in memo:
        return memo[key]
    value = default_cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        if value is None and not cache_none:
            return None
        default_cache.set(key, value, settings.PAGE_CACHE_TIMEOUT)
    memo[key] = value
    return value
