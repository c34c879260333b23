"""Page content helpers: latest news, site-wide figures, money in the reader's language."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

from core.caching.layout import generation_cached
from home.models import NewsPage, SiteFigure

register = template.Library()

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$"}
# Som has no widely supported symbol; each language writes its own word.
SOM = {"ky": "сом", "ru": "сом", "en": "KGS"}


@register.simple_tag
def latest_news(page, count=3):
    """The newest live articles in the page's language, below the page."""
    return list(
        NewsPage.objects.live()
        .public()
        .descendant_of(page)
        .filter(locale_id=page.locale_id)
        .select_related("lead_image")
        .order_by("-date", "-pk")[:count]
    )


@register.simple_tag(takes_context=True)
def site_figures(context, locale):
    """The locale's site-wide figures as ``{"value", "label"}`` dicts, cached per generation."""

    def compute():
        return [
            {"value": figure.value, "label": figure.label}
            for figure in SiteFigure.objects.filter(locale=locale)
        ]

    return generation_cached(context.get("request"), "figures", (locale.pk,), compute)


@register.filter
def money(amount, currency):
    """Format an amount with its currency the way the active language writes it.

    English puts the symbol first (€1,250,000); Kyrgyz and Russian after the
    number with a space (1 250 000 €). Whole amounts drop their decimals.
    """
    if amount in (None, ""):
        return ""
    amount = Decimal(amount)
    places = 0 if amount == amount.to_integral_value() else 2
    number = number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)
    language = (get_language() or "ky").split("-")[0]
    if currency == "KGS":
        symbol = SOM.get(language, "KGS")
    else:
        symbol = CURRENCY_SYMBOLS.get(currency, currency)
    if language == "en":
        if len(symbol) == 1:
            return f"{symbol}{number}"
        return f"{symbol}\u00a0{number}"
    return f"{number}\u00a0{symbol}"
