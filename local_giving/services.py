"""Bank-transfer and QR pledges, their confirmation by staff, and the public totals.

Monthly transfers are standing-order pledges: the donor gets one reference and
sets up a standing order in their bank. The first confirmed transfer completes
the pledge itself (it becomes a paid Donation); every later transfer with the
same reference becomes its own paid Donation with ``parent`` = the pledge, so
each one gets its own receipt number.
"""

import csv
import datetime
from decimal import Decimal

from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.caching.tags import depends_on, retire_tags, tag_version
from donations import attempts
from donations.models import Currency, Donation, Fund

from . import references
from .models import BankAccount

PLEDGE_SALT = "local_giving.pledge"
TOTALS_TIMEOUT = 60  # seconds: "within a minute of a new gift"
# The one privacy rule for every public figure (programme pages, the transparency table and
# its CSV): an amount, count or share is published only when it rests on at least this many
# gifts, so that nobody can work out what one donor gave. Use ``is_publishable``.
MIN_PUBLIC_GIFTS = 5
OFFLINE_CHANNELS = (Donation.Channel.BANK_TRANSFER, Donation.Channel.QR)


class TransferError(ValueError):
    """A transfer could not be recorded against a reference; the message says why."""


# Pledges ---------------------------------------------------------------------------------


def create_pledge(
    *,
    amount,
    currency,
    fund,
    frequency,
    donor_name,
    donor_email,
    is_anonymous,
    dedication,
    language,
    channel=Donation.Channel.BANK_TRANSFER,
    attempt_key=None,
    **ignored,
):
    """A pending offline Donation with a fresh reference code; nothing is charged.

    With the ``attempt_key`` of the review step the donor confirmed, a repeated or
    concurrent confirm gets the pledge (and reference) already made for that review.
    """
    if channel not in OFFLINE_CHANNELS:
        raise ValueError(f"Not an offline channel: {channel!r}")
    fields = {
        "status": Donation.Status.PENDING,
        "channel": channel,
        "frequency": frequency,
        "amount": amount,
        "pledged_amount": amount,
        "currency": currency,
        "fund": fund,
        "language": language,
        "donor_name": donor_name or "",
        "donor_email": donor_email or "",
        "is_anonymous": bool(is_anonymous),
        "dedication": dedication or "",
    }
    if attempt_key is None:
        return _new_pledge(fields)
    return attempts.donation_for_attempt(attempt_key, lambda **key: _new_pledge({**fields, **key}))


def _new_pledge(fields):
    attempt_key = fields.get("attempt_key")
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return Donation.objects.create(**fields, reference_code=references.new_code())
        except IntegrityError:
            if attempt_key and Donation.objects.filter(attempt_key=attempt_key).exists():
                raise  # the same review, confirmed at the same time: that pledge stands
            # Another pledge holds this code (1 in 27 billion): draw again.
            continue
    raise RuntimeError("Could not draw a unique payment reference")


def pledge_token(donation):
    return signing.dumps(str(donation.public_id), salt=PLEDGE_SALT)


def pledge_url(donation):
    """The signed, localized page with the reference, bank details and QR code."""
    with translation.override(donation.language):
        return reverse("local_giving:pledge", kwargs={"token": pledge_token(donation)})


def pledge_from_token(token):
    """The pledge a signed token points to, or None."""
    try:
        public_id = signing.loads(token, salt=PLEDGE_SALT)
    except signing.BadSignature:
        return None
    return (
        Donation.objects.filter(public_id=public_id, reference_code__isnull=False)
        .select_related("fund")
        .first()
    )


def bank_account(currency):
    return BankAccount.objects.filter(currency=currency, is_active=True).first()


# Confirmation -----------------------------------------------------------------------------


def _paid_at(received_on):
    """Noon on the day received (Bishkek time), never in the future."""
    moment = timezone.make_aware(datetime.datetime.combine(received_on, datetime.time(12)))
    return min(moment, timezone.now())


