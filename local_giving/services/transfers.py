"""Staff confirm a received transfer against its pledge's reference.

Monthly transfers are standing-order pledges: the donor gets one reference and
sets up a standing order in their bank. The first confirmed transfer completes
the pledge itself (it becomes a paid Donation); every later transfer with the
same reference becomes its own paid Donation with ``parent`` = the pledge, so
each one gets its own receipt number.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from donations.models import Donation

from .. import references
from .pledges import OFFLINE_CHANNELS


class TransferError(ValueError):
    """A transfer could not be recorded against a reference; the message says why."""


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
