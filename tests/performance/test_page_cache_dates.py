"""Text that depends on today's date rolls over at midnight in Bishkek, whatever the timeouts."""

import datetime
import zoneinfo

from django.test import Client
from django.utils import timezone

import pytest

from home.models import ProgrammeIndexPage, ProgrammePage
from tests.performance.conftest import publish

pytestmark = pytest.mark.django_db

BISHKEK = zoneinfo.ZoneInfo("Asia/Bishkek")
# 23:50 in Bishkek on the eve of the programme's start, then ten minutes later.
EVE = datetime.datetime(2026, 3, 31, 23, 50, tzinfo=BISHKEK)
START = datetime.date(2026, 4, 1)


@pytest.fixture
def clock(monkeypatch):
    """Django's clock (timezone.now), set by the test."""
    now = {"value": EVE}
    monkeypatch.setattr(timezone, "now", lambda: now["value"].astimezone(datetime.UTC))
    return now


@pytest.fixture
def programme(home_page):
    index = ProgrammeIndexPage(title="Программалар", slug="p")
    index = publish(home_page.add_child(instance=index))
    return publish(
        index.add_child(instance=ProgrammePage(title="Жаңы долбоор", slug="new", start_date=START))
    )


def status_text(response):
    html = response.content.decode()
    start = html.index('class="status status--')
    return html[start : html.index("</span>", start)]


@pytest.mark.parametrize("page_cache_on", [True, False], ids=["page-cache", "fragments-only"])
def test_programme_status_changes_at_midnight_in_bishkek(
    settings, page_cache, programme, clock, page_cache_on
):
    settings.PAGE_CACHE_ENABLED = page_cache_on
    before = Client().get("/ky/p/new/")
    assert "status--planned" in status_text(before)
    if page_cache_on:
        assert Client().get("/ky/p/new/")["X-Page-Cache"] == "hit"

    clock["value"] = EVE + datetime.timedelta(minutes=10)
    after = Client().get("/ky/p/new/")

    assert "status--ongoing" in status_text(after)
    if page_cache_on:
        assert after["X-Page-Cache"] == "miss"
