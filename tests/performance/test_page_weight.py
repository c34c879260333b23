"""Page weight budgets on the demo content, for phones on slow links.

Per page: HTML at most 60 KB uncompressed; the CSS and JavaScript it loads at
most 40 KB gzip-compressed; no web fonts; no request to another host; every
image with width and height (no layout shift).
"""

import gzip
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from donations.models import DonatePage
from home.models import HomePage, NewsIndexPage, NewsPage, ProgrammePage

HTML_BUDGET = 60 * 1024
ASSETS_GZIP_BUDGET = 40 * 1024
FONT_EXTENSIONS = (".woff", ".woff2", ".ttf", ".otf", ".eot")
PAGE_TYPES = [HomePage, NewsIndexPage, NewsPage, ProgrammePage, DonatePage]


@pytest.fixture
def demo_pages(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    pages = []
    for language in ("ky", "ru", "en"):
        locale = Locale.objects.get(language_code=language)
        for model in PAGE_TYPES:
            page = model.objects.live().filter(locale=locale).order_by("path").first()
            assert page is not None, f"demo content lacks a {model.__name__} in {language}"
            pages.append(page)
    return pages


def requested_urls(soup):
    """Everything the browser fetches on its own: stylesheets, icons, scripts, images."""
    urls = []
    for tag in soup.find_all("link"):
        rel = {value.lower() for value in tag.get("rel", [])}
        if rel & {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}:
            urls.append(tag.get("href", ""))
    for tag in soup.find_all(["script", "img", "source", "iframe", "video", "audio"]):
        urls.append(tag.get("src", ""))
        for candidate in (tag.get("srcset") or "").split(","):
            if candidate.strip():
                urls.append(candidate.split()[0])
    return [url for url in urls if url]


def static_file(url):
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"{url} is not a static file"
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"{url} is not in the static files"
    with open(found, "rb") as handle:
        return handle.read()


def test_demo_pages_stay_within_their_budgets(client, demo_pages):
    report = []
    for page in demo_pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content
        soup = BeautifulSoup(html, "html.parser")
        urls = requested_urls(soup)

        foreign = [u for u in urls if urlsplit(u).netloc not in ("", "testserver")]
        assert not foreign, f"{page.url} requests other hosts: {foreign}"

        assert not [u for u in urls if urlsplit(u).path.lower().endswith(FONT_EXTENSIONS)], (
            f"{page.url} loads a web font"
        )

        assets = [u for u in urls if urlsplit(u).path.endswith((".css", ".js"))]
        compressed = 0
        for url in assets:
            content = static_file(url)
            assert b"@font-face" not in content, f"{url} declares a web font"
            compressed += len(gzip.compress(content, compresslevel=6))

        for image in soup.find_all("img"):
            assert image.get("width") and image.get("height"), f"{page.url}: {image} lacks a size"

        report.append((page.url, len(html), compressed))
        assert len(html) <= HTML_BUDGET, f"{page.url}: {len(html)} bytes of HTML"
        assert compressed <= ASSETS_GZIP_BUDGET, f"{page.url}: {compressed} bytes of CSS+JS (gzip)"
    assert len(report) == 3 * len(PAGE_TYPES)
