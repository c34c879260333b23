"""Parts of the page cache that are retired on their own, without a new generation.

The generation retires every cached page and fragment at once: right for a publish,
wasteful for a paid gift, which only changes the pages that show figures (a fund's
programme pages, the transparency page and its CSV). Such pages name a *tag* for
what they show (``depends_on(request, "figures:fund:7")``) *before* they read it; the
tag's current version is stored with the cached page, and a hit requires every
recorded version to be still current. ``retire_tags`` gives tags new versions, so
only the pages that named them are rendered again; every other page stays a hit.

A version read before the data it guards is safe against races, as the generation
is: a page rendered from figures read before a change is stored under the old
version and never served.
"""

import secrets

from core.caching.store import page_cache
from core.request_memo import memo

TAG_PREFIX = "page-cache:tag:"
RECORDED = "cache-tags"


def tag_key(tag):
    return TAG_PREFIX + tag


def tag_version(tag):
    """The tag's current version (shared by every process, like the generation)."""
    cache = page_cache()
    key = tag_key(tag)
    version = cache.get(key)
    if version is None:
        cache.add(key, secrets.token_hex(8), timeout=None)
        version = cache.get(key)
    return version


def depends_on(request, tag):
    """Record that this response shows what ``tag`` guards; returns the tag's version."""
    key = tag_key(tag)
    version = tag_version(tag)
    memo(request, RECORDED, dict).setdefault(key, version)
    return version


def recorded_tags(request):
    """``{tag key: version}`` of the tags the response named (empty for most pages)."""
    return dict(memo(request, RECORDED, dict))


def tags_are_current(recorded):
    if not recorded:
        return True
    current = page_cache().get_many(list(recorded))
    return all(current.get(key) == version for key, version in recorded.items())


def retire_tags(*tags):
    """New versions for ``tags``: every page that named one of them is rendered again."""
    page_cache().set_many({tag_key(tag): secrets.token_hex(8) for tag in tags}, timeout=None)
