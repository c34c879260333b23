"""Public figures: {% fund_progress page %} (what a programme's fund has raised, per
currency) and {% min_public_gifts %} (the fewest gifts a published figure may rest on)."""

from django import template

from local_giving.models import ProgrammeFund
from local_giving.services import MIN_PUBLIC_GIFTS, fund_totals

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


@register.inclusion_tag("local_giving/includes/fund_progress.html")
def fund_progress(page):
    link = fund_link(page)
    if link is None:
        return {"link": None, "totals": []}
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
