"""Where cached pages live, and the generation stamp that retires them all at once.

Every entry carries the generation that was current when its render *started*.
Any public change writes a new random generation, so every older entry stops
matching at once, in every worker process that shares the cache. A render that
began before the change is stored under the old generation and never served.
The generation's key names the release (core.release), so a deploy starts
from a generation of its own: nothing the previous code rendered is served.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import caches
from django.utils.http import urlencode

from core.caching.keys import kept_query
from core.release import release_id


def generation_key(release):
    return f"page-cache:generation:{release}"


GENERATION_KEY = generation_key(release_id())


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def new_generation():
    return secrets.token_hex(8)


def ensure_generation(cache):
    """Return the current generation, creating one when the cache has none."""
    cache.add(GENERATION_KEY, new_generation(), timeout=None)
    return cache.get(GENERATION_KEY)


def bump_generation():
    """Retire every cached page (called on publish, unpublish, move, delete, snippet edits)."""
    page_cache().set(GENERATION_KEY, new_generation(), timeout=None)


def page_key(request):
    """Scheme, host, path (with its language prefix) and the parameters pages read.

    Tracking and other parameters are left out (core.caching.keys).
    """
    query = urlencode(kept_query(request))
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "page-cache:page:" + hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
