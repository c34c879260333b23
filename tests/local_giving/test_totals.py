import csv
import io
from decimal import Decimal

from django.template import Context, Template
from django.utils import timezone, translation

import pytest

from donations.models import Donation
from home.models import ProgrammeIndexPage, ProgrammePage
from local_giving.figures import (
    MIN_PUBLIC_GIFTS,
    fund_totals,
    is_publishable,
    transparency_csv_response,
    transparency_table,
)
from local_giving.models import ProgrammeFund
from local_giving.services import confirm_transfer


def by_currency(totals):
    return {row["currency"]: row for row in totals}


def test_fund_totals_per_currency_without_refunds(make_pledge, make_card_gift, fund, family_fund):
    gifts = [make_card_gift("50", "USD"), make_card_gift("25.50", "USD")]
    gifts += [make_card_gift("10", "USD") for _ in range(4)]
    for _ in range(5):
        make_card_gift("10", "EUR")
    make_card_gift("999", "USD", fund_=family_fund)  # another fund
    for _ in range(5):
        confirm_transfer(make_pledge().reference_code, Decimal("700"), timezone.localdate())
    make_pledge()  # pending: not counted
    targets = {"KGS": Decimal("7000"), "USD": None, "EUR": None}
    totals = by_currency(fund_totals(fund, targets))
    assert totals["USD"]["raised"] == Decimal("115.50") and totals["USD"]["gifts"] == 6
    assert totals["EUR"]["raised"] == Decimal("50") and totals["EUR"]["percent"] is None
    assert totals["KGS"]["raised"] == Decimal("3500") and totals["KGS"]["percent"] == 50
    assert not any(row["suppressed"] for row in totals.values())

    gifts[0].change_status(Donation.Status.REFUNDED, refunded_at=timezone.now())
    # The cached figures are forgotten at once when a gift is refunded.
    totals = by_currency(fund_totals(fund))
    assert totals["USD"]["raised"] == Decimal("65.50") and totals["USD"]["gifts"] == 5


def test_a_currency_with_only_a_target_shows_the_target_alone(fund):
    totals = fund_totals(fund, {"EUR": Decimal("5000")})
    assert totals == [
        {
            "currency": "EUR",
            "currency_label": totals[0]["currency_label"],
            "suppressed": True,
            "raised": None,
            "gifts": None,
            "target": Decimal("5000"),
            "percent": None,
        }
    ]


@pytest.mark.parametrize("paid", [1, 4])
def test_fund_totals_hide_figures_of_fewer_than_5_gifts(make_card_gift, fund, paid):
    """The transparency table's rule: no amount, count or share from 1-4 gifts."""
    for _ in range(paid):
        make_card_gift("50", "USD")
    [row] = fund_totals(fund, {"USD": Decimal("200")})
    assert row["suppressed"] is True
    assert row["raised"] is None and row["gifts"] is None and row["percent"] is None
    assert row["target"] == Decimal("200")  # the target is the programme's, not a donor's


def test_a_refund_below_the_threshold_hides_the_figures_again(make_card_gift, fund):
    gifts = [make_card_gift("10", "USD") for _ in range(5)]
    assert by_currency(fund_totals(fund))["USD"]["gifts"] == 5
    gifts[0].change_status(Donation.Status.REFUNDED, refunded_at=timezone.now())
    assert by_currency(fund_totals(fund))["USD"]["suppressed"] is True


def test_a_new_gift_shows_at_once_despite_the_cache(make_card_gift, fund):
    for _ in range(4):
        make_card_gift("10", "USD")
    assert by_currency(fund_totals(fund))["USD"]["suppressed"] is True
    make_card_gift("10", "USD")
    assert by_currency(fund_totals(fund))["USD"]["gifts"] == 5


def test_programme_pages_and_the_transparency_table_share_one_rule(make_card_gift, fund):
    """Whatever one hides, the other hides: both ask local_giving.figures.is_publishable."""
    for paid in range(1, 7):
        make_card_gift("10", "USD")
        [cell] = [r for r in transparency_table() if r["currency"] == "USD"]
        programme = by_currency(fund_totals(fund))["USD"]
        assert cell["suppressed"] is programme["suppressed"] is (paid < MIN_PUBLIC_GIFTS)
        assert is_publishable(paid) is (paid >= 5)


def test_small_cells_are_suppressed(make_card_gift, make_pledge, fund):
    for _ in range(5):
        make_card_gift("10", "USD")
    for _ in range(4):
        make_card_gift("7", "EUR")
    confirm_transfer(make_pledge().reference_code, Decimal("1000"), timezone.localdate())
    year = timezone.localdate().year
    rows = {(r["channel"], r["currency"]): r for r in transparency_table()}
    with translation.override("en"):
        assert rows[("Card", "USD")]["year"] == year
    assert rows[("Card", "USD")]["gifts"] == 5 and rows[("Card", "USD")]["total"] == Decimal("50")
    assert rows[("Card", "EUR")]["suppressed"] and rows[("Card", "EUR")]["total"] is None
    assert rows[("Bank transfer", "KGS")]["suppressed"]

    with translation.override("en"):
        response = transparency_csv_response("t.csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0] == ["Year", "Fund", "Channel", "Currency", "Gifts", "Amount"]
    assert [str(year), "Where most needed", "Card", "EUR", "fewer than 5", "fewer than 5"] in table
    assert [str(year), "Where most needed", "Card", "USD", "5", "50.00"] in table
    assert "card@example.org" not in response.content.decode()


@pytest.fixture
def programme(home_page, fund):
    index = home_page.add_child(
        instance=ProgrammeIndexPage(title="Программалар", slug="programmes")
    )
    page = ProgrammePage(title="Үй-бүлө", slug="family")
    page.fund_links.add(ProgrammeFund(fund=fund, target_usd=Decimal("200")))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_fund_progress_tag(programme, make_card_gift, locales):
    for _ in range(5):
        make_card_gift("10", "USD")
    template = Template("{% load giving_tags %}{% fund_progress page %}")
    with translation.override("en"):
        html = template.render(Context({"page": programme}))
    assert "<progress" in html and 'max="100" value="25"' in html
    assert "50 USD" in html and "25% of the target of 200 USD" in html and "5 gifts" in html

    # A translation without its own link shows the source page's fund.
    russian = programme.copy_for_translation(locales["ru"], copy_parents=True)
    russian.fund_links.all().delete()
    assert "<progress" in template.render(Context({"page": russian}))


@pytest.mark.parametrize("paid", [1, 4])
def test_fund_progress_tag_hides_figures_of_fewer_than_5_gifts(programme, make_card_gift, paid):
    for _ in range(paid):
        make_card_gift("30", "USD")
    with translation.override("en"):
        html = Template("{% load giving_tags %}{% fund_progress page %}").render(
            Context({"page": programme})
        )
    text = " ".join(html.split())
    assert "the amount is shown once the fund has received at least 5 gifts" in text
    assert "Target: 200 USD." in text
    assert "<progress" not in html and "%" not in text
    assert f"{paid * 30} USD" not in text and "gift " not in text and "from " not in text


def test_fund_progress_tag_without_link_renders_nothing(home_page):
    html = Template("{% load giving_tags %}{% fund_progress page %}").render(
        Context({"page": home_page})
    )
    assert html.strip() == ""
