"""The public figures: what each fund has raised, and the transparency table and its CSV.

The one privacy rule for every public figure (programme pages, the transparency table
and its CSV): an amount, count or share is published only when it rests on at least
``MIN_PUBLIC_GIFTS`` gifts, so that nobody can work out what one donor gave. Use
``is_publishable``. Counted: paid gifts (not refunded), every channel; no exchange rates.
"""

import csv
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.http import HttpResponse
from django.utils.translation import gettext as _

from donations.models import Currency, Donation, Fund

from .caching import TOTALS_TIMEOUT, totals_cache_key, transparency_cache_key

MIN_PUBLIC_GIFTS = 5


def is_publishable(gifts):
    """True when a figure based on ``gifts`` gifts may be shown to the public."""
    return gifts >= MIN_PUBLIC_GIFTS


def fewer_than_label():
    """What a table shows instead of a figure that is not publishable ("fewer than 5")."""
    return _("fewer than %(minimum)s") % {"minimum": MIN_PUBLIC_GIFTS}


def _fund_sums(fund_id):
    key = totals_cache_key(fund_id)
    sums = cache.get(key)
    if sums is None:
        rows = (
            Donation.objects.filter(fund_id=fund_id, status=Donation.Status.PAID)
            .values("currency")
            .annotate(raised=Sum("amount"), gifts=Count("pk"))
        )
        sums = {row["currency"]: (row["raised"], row["gifts"]) for row in rows}
        cache.set(key, sums, TOTALS_TIMEOUT)
    return sums


def fund_totals(fund, targets=None):
    """Per currency: raised (paid, not refunded, every channel), gifts, target and percent.

    ``targets`` maps currency codes to a target or None (ProgrammeFund.targets()).
    A currency appears when it has gifts or a target. No exchange rates anywhere.
    Raised, gifts and percent are None (and ``suppressed`` True) unless
    ``is_publishable``: the target alone says nothing about anyone's gift.
    """
    targets = targets or {}
    sums = _fund_sums(fund.pk if isinstance(fund, Fund) else fund)
    result = []
    for code, label in Currency.choices:
        raised, gifts = sums.get(code, (Decimal(0), 0))
        target = targets.get(code)
        if not gifts and not target:
            continue
        shown = is_publishable(gifts)
        percent = None
        if target and shown:
            percent = min(100, int(raised * 100 / target))
        result.append(
            {
                "currency": code,
                "currency_label": label,
                "suppressed": not shown,
                "raised": raised if shown else None,
                "gifts": gifts if shown else None,
                "target": target,
                "percent": percent,
            }
        )
    return result


def _transparency_rows():
    key = transparency_cache_key()
    rows = cache.get(key)
    if rows is None:
        rows = list(
            Donation.objects.filter(status=Donation.Status.PAID, paid_at__isnull=False)
            .annotate(year=ExtractYear("paid_at"))
            .values("year", "fund_id", "channel", "currency")
            .annotate(total=Sum("amount"), gifts=Count("pk"))
            .order_by("-year", "fund_id", "channel", "currency")
        )
        cache.set(key, rows, TOTALS_TIMEOUT)
    return rows


def transparency_table():
    """Totals per year, fund, channel and currency; figures not ``is_publishable`` suppressed."""
    rows = _transparency_rows()
    funds = Fund.objects.in_bulk({row["fund_id"] for row in rows})
    channels = dict(Donation.Channel.choices)
    table = []
    for row in rows:
        small = not is_publishable(row["gifts"])
        table.append(
            {
                "year": row["year"],
                "fund": str(funds[row["fund_id"]]) if row["fund_id"] in funds else "",
                "channel": channels.get(row["channel"], row["channel"]),
                "currency": row["currency"],
                "suppressed": small,
                "gifts": None if small else row["gifts"],
                "total": None if small else row["total"],
            }
        )
    return table


def _csv_text(value):
    """Text a spreadsheet will not run as a formula (fund names are typed by editors)."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def transparency_csv_response(filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # BOM: spreadsheet programs then read UTF-8 correctly
    writer = csv.writer(response)
    writer.writerow([_("Year"), _("Fund"), _("Channel"), _("Currency"), _("Gifts"), _("Amount")])
    for row in transparency_table():
        if row["suppressed"]:
            gifts = total = fewer_than_label()
        else:
            gifts, total = row["gifts"], f"{row['total']:.2f}"
        writer.writerow(
            [row["year"], _csv_text(row["fund"]), row["channel"], row["currency"], gifts, total]
        )
    return response
