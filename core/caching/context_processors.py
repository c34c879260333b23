"""Template context for fragment caching."""

import secrets

from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from core.caching.layout import current_generation


def cache_generation(request):
    """``cache_generation``, ``cache_today`` and ``fragment_timeout`` for ``{% cache %}`` fragments.

    Templates put the page cache's generation (read only when a template asks) in a
    fragment's key, so the change that retires cached pages retires the fragment too.
    A preview shows a draft: its fragments get a key of their own and are not kept
    (timeout 0), so it never shows, nor leaves behind, what the live page shows.
    A fragment that shows text depending on today's date (a programme's status) puts
    ``cache_today`` (the date in the site's time zone) in its key: it rolls over at
    midnight in Bishkek, whatever its timeout.
    """
    if getattr(request, "is_preview", False):
        return {
            "cache_generation": f"preview-{secrets.token_hex(8)}",
            "cache_today": "",
            "fragment_timeout": 0,
        }
    return {
        "cache_generation": SimpleLazyObject(lambda: current_generation(request)),
        "cache_today": SimpleLazyObject(lambda: timezone.localdate().isoformat()),
        "fragment_timeout": settings.FRAGMENT_CACHE_TIMEOUT,
    }
