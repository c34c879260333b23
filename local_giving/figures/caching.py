"""How long the public figures are cached, and what a paid or refunded gift retires.

Fund totals and the transparency table are cached for at most ``TOTALS_TIMEOUT``,
under keys versioned by their tags (core.caching.tags); pages and fragments that show
them name the same tags, so a gift retires those and no other cached page.
"""

from django.core.cache import cache

from core.caching.tags import depends_on, retire_tags, tag_version

TOTALS_TIMEOUT = 60  # seconds: "within a minute of a new gift"

# What cached pages showing totals name (core.caching.tags): a paid or refunded gift
# retires these, not the whole page cache.
ALL_FIGURES_TAG = "figures:all"


def fund_figures_tag(fund_id):
    return f"figures:fund:{fund_id}"


def totals_cache_key(fund_id):
    """Keyed by the fund's figures version: a gift retires it in every worker process,
    whether or not the default cache is shared (local memory without Redis)."""
    return f"local_giving:fund-totals:{fund_id}:{tag_version(fund_figures_tag(fund_id))}"


def transparency_cache_key():
    return f"local_giving:transparency:{tag_version(ALL_FIGURES_TAG)}"


def forget_totals(fund_ids=()):
    cache.delete_many([transparency_cache_key(), *(totals_cache_key(pk) for pk in fund_ids)])


def shows_fund_totals(request, fund_id):
    """Call before reading a fund's totals for a page: the cached page is retired with them."""
    depends_on(request, fund_figures_tag(fund_id))


def shows_all_totals(request):
    """Call before reading the transparency table for a page or its CSV."""
    depends_on(request, ALL_FIGURES_TAG)


def retire_totals_pages(fund_ids):
    """Pages and fragments showing these funds' totals or the table, in every language."""
    retire_tags(ALL_FIGURES_TAG, *(fund_figures_tag(pk) for pk in fund_ids))
