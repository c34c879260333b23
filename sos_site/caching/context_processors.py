"""Template context for fragment caching."""

from django.utils.functional import SimpleLazyObject

from sos_site.caching.layout import current_generation


def cache_generation(request):
    """``cache_generation``: the page cache's generation, read only when a template asks.

    Templates put it in the key of a ``{% cache %}`` fragment (a picture, a card), so
    the change that retires cached pages retires the fragment too.
    """
    return {"cache_generation": SimpleLazyObject(lambda: current_generation(request))}
