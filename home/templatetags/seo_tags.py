"""Tags for templates/includes/seo_meta.html: descriptions, sharing images, feeds, JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from wagtail.models import Locale, Site

from core.caching.layout import generation_cached
from core.models import OrganisationSettings
from core.seo import absolute_page_url
from home.models import HomePage, NewsIndexPage, NewsPage

register = template.Library()

DESCRIPTION_LENGTH = 160
SOCIAL_RENDITION = "fill-1200x630|format-jpeg|jpegquality-80"

# The characters json_script escapes, so the data cannot close its <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def meta_description(page):
    """The page's search description, else its introduction, cut to a snippet's length."""
    text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def sharing_image(page):
    """The image that represents the page when shared: its own sharing image first."""
    for field in ("social_image", "lead_image", "hero_image", "image"):
        image = getattr(page, field, None)
        if image is not None:
            return image
    return None


@register.simple_tag(takes_context=True)
def social_image(context, page):
    """A 1200x630 JPEG rendition for OpenGraph and Twitter cards, with an absolute URL."""
    image = sharing_image(page) if page is not None else None
    if image is None:
        return None
    rendition = image.get_rendition(SOCIAL_RENDITION)
    request = context.get("request")
    url = request.build_absolute_uri(rendition.url) if request else rendition.full_url
    return {
        "url": url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": sharing_image_alt(page, image),
    }


def sharing_image_alt(page, image):
    """The page's alternative text for its sharing image, else the image's description."""
    alt_text_for = getattr(page, "alt_text_for", None)
    return (alt_text_for(image) if alt_text_for else "") or image.default_alt_text


@register.simple_tag
def og_type(page):
    """OpenGraph type: "article" for dated pieces (news, stories), "website" otherwise."""
    return "article" if hasattr(getattr(page, "specific", page), "date") else "website"


@register.simple_tag(takes_context=True)
def canonical_url(context, page=None):
    request = context.get("request")
    if page is not None and getattr(page, "pk", None):
        return absolute_page_url(page, request)
    return request.build_absolute_uri(request.path) if request else ""


@register.simple_tag(takes_context=True)
def news_feeds(context):
    """The RSS and Atom feeds of the active language's news index, for <link rel=alternate>.

    Cached per page-cache generation (``core.caching.layout``).
    """
    return generation_cached(context.get("request"), "feeds", (get_language(),), _news_feeds)


def _news_feeds():
    index = (
        NewsIndexPage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .order_by("path")
        .first()
    )
    if index is None:
        return []
    return [
        {
            "type": "application/rss+xml",
            "title": f"{index.title} (RSS)",
            "url": index.feed_url("rss"),
        },
        {
            "type": "application/atom+xml",
            "title": f"{index.title} (Atom)",
            "url": index.feed_url("atom"),
        },
    ]


def _organisation(request, page):
    """The NGO's schema.org data, cached per generation, language, site and host."""
    url_parts = page.get_url_parts()
    site_id = url_parts[0] if url_parts else None
    origin = f"{request.scheme}://{request.get_host()}"

    def compute():
        return _organisation_data(request, site_id)

    parts = (get_language(), site_id, origin)
    # A copy: callers add to it, and the request keeps the cached value.
    return dict(generation_cached(request, "organisation", parts, compute))


def _organisation_data(request, site_id):
    settings = OrganisationSettings.load(request_or_site=request)
    site = Site.objects.select_related("root_page").filter(pk=site_id).first() if site_id else None
    home = site.root_page.localized if site else None
    data = {
        "@type": "NGO",
        "name": settings.name,
        "alternateName": settings.short_name,
        "address": {"@type": "PostalAddress", "streetAddress": settings.address},
        "telephone": settings.phone,
    }
    if home is not None:
        data["url"] = absolute_page_url(home, request)
    if settings.fax:
        data["faxNumber"] = settings.fax
    if settings.email:
        data["email"] = settings.email
    return data


def structured_data_for(page, request):
    """schema.org data for a page: NGO on home pages, NewsArticle on articles, else None."""
    page = getattr(page, "specific", page)
    if isinstance(page, HomePage):
        data = _organisation(request, page)
        if page.slogan:
            data["slogan"] = page.slogan
        if page.intro or page.search_description:
            data["description"] = page.search_description or page.intro
    elif isinstance(page, NewsPage):
        data = {
            "@type": "NewsArticle",
            "headline": Truncator(page.seo_title or page.title).chars(110),
            "datePublished": page.date.isoformat(),
            "inLanguage": page.locale.language_code,
            "mainEntityOfPage": absolute_page_url(page, request),
            "publisher": _organisation(request, page),
        }
        if page.last_published_at:
            data["dateModified"] = page.last_published_at.isoformat()
        if page.search_description or page.intro:
            data["description"] = page.search_description or page.intro
        keywords = [topic.name for topic in page.topics()]
        if keywords:
            data["keywords"] = keywords
        image = sharing_image(page)
        if image is not None:
            rendition = image.get_rendition(SOCIAL_RENDITION)
            data["image"] = [request.build_absolute_uri(rendition.url)]
    else:
        return None
    return {"@context": "https://schema.org", **data}


@register.simple_tag(takes_context=True)
def structured_data(context, page=None):
    """<script type="application/ld+json"> with the page's data, escaped like json_script."""
    request = context.get("request")
    if page is None or request is None or not getattr(page, "pk", None):
        return ""
    data = structured_data_for(page, request)
    if data is None:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    payload = payload.translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
