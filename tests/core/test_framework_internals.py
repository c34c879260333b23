"""The framework internals the site relies on, checked against the installed versions.

Each test names one function of core/framework_internals.py. A failure here means
an upgrade of Wagtail, Django or django-csp changed a private name that function
relies on: read its docstring (what it touches, why, what breaks), adapt it or
drop what needs it, then upgrade. Real objects throughout: Wagtail's own Site and
routing, django-csp's middleware and decorators, Django's Paginator.
"""

import dataclasses
import inspect

from django.db import connection
from django.http import Http404, HttpResponse
from django.test.utils import CaptureQueriesContext

from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.views import serve

import pytest
from csp.decorators import csp
from csp.middleware import CSPMiddleware, PolicyParts

from core.framework_internals import (
    csp_nonce_used,
    paginator_with_count,
    policy_set_by_view,
    policy_with_directives,
    remember_route,
    remember_site,
    route_is_known,
)
from core.security import ContentSecurityPolicyMiddleware
from home.models import ContentPage
from tests.performance.conftest import publish

UPGRADE = "an upgrade changed what core.framework_internals.{} relies on: read its docstring. "


@pytest.fixture
def about(home_page):
    return publish(home_page.add_child(instance=ContentPage(title="Биз жөнүндө", slug="about")))


# --- Wagtail ---------------------------------------------------------------------


@pytest.mark.django_db
def test_wagtail_takes_the_site_it_is_given_without_a_query(rf, home_page):
    site = Site.objects.get(is_default_site=True)
    request = rf.get("/ky/")
    remember_site(request, site)

    with CaptureQueriesContext(connection) as queries:
        found = Site.find_for_request(request)

    assert found is site and len(queries) == 0, UPGRADE.format("remember_site") + (
        "Wagtail's Site.find_for_request no longer returns request._wagtail_site: "
        "every render would look the Site up again."
    )


@pytest.mark.django_db
def test_wagtail_records_its_own_route_where_the_route_cache_looks(rf, about):
    request = rf.get("/ky/about/")
    assert not route_is_known(request)

    page, _args, _kwargs = Page.route_for_request(request, "about/")

    assert page.pk == about.pk
    assert route_is_known(request), UPGRADE.format("route_is_known") + (
        "Page.route_for_request no longer stores its result in request._wagtail_route_for_request."
    )
    unknown = rf.get("/ky/nowhere/")
    assert Page.route_for_request(unknown, "nowhere/") is None
    assert route_is_known(unknown), "a URL that leads nowhere is routed too (to None)"


@pytest.mark.django_db
def test_wagtail_serves_the_route_it_is_given_without_walking_the_tree(rf, home_page, about):
    """wagtail.views.serve, the view of every page URL, takes the remembered route."""
    request = rf.get("/ky/somewhere-else/")
    remember_site(request, Site.objects.get(is_default_site=True))
    remember_route(request, (about, [], {}))
    served = []

    def answer_before_rendering(page, request, args, kwargs):
        served.append(page)
        return HttpResponse(page.title)

    not_served = UPGRADE.format("remember_route") + (
        "wagtail.views.serve no longer serves the page of request._wagtail_route_for_request."
    )
    with (
        hooks.register_temporarily("before_serve_page", answer_before_rendering),
        CaptureQueriesContext(connection) as queries,
    ):
        try:
            response = serve(request, "somewhere-else/")
        except Http404:
            pytest.fail(not_served)

    assert served == [about], not_served
    assert response.content.decode() == about.title
    assert not [q["sql"] for q in queries.captured_queries if "wagtailcore_page" in q["sql"]], (
        UPGRADE.format("remember_route") + "Wagtail walked the tree although it had a route."
    )


# --- django-csp ------------------------------------------------------------------


def csp_middleware():
    return ContentSecurityPolicyMiddleware(lambda request: HttpResponse("<p>page</p>"))


def test_csp_nonce_is_seen_once_a_template_reads_it(rf):
    middleware = csp_middleware()
    request = rf.get("/ky/")
    middleware.process_request(request)
    assert not csp_nonce_used(request), "the nonce is made on first use only"

    nonce = str(request.csp_nonce)

    assert csp_nonce_used(request), UPGRADE.format("csp_nonce_used") + (
        "django-csp no longer keeps the nonce it made in request._csp_nonce: pages with "
        "a nonce would be cached and shared."
    )
    response = middleware.process_response(request, HttpResponse())
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_csp_policy_parts_have_the_fields_the_admin_policy_fills():
    fields = [field.name for field in dataclasses.fields(PolicyParts)]
    assert fields == ["config", "update", "replace", "nonce"], (
        UPGRADE.format("policy_with_directives")
        + f"django-csp's PolicyParts now has the fields {fields}."
    )
    signature = inspect.signature(CSPMiddleware.get_policy_parts)
    assert list(signature.parameters) == ["self", "request", "response", "report_only"], (
        UPGRADE.format("policy_with_directives")
        + f"CSPMiddleware.get_policy_parts now takes {signature}; core.security overrides it."
    )


def test_csp_policy_of_a_decorated_view_is_seen(rf):
    middleware = csp_middleware()
    request = rf.get("/admin/some-view/")
    middleware.process_request(request)

    @csp({"default-src": ["'none'"]})
    def own_policy_view(request):
        return HttpResponse()

    def plain_view(request):
        return HttpResponse()

    decorated = CSPMiddleware.get_policy_parts(middleware, request, own_policy_view(request))
    plain = CSPMiddleware.get_policy_parts(middleware, request, plain_view(request))

    assert policy_set_by_view(decorated), UPGRADE.format("policy_set_by_view") + (
        "django-csp's @csp decorator no longer shows up in PolicyParts.config."
    )
    assert not policy_set_by_view(plain)
    response = middleware.process_response(request, own_policy_view(request))
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_csp_admin_policy_replaces_the_public_one_without_a_nonce(rf, settings):
    middleware = csp_middleware()
    request = rf.get("/admin/")
    middleware.process_request(request)
    str(request.csp_nonce)
    public = CSPMiddleware.get_policy_parts(middleware, request, HttpResponse())
    admin_directives = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]

    parts = policy_with_directives(public, admin_directives)

    assert (parts.config, parts.nonce) == (admin_directives, None)
    header = middleware.process_response(request, HttpResponse())["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in header, UPGRADE.format("policy_with_directives") + (
        f"django-csp did not send the admin's policy: {header}"
    )
    assert "nonce-" not in header


# --- Django ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_paginator_told_its_count_pages_without_a_count_query(about):
    articles = Page.objects.order_by("path")

    with CaptureQueriesContext(connection) as queries:
        paginator = paginator_with_count(articles, 2, 5)
        last = paginator.get_page("99")  # out of range: the last page
        first = paginator.get_page("abc")  # junk: the first page

    assert len(queries) == 0, UPGRADE.format("paginator_with_count") + (
        "Django's Paginator counted its objects although it was told how many there are: "
        + "; ".join(q["sql"] for q in queries.captured_queries)
    )
    assert (paginator.count, paginator.num_pages) == (5, 3)
    assert (last.number, first.number, last.has_next(), first.has_next()) == (3, 1, False, True)
    assert list(first.object_list) == list(articles[:2])