def confirm_transfer(reference, amount, received_on, user=None, channel=None, *, currency=None):
    """Record a received transfer against a reference; returns the paid Donation.

    ``amount`` is what arrived (it becomes the gift's amount; the pledged amount is
    kept). Raises TransferError for an unknown or malformed reference, a currency
    other than the pledge's, a one-time pledge already confirmed, or a refunded one.
    The receipt number comes with Donation.mark_paid; the email with its signal.
    """
    code = references.normalize(reference)
    if code is None:
        raise TransferError(
            _("“%(reference)s” is not a valid payment reference.") % {"reference": reference}
        )
    amount = Decimal(amount)
    if amount <= 0:
        raise TransferError(_("The amount received must be more than zero."))
    if received_on > timezone.localdate():
        raise TransferError(_("The date received cannot be in the future."))
    channel = channel or Donation.Channel.BANK_TRANSFER
    if channel not in OFFLINE_CHANNELS:
        raise TransferError(_("Choose bank transfer or QR payment."))

    with transaction.atomic():
        pledge = Donation.objects.select_for_update().filter(reference_code=code).first()
        if pledge is None:
            raise TransferError(
                _("No pledge has the reference %(reference)s.") % {"reference": code}
            )
        if currency and currency != pledge.currency:
            raise TransferError(
                _(
                    "Wrong currency: %(reference)s was pledged in %(pledged)s, "
                    "%(received)s received."
                )
                % {"reference": code, "pledged": pledge.currency, "received": currency}
            )
        fields = {
            "amount": amount,
            "received_on": received_on,
            "confirmed_by": user,
            "channel": channel,
        }
        if pledge.status == Donation.Status.PAID and pledge.frequency == Donation.Frequency.MONTHLY:
            if pledge.instalments.filter(received_on=received_on, amount=amount).exists() or (
                pledge.received_on == received_on and pledge.amount == amount
            ):
                raise TransferError(
                    _("A transfer of %(amount)s on %(date)s is already recorded for %(reference)s.")
                    % {"amount": amount, "date": received_on, "reference": code}
                )
            gift = Donation.objects.create(
                parent=pledge,
                status=Donation.Status.PENDING,
                frequency=pledge.frequency,
                channel=channel,
                amount=amount,
                pledged_amount=pledge.pledged_amount,
                currency=pledge.currency,
                fund=pledge.fund,
                language=pledge.language,
                donor_name=pledge.donor_name,
                donor_email=pledge.donor_email,
                is_anonymous=pledge.is_anonymous,
                dedication=pledge.dedication,
            )
            gift.mark_paid(
                paid_at=_paid_at(received_on), received_on=received_on, confirmed_by=user
            )
            return gift
        if pledge.status == Donation.Status.PAID:
            raise TransferError(
                _(
                    "%(reference)s is a one-time pledge and was already confirmed "
                    "(receipt %(receipt)s)."
                )
                % {"reference": code, "receipt": pledge.receipt_number}
            )
        if pledge.status == Donation.Status.REFUNDED:
            raise TransferError(_("%(reference)s was refunded.") % {"reference": code})
        # Pending, or expired/cancelled by the donor or a clean-up: the money arrived anyway.
        pledge.mark_paid(paid_at=_paid_at(received_on), **fields)
        return pledge


# Totals -----------------------------------------------------------------------------------


def totals_cache_key(fund_id):
    """Keyed by the fund's figures version: a gift retires it in every worker process,
    whether or not the default cache is shared (local memory without Redis)."""
    return f"local_giving:fund-totals:{fund_id}:{tag_version(fund_figures_tag(fund_id))}"


def transparency_cache_key():
    return f"local_giving:transparency:{tag_version(ALL_FIGURES_TAG)}"


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


def forget_totals(fund_ids=()):
    cache.delete_many([transparency_cache_key(), *(totals_cache_key(pk) for pk in fund_ids)])


# What cached pages showing totals name (core.caching.tags): a paid or refunded gift
# retires these, not the whole page cache.
ALL_FIGURES_TAG = "figures:all"


def fund_figures_tag(fund_id):
    return f"figures:fund:{fund_id}"


def shows_fund_totals(request, fund_id):
    """Call before reading a fund's totals for a page: the cached page is retired with them."""
    depends_on(request, fund_figures_tag(fund_id))


def shows_all_totals(request):
    """Call before reading the transparency table for a page or its CSV."""
    depends_on(request, ALL_FIGURES_TAG)


def retire_totals_pages(fund_ids):
    """Pages and fragments showing these funds' totals or the table, in every language."""
    retire_tags(ALL_FIGURES_TAG, *(fund_figures_tag(pk) for pk in fund_ids))
