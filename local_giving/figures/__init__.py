"""The public figures of local giving: fund totals, the transparency table, their caching."""

from .caching import (
    forget_totals,
    retire_totals_pages,
    shows_all_totals,
    shows_fund_totals,
    totals_cache_key,
)
from .totals import (
    MIN_PUBLIC_GIFTS,
    fund_totals,
    is_publishable,
    transparency_csv_response,
    transparency_table,
)

__all__ = [
    "MIN_PUBLIC_GIFTS",
    "forget_totals",
    "fund_totals",
    "is_publishable",
    "retire_totals_pages",
    "shows_all_totals",
    "shows_fund_totals",
    "totals_cache_key",
    "transparency_csv_response",
    "transparency_table",
]
