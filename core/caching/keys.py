"""Which URL a cached page is kept under, and which query strings may create an entry.

A shared link picks up tracking parameters (``utm_source``, ``fbclid``, ``gclid``,
``yclid`` …) and anyone can add junk to a query string. Neither may cost a render
per variant nor fill the store, so the key of a page is its scheme, host, path and
only the parameters some page reads (``PAGE_CACHE_QUERY_PARAMS``), in a fixed order.

- Tracking parameters (``PAGE_CACHE_TRACKING_PARAMS``, and every ``utm_…``) are
  left out of the key: such a link is a hit, and its render fills the plain entry.
- Any other parameter no page reads is left out of the key too: the request gets
  the plain entry when there is one, otherwise a render that is not stored.
- A page that reads a parameter says which value it understood
  (``understood_query``): ``?page=abc``, ``?page=999`` or an unknown topic are
  rendered (the first or last page, no articles) but not stored, so only the
  finitely many values the site links to ever get entries. A parameter a page does
  not read (``?page=2`` on the home page) is never stored either.
"""

from django.conf import settings

from core.request_memo import memo

UNDERSTOOD = "understood-query"


def is_tracking(name):
    name = name.lower()
    return name.startswith("utm_") or name in settings.PAGE_CACHE_TRACKING_PARAMS


def kept_query(request):
    """The parameters of the key, sorted, each with the value a view reads (the last one).

    Empty values are dropped: every view reads ``?page=`` or ``?tag=`` as absent.
    """
    kept = []
    for name in sorted(set(request.GET) & set(settings.PAGE_CACHE_QUERY_PARAMS)):
        value = request.GET.get(name, "")
        if value:
            kept.append((name, value))
    return tuple(kept)


def has_foreign_params(request):
    """True when the query string holds a parameter no page reads and no tracker adds."""
    return any(
        name not in settings.PAGE_CACHE_QUERY_PARAMS and not is_tracking(name)
        for name in request.GET
    )


def understood_query(request, **params):
    """Record, from a view, the value of each parameter it read, as it understood it.

    Pass None for a parameter that was absent or that the view ignored. A response is
    stored only when these equal the request's own (``kept_query``).
    """
    understood = memo(request, UNDERSTOOD, dict)
    understood.update({name: str(value) for name, value in params.items() if value})


def is_canonical(request):
    """The request's parameters are exactly those its view understood, with those values."""
    understood = memo(request, UNDERSTOOD, dict)
    return not has_foreign_params(request) and kept_query(request) == tuple(
        sorted(understood.items())
    )
