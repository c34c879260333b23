"""View restrictions without a query per page view, for sites that restrict little."""

from wagtail.models import PageViewRestriction

from core.caching.layout import generation_cached


def restricted_paths(request=None):
    """Tree paths of the pages that carry a view restriction, per generation."""
    return generation_cached(
        request,
        "restricted-paths",
        (),
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


class CachedViewRestrictionsMixin:
    """A page with no restricted ancestor answers "no restrictions" without a query.

    Wagtail asks on every page view (its ``check_view_restrictions`` hook); most
    sites restrict nothing. Aliases take their source's restrictions: Wagtail's own
    lookup handles them.
    """

    def get_view_restrictions(self):
        if self.alias_of_id is None and not any(
            self.path.startswith(path) for path in restricted_paths()
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def public_pages(queryset):
    """``queryset.public()`` without its query: restricted paths come from the cache.

    Wagtail's ``public()`` reads every view restriction at once when the queryset
    is built, even if nothing ever iterates it.
    """
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset
