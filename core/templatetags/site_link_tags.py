"""``{% site_link_url "donate" as donate_url %}``: a registered site-wide link (``core.links``)."""

from django import template

from core import links
from core.locales import context_language

register = template.Library()


@register.simple_tag(takes_context=True)
def site_link_url(context, name, page=None):
    """URL of the link registered as ``name`` in the page's (or request's) language, or None."""
    return links.site_link_url(name, context_language(context, page), context.get("request"))
