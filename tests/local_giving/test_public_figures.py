"""One privacy rule for every public figure, on the pages visitors see, through every cache.

A programme page and the transparency page show an amount or a number of gifts only when it
rests on at least 5 gifts (local_giving.figures.MIN_PUBLIC_GIFTS). Both pages are served
from the full-page cache and the programme page from a cached fragment: paying the fifth
gift must show the figures on the next request, not the sentence kept from before.
"""

from decimal import Decimal

from django.core.cache import caches

import pytest

from home.models import ProgrammeIndexPage, ProgrammePage
from local_giving.models import ProgrammeFund, TransparencyPage

SENTENCE = "the amount is shown once the fund has received at least 5 gifts"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache = caches[settings.PAGE_CACHE_ALIAS]
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def pages(home_page, fund, locales):
    english_home = home_page.copy_for_translation(locales["en"])
    english_home.save_revision().publish()
    index = ProgrammeIndexPage(title="Programmes", slug="programmes", locale=locales["en"])
    english_home.add_child(instance=index)
    index.save_revision().publish()
    programme = ProgrammePage(title="Family", slug="family", locale=locales["en"])
    programme.fund_links.add(ProgrammeFund(fund=fund, target_usd=Decimal("1000")))
    index.add_child(instance=programme)
    programme.save_revision().publish()
    transparency = TransparencyPage(title="Transparency", slug="transparency", locale=locales["en"])
    english_home.add_child(instance=transparency)
    transparency.save_revision().publish()
    return {"programme": "/en/programmes/family/", "transparency": "/en/transparency/"}


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    main = response.content.decode().split('<main id="main"', 1)[1]
    return " ".join(main.split())


@pytest.mark.parametrize("paid", [1, 4])
def test_programme_page_with_fewer_than_5_gifts_shows_a_sentence(
    client, pages, make_card_gift, paid
):
    for _ in range(paid):
        make_card_gift("30", "USD")
    text = text_of(client, pages["programme"])
    assert SENTENCE in text and "Target: 1,000 USD." in text
    assert f"{30 * paid} USD" not in text and "<progress" not in text
    assert f"from {paid} gift" not in text

    table = text_of(client, pages["transparency"])
    assert "<td>fewer than 5</td> <td>fewer than 5</td>" in table
    assert f"<td>{30 * paid}" not in table and f"<td>{paid}</td>" not in table


def test_the_fifth_gift_shows_the_figures_through_the_caches(
    client, page_cache, pages, make_card_gift
):
    for _ in range(4):
        make_card_gift("30", "USD")
    assert SENTENCE in text_of(client, pages["programme"])
    assert "<td>fewer than 5</td>" in text_of(client, pages["transparency"])
    assert client.get(pages["programme"])["X-Page-Cache"] == "hit"
    assert client.get(pages["transparency"])["X-Page-Cache"] == "hit"

    make_card_gift("30", "USD")  # paying a gift retires the cached pages and fragments

    text = text_of(client, pages["programme"])
    assert SENTENCE not in text
    assert "150 USD" in text and "from 5 gifts" in text and "15% of the target" in text
    assert '<progress max="100" value="15"' in text
    table = text_of(client, pages["transparency"])
    assert "<td>fewer than 5</td>" not in table and "<td>5</td> <td>150</td>" in table
