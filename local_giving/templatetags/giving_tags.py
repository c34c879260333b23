"""Public figures: {% fund_progress page %} (what a programme's fund has raised, per
currency) and {% min_public_gifts %} (the fewest gifts a published figure may rest on)."""

from django import template

from core.caching.layout import generation_cached
from local_giving.figures import MIN_PUBLIC_GIFTS, fund_totals, shows_fund_totals
from local_giving.models import ProgrammeFund

register = template.Library()


def fund_link(page):
    """The page's fund link, or its source-language page's when the translation has none."""
    link = ProgrammeFund.objects.filter(page_id=page.pk).select_related("fund").first()
    if link is None and getattr(page, "translation_key", None):
        link = (
            ProgrammeFund.objects.filter(page__translation_key=page.translation_key)
            .select_related("fund")
            .order_by("pk")
            .first()
        )
    return link


@register.inclusion_tag("local_giving/includes/fund_progress.html", takes_context=True)
def fund_progress(context, page):
    """Not in a fragment: a paid gift retires the fund's totals and the pages naming them."""
    request = context.get("request")
    link = generation_cached(request, "fund-link", (page.pk,), lambda: fund_link(page))
    if link is None:
        return {"link": None, "totals": []}
    shows_fund_totals(request, link.fund_id)
    return {
        "link": link,
        "fund": link.fund,
        "totals": fund_totals(link.fund, link.targets()),
        "min_gifts": MIN_PUBLIC_GIFTS,
    }


@register.simple_tag
def min_public_gifts():
    """The privacy threshold of public figures, for the sentences that explain it."""
    return MIN_PUBLIC_GIFTS
