"""Find the benchmarked URLs and measure each once, instrumented, inside Django.

Run by bench/run.py with the same environment as the server (production
settings, the benchmark's database and page cache). Prints one JSON object:
the static baseline URL, and per page kind and language its URL, the size of
the HTML body, and database queries and CPU time per render: for a cache hit;
"uncached" (the full-page cache off, as for a URL with a campaign query string or
a visitor with a session: route, settings, layout and fragments come from the
cache of the current generation); and "cold" (the generation bumped before the
render, as right after a publish: everything is computed from the database).
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sos_site.settings.production")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from wagtail.models import Locale  # noqa: E402

from core.caching.store import bump_generation  # noqa: E402
from donations.models import DonatePage  # noqa: E402
from home.models import HomePage, NewsIndexPage, NewsPage, ProgrammePage  # noqa: E402

KINDS = {
    "home": (HomePage, "path"),
    "news_index": (NewsIndexPage, "path"),
    "news_article": (NewsPage, "-date"),
    "programme": (ProgrammePage, "path"),
    "donate": (DonatePage, "path"),
}
LANGUAGES = ["ky", "ru", "en"]
COLD_RENDERS = 7


def find_url(model, order, language):
    page = (
        model.objects.live()
        .public()
        .filter(locale=Locale.objects.get(language_code=language))
        .order_by(order)
        .first()
    )
    return page.url if page else None


class QueryCounter:
    """Counts the queries run inside it (Django resets its own query log per request)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self._wrapper = connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)

    def __len__(self):
        return self.count


def measure(client, url):
    settings.PAGE_CACHE_ENABLED = False
    client.get(url)  # warm-up: per-process lookups (site root paths, settings)
    # Count at once: a context's queries are a slice of a log the next request resets.
    with QueryCounter() as uncached:
        response = client.get(url)
    queries_uncached = len(uncached)
    settings.PAGE_CACHE_ENABLED = True
    client.get(url)  # stores the page
    with QueryCounter() as cached:
        hit = client.get(url)
    queries_cached = len(cached)
    # Cold: the generation bumped before each render, as right after a publish: route,
    # settings, layout data and every fragment are computed again.
    settings.PAGE_CACHE_ENABLED = False
    cold_cpu_ms = []
    for _ in range(COLD_RENDERS):
        bump_generation()
        started = time.process_time()
        with QueryCounter() as cold:
            client.get(url)
        cold_cpu_ms.append((time.process_time() - started) * 1000)
    warm_cpu_ms = []
    for _ in range(COLD_RENDERS):
        started = time.process_time()
        client.get(url)
        warm_cpu_ms.append((time.process_time() - started) * 1000)
    settings.PAGE_CACHE_ENABLED = True
    return {
        "status": response.status_code,
        "queries_uncached": queries_uncached,
        "queries_cached": queries_cached,
        "queries_cold": len(cold),
        "cpu_ms_cold": round(statistics.median(cold_cpu_ms), 1),
        "cpu_ms_uncached": round(statistics.median(warm_cpu_ms), 1),
        "cache_status": hit.get("X-Page-Cache"),
        "html_bytes": len(response.content),
    }


def main():
    host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
    client = Client(HTTP_HOST=host, raise_request_exception=True)
    pages = {}
    for kind, (model, order) in KINDS.items():
        for language in LANGUAGES:
            url = find_url(model, order, language)
            if url is None:
                continue
            page = {"kind": kind, "language": language, "url": url}
            try:
                page.update(measure(client, url))
            except Exception as error:  # noqa: BLE001 - reported, and the page is left out
                page["error"] = f"{error.__class__.__name__}: {error}"
            pages[f"{kind}/{language}"] = page
    print(json.dumps({"static_url": staticfiles_storage.url("css/site.css"), "pages": pages}))


if __name__ == "__main__":
    main()
