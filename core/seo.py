"""Absolute URLs for canonical links, feeds, the sitemap and structured data."""


def absolute_page_url(page, request=None):
    """The page's URL on the host the visitor used (the same host hreflang links use).

    Without a request, Wagtail's own full URL from the Site record is used.
    """
    if request is None:
        return page.get_full_url()
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None
