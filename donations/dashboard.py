"""The donations panel of the Wagtail admin's dashboard: this month's totals.

Shown to users who may view donations (donations/wagtail_hooks.py), in two tables (per
currency, per fund and currency) of one shape: templates/donations/admin/.
"""

import datetime

from django.db.models import Count, Sum
from django.utils import timezone

from wagtail.admin.ui.components import Component

from .models import Donation, Fund
from .receipts import format_amount


def month_start(now=None):
    """The first moment of the current month in the site's time zone."""
    local = timezone.localtime(now)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _totals(gifts, *group_by):
    """Sum and count of ``gifts`` per value of the ``group_by`` fields."""
    return (
        gifts.values(*group_by).annotate(total=Sum("amount"), count=Count("pk")).order_by(*group_by)
    )


def month_totals(now=None):
    """This month's paid (not refunded) gifts: totals per currency, and per fund and currency.

    Each row has ``label`` (the currency, or the fund), ``count``, ``total`` and
    ``display`` (the total formatted in its currency), as the panel's table shows them.
    """
    start = month_start(now)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    paid = Donation.objects.filter(status=Donation.Status.PAID, paid_at__gte=start, paid_at__lt=end)
    funds = {fund.pk: fund for fund in Fund.objects.all()}
    per_currency = [
        {**row, "label": row["currency"], "display": format_amount(row["total"], row["currency"])}
        for row in _totals(paid, "currency")
    ]
    per_fund = [
        {
            **row,
            "fund": funds.get(row["fund"]),
            "label": funds.get(row["fund"]),
            "display": format_amount(row["total"], row["currency"]),
        }
        for row in _totals(paid, "fund", "currency")
    ]
    return {"month": start, "per_currency": per_currency, "per_fund": per_fund}


def charges_differing():
    """How many gifts Stripe charged differently than pledged (flagged for staff)."""
    return Donation.objects.filter(charge_differs=True).count()


class DonationTotalsPanel(Component):
    name = "donation_totals"
    order = 150
    template_name = "donations/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context.update(month_totals())
        context["charges_differing"] = charges_differing()
        return context
