"""Values computed once per request and kept on the request object.

A page render asks the same thing many times (the page's ancestors, the
current cache generation, the tags a response names); ``memo`` computes each
once per request under a key of the caller's choosing. The values live in one
dict on the request, so they end with it; without a request (an email, a
management command) nothing is kept and every call computes.
"""

ATTR = "_sos_memo"


def memo(request, key, compute):
    """``compute()`` once per request under ``key`` (any hashable); every call without one.

    Keys are shared by every caller, so a module prefixes its own: ``("ancestors", pk)``.
    """
    if request is None:
        return compute()
    store = getattr(request, ATTR, None)
    if store is None:
        store = {}
        setattr(request, ATTR, store)
    if key not in store:
        store[key] = compute()
    return store[key]
