"""{% fund_progress page %}: what a programme's fund has raised, per currency."""

from django import template

from local_giving.models import ProgrammeFund
from local_giving.services import fund_totals

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
    return {"link": link, "fund": link.fund, "totals": fund_totals(link.fund, link.targets())}
