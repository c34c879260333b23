"""A paid or refunded gift retires only the cached pages that show figures.

On a campaign day gifts arrive every few seconds, at the peak of the traffic: the
home page, the news and every other page stay cached, while the fund's programme
pages (in every language), the transparency page and its CSV show the new figures
on the next request.
"""

from decimal import Decimal

from django.test import Client
from django.test.signals import template_rendered
from django.utils import timezone

import pytest

from donations.models import Donation, Fund
from home.models import ProgrammeIndexPage, ProgrammePage
from local_giving.models import ProgrammeFund, TransparencyPage
from tests.performance.conftest import add_article, publish

pytestmark = pytest.mark.django_db

FAMILY = "/ky/programmes/family/"
FAMILY_RU = "/ru/programmes/family/"
OTHER = "/ky/programmes/education/"
TRANSPARENCY = "/ky/transparency/"
TRANSPARENCY_CSV = "/ky/transparency/csv/"
NO_FIGURES = ["/ky/", "/ky/news/", "/ky/news/article-1/", OTHER]
FIGURES = [FAMILY, FAMILY_RU, TRANSPARENCY, TRANSPARENCY_CSV]


@pytest.fixture
def funds(db):
    return {
        "family": Fund.objects.create(name="Үй-бүлө", slug="family", is_default=True),
        "education": Fund.objects.create(name="Билим", slug="education"),
    }


def programme(index, slug, fund):
    page = ProgrammePage(title=f"Программа {slug}", slug=slug)
    page.fund_links.add(ProgrammeFund(fund=fund, target_usd=Decimal("1000")))
    return publish(index.add_child(instance=page))


@pytest.fixture
def site_with_figures(home_page, news_index, funds, locales):
    add_article(news_index, 1)
    index = ProgrammeIndexPage(title="Программалар", slug="programmes")
    index = publish(home_page.add_child(instance=index))
    family = programme(index, "family", funds["family"])
    programme(index, "education", funds["education"])
    publish(
        home_page.add_child(instance=TransparencyPage(title="Ачык-айкындык", slug="transparency"))
    )
    # The Russian programme page shows its Kyrgyz source's fund.
    publish(home_page.copy_for_translation(locales["ru"]))
    publish(index.copy_for_translation(locales["ru"]))
    publish(family.copy_for_translation(locales["ru"]))
    for _ in range(5):  # the transparency table shows cells of five gifts or more
        pay(funds["family"], "10")


def pay(fund, amount):
    donation = Donation.objects.create(
        amount=Decimal(amount), currency="USD", fund=fund, channel=Donation.Channel.CARD
    )
    donation.mark_paid(paid_at=timezone.now())
    return donation


def warm(urls):
    for url in urls:
        assert Client().get(url).status_code == 200, url
    assert {url: Client().get(url)["X-Page-Cache"] for url in urls} == dict.fromkeys(urls, "hit")


def test_a_paid_gift_retires_only_the_pages_with_its_figures(
    page_cache, site_with_figures, funds, django_capture_on_commit_callbacks
):
    warm(NO_FIGURES + FIGURES)
    before = {url: Client().get(url).content for url in FIGURES}

    with django_capture_on_commit_callbacks(execute=True):
        pay(funds["family"], "500")

    after = {url: Client().get(url) for url in NO_FIGURES + FIGURES}
    assert {url: after[url]["X-Page-Cache"] for url in NO_FIGURES} == dict.fromkeys(
        NO_FIGURES, "hit"
    )
    assert {url: after[url]["X-Page-Cache"] for url in FIGURES} == dict.fromkeys(FIGURES, "miss")
    for url in FIGURES:
        assert after[url].content != before[url], url
    assert "550" in after[FAMILY].content.decode()
    assert "550" in after[FAMILY_RU].content.decode()
    assert "550" in after[TRANSPARENCY_CSV].content.decode()


def test_a_refund_retires_the_same_pages(
    page_cache, site_with_figures, funds, django_capture_on_commit_callbacks
):
    gift = pay(funds["family"], "500")
    warm(NO_FIGURES + FIGURES)

    with django_capture_on_commit_callbacks(execute=True):
        gift.change_status(Donation.Status.REFUNDED, refunded_at=timezone.now())

    assert Client().get("/ky/")["X-Page-Cache"] == "hit"
    family = Client().get(FAMILY)
    assert family["X-Page-Cache"] == "miss"
    assert "550" not in family.content.decode() and "50 USD" in family.content.decode()


def test_another_funds_gift_leaves_this_programme_cached(page_cache, site_with_figures, funds):
    warm([FAMILY, OTHER])

    pay(funds["education"], "70")

    assert Client().get(FAMILY)["X-Page-Cache"] == "hit"
    assert Client().get(OTHER)["X-Page-Cache"] == "miss"
    assert Client().get(TRANSPARENCY)["X-Page-Cache"] == "miss"


def test_publishing_still_retires_every_page(page_cache, site_with_figures, home_page):
    warm(NO_FIGURES)
    home_page.title = "Жаңы аталыш"
    publish(home_page)
    assert {url: Client().get(url)["X-Page-Cache"] for url in NO_FIGURES} == dict.fromkeys(
        NO_FIGURES, "miss"
    )


def test_a_render_that_straddles_a_gift_is_never_served(page_cache, site_with_figures, funds):
    """The figures' version is read before the totals, so a gift during a render wins."""

    def pay_while_rendering(template=None, **kwargs):
        if template.name == "local_giving/includes/fund_progress.html":
            template_rendered.disconnect(pay_while_rendering)
            pay(funds["family"], "500")

    template_rendered.connect(pay_while_rendering)
    try:
        assert "550" not in Client().get(FAMILY).content.decode()
    finally:
        template_rendered.disconnect(pay_while_rendering)

    response = Client().get(FAMILY)
    assert response["X-Page-Cache"] == "miss"
    assert "550" in response.content.decode()


def test_totals_another_worker_still_holds_are_not_shown_after_a_gift(
    page_cache, site_with_figures, funds, django_capture_on_commit_callbacks
):
    """Without Redis each worker keeps totals in its own memory, which a gift in another
    worker cannot delete: the key changes with the fund's figures instead."""
    from django.core.cache import cache

    from local_giving.figures import totals_cache_key

    assert "50" in Client().get(FAMILY).content.decode()
    key = totals_cache_key(funds["family"].pk)
    held = cache.get(key)
    assert held is not None

    with django_capture_on_commit_callbacks(execute=True):
        pay(funds["family"], "500")
    cache.set(key, held)  # what another worker's memory still holds

    assert "550" in Client().get(FAMILY).content.decode()
