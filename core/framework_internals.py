"""The few places where the site relies on a framework's private internals.

Wagtail, Django and django-csp may rename or drop a private name in any release,
without a deprecation warning. Every such reliance of the project goes through
a function here, which says what it touches, why, and what would break;
tests/core/test_framework_internals.py checks each one against the installed
versions, so an upgrade that changes one fails there, by name, instead of
showing up as a slower site or a subtle bug. Read this module before upgrading
Wagtail, Django or django-csp.

Public APIs with an underscore (Django's documented ``Model._meta`` and
``Model._state``) are not listed.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from csp.middleware import PolicyParts

# --- Wagtail: the Site and route of a request, looked up once -------------------


def remember_site(request, site):
    """Give Wagtail the Site of this request, so it does not look it up itself.

    What: sets ``request._wagtail_site``, where ``Site.find_for_request`` looks
    first (and where it stores its own answer).
    Why: core.caching.routing keeps the Site per host in the generation cache;
    Wagtail would otherwise query it on every render (routing, settings, URLs).
    If Wagtail renames it: nothing fails, but every render queries the Site again
    (the test counts the queries).
    """
    request._wagtail_site = site


def route_is_known(request):
    """Whether Wagtail has already routed this request (found its page, or none).

    What: reads ``request._wagtail_route_for_request``, which
    ``Page.route_for_request`` sets on its first call and returns on later ones.
    If Wagtail renames it: the route cache would route a second time over
    Wagtail's own result (the test routes a request and checks this sees it).
    """
    return hasattr(request, "_wagtail_route_for_request")


def remember_route(request, route):
    """Give Wagtail the route of this request: ``(page, args, kwargs)``.

    What: sets ``request._wagtail_route_for_request``, which
    ``Page.route_for_request`` returns without walking the tree, and which
    ``wagtail.views.serve`` calls to find the page it serves.
    Why: core.caching.routing keeps the page of each URL in the generation cache;
    Wagtail's walk costs two queries per URL segment.
    If Wagtail renames it: nothing fails, but every render walks the tree again
    (the test serves a page through Wagtail's view without a query for it).
    """
    request._wagtail_route_for_request = route


# --- django-csp: the nonce and the policy of a response -------------------------


def csp_nonce_used(request):
    """Whether this response used its CSP nonce (and so must not be shared).

    What: reads ``request._csp_nonce``, where django-csp's middleware stores the
    nonce the first time ``request.csp_nonce`` is read (before that the attribute
    is missing; django-csp's own ``process_response`` reads it the same way).
    Why: the page cache must not store a page whose inline code carries a nonce
    that is good for one response only (core.caching.middleware).
    If django-csp renames it: pages with a nonce would be cached and their inline
    code blocked for every later visitor (the test renders with a nonce).
    """
    return isinstance(getattr(request, "_csp_nonce", None), str)


def policy_set_by_view(parts):
    """Whether the view chose its own policy with ``@csp(...)``.

    What: ``PolicyParts.config``, filled by ``CSPMiddleware.get_policy_parts``
    from the response attribute that django-csp's ``@csp`` decorator sets.
    If django-csp changes it: an admin view with its own policy would get the
    admin policy instead (the test decorates a view).
    """
    return parts.config is not None


def policy_with_directives(parts, directives):
    """The policy parts with ``directives`` as the whole policy, and no nonce.

    What: builds django-csp's ``PolicyParts`` (fields ``config``, ``update``,
    ``replace``, ``nonce``), which ``CSPMiddleware.get_policy_parts`` returns and
    its ``process_response`` turns into the header; the documented way to
    customise it is to subclass the middleware (core.security does).
    Why: the Wagtail admin needs a looser policy than the public pages.
    If django-csp changes it: a TypeError, or the admin with the public policy
    (the tests build the parts and check the admin's header).
    """
    return PolicyParts(config=directives, update=parts.update, replace=parts.replace, nonce=None)


# --- Django: a paginator that is told its count ---------------------------------


class _CountedPaginator(Paginator):
    def __init__(self, object_list, per_page, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def paginator_with_count(object_list, per_page, count):
    """A Django ``Paginator`` that takes ``count`` as the number of objects.

    What: overrides ``Paginator.count`` (a ``cached_property``), which the
    paginator reads for the number of pages and to check page numbers.
    Why: the news listing keeps its counts in the generation cache; Django would
    run a ``COUNT`` query per render.
    If Django stops reading ``self.count``: the count query comes back, or pages
    go wrong (the test pages through a list without a query).
    """
    return _CountedPaginator(object_list, per_page, count)
