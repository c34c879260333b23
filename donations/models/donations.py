"""The ledger: one row per gift, whatever the channel, with gapless receipt numbers."""

import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .funds import Currency

# Sent after a donation's status changed: sender=Donation, donation, old_status, new_status.
donation_status_changed = Signal()


def receipt_year(moment):
    """The year a receipt made at ``moment`` belongs to: the year in Bishkek.

    The organisation keeps its books in Kyrgyzstan, so the receipt year (and its number
    sequence) follows settings.TIME_ZONE ("Asia/Bishkek", UTC+6), whatever time zone a
    request happens to have activated: a gift paid at 23:59 on 31 December in Bishkek
    belongs to that year even though it is still 17:59 UTC.
    """
    return moment.astimezone(timezone.get_default_timezone()).year


class ReceiptSequence(models.Model):
    """The last receipt number used in a year; numbers are gapless per year."""

    year = models.PositiveIntegerField(_("year"), primary_key=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("receipt sequence")

    def __str__(self):
        return f"{self.year}: {self.last_number}"

    @classmethod
    def take_next(cls, year):
        """Return the next number of ``year``; call inside the transaction that uses it.

        The UPDATE takes the row lock first (PostgreSQL) or the write lock (SQLite), so
        concurrent callers queue, and a rolled-back transaction gives its number back.
        """
        if not transaction.get_connection().in_atomic_block:
            # A real check, not an assert: ``python -O`` strips asserts.
            raise transaction.TransactionManagementError(
                "ReceiptSequence.take_next() must run inside transaction.atomic()"
            )
        cls.objects.bulk_create([cls(year=year, last_number=0)], ignore_conflicts=True)
        cls.objects.filter(year=year).update(last_number=F("last_number") + 1)
        return cls.objects.values_list("last_number", flat=True).get(year=year)


class Donation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        PAID = "paid", _("Paid")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")
        CANCELLED = "cancelled", _("Cancelled")
        REFUNDED = "refunded", _("Refunded")

    class Frequency(models.TextChoices):
        ONE_TIME = "one_time", _("One-time")
        MONTHLY = "monthly", _("Monthly")

    class Channel(models.TextChoices):
        CARD = "card", _("Card")
        BANK_TRANSFER = "bank_transfer", _("Bank transfer")
        QR = "qr", _("QR payment")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    frequency = models.CharField(
        _("frequency"), max_length=16, choices=Frequency.choices, default=Frequency.ONE_TIME
    )
    channel = models.CharField(
        _("channel"), max_length=16, choices=Channel.choices, default=Channel.CARD, db_index=True
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=12,
        decimal_places=2,
        help_text=_("What the gift is counted as: for transfers, the amount received."),
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    fund = models.ForeignKey(
        "donations.Fund", verbose_name=_("fund"), on_delete=models.PROTECT, related_name="donations"
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # The review step the donor confirmed: one review -> at most one donation (views, attempts).
    attempt_key = models.UUIDField(
        _("review key"),
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set from the review step the donor confirmed; a repeated confirm finds it."),
    )

    # The donor. Emptied by forget_donor; the accounting record stays.
    donor_name = models.CharField(_("donor name"), max_length=200, blank=True)
    donor_email = models.EmailField(_("donor email"), blank=True, db_index=True)
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    dedication = models.CharField(_("dedication"), max_length=300, blank=True)

    # Card gifts through Stripe.
    stripe_checkout_session_id = models.CharField(
        _("Stripe Checkout Session"), max_length=255, unique=True, null=True, blank=True
    )
    stripe_customer_id = models.CharField(_("Stripe customer"), max_length=255, blank=True)
    stripe_subscription_id = models.CharField(
        _("Stripe subscription"), max_length=255, blank=True, db_index=True
    )
    stripe_invoice_id = models.CharField(
        _("Stripe invoice"), max_length=255, unique=True, null=True, blank=True
    )
    stripe_payment_intent_id = models.CharField(
        _("Stripe payment intent"), max_length=255, blank=True, db_index=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("monthly gift"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instalments",
        help_text=_("For a monthly instalment: the monthly gift it belongs to."),
    )
    subscription_ended_at = models.DateTimeField(_("monthly gift ended"), null=True, blank=True)

    # Bank transfer and QR pledges, confirmed by staff.
    reference_code = models.CharField(
        _("payment reference"), max_length=16, unique=True, null=True, blank=True
    )
    pledged_amount = models.DecimalField(
        _("pledged amount"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    received_on = models.DateField(_("received on"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Money and receipt.
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True, db_index=True)
    refunded_at = models.DateTimeField(_("refunded"), null=True, blank=True)
    receipt_number = models.CharField(
        _("receipt number"), max_length=20, unique=True, null=True, blank=True
    )
    receipt_voided_at = models.DateTimeField(_("receipt voided"), null=True, blank=True)
    receipt_emailed_at = models.DateTimeField(_("receipt emailed"), null=True, blank=True)

    # What Stripe reports it charged, kept beside what was pledged.
    charged_amount = models.DecimalField(
        _("charged amount"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("What Stripe reports it charged (card gifts)."),
    )
    charged_currency = models.CharField(_("charged currency"), max_length=3, blank=True)
    pledged_currency = models.CharField(_("pledged currency"), max_length=3, blank=True)
    charge_differs = models.BooleanField(
        _("charge differs from pledge"),
        default=False,
        db_index=True,
        help_text=_(
            "Stripe charged another amount or currency than the donor pledged. The gift "
            "counts as charged; the pledge is kept in the pledged fields. Check it with Stripe."
        ),
    )

    class Meta:
        verbose_name = _("donation")
        verbose_name_plural = _("donations")
        ordering = ["-created_at", "-pk"]
        permissions = [("view_donor_details", _("Can see donors' personal data"))]
        indexes = [models.Index(fields=["status", "paid_at"], name="donation_status_paid")]

    def __str__(self):
        return self.receipt_number or f"#{self.pk}"

    @property
    def is_counted(self):
        """Counted in totals: paid and not refunded."""
        return self.status == self.Status.PAID

    def change_status(self, new_status, **fields):
        """The one place a donation's status changes: save those fields, then signal."""
        old_status = self.status
        self.status = new_status
        for name, value in fields.items():
            setattr(self, name, value)
        self.save(update_fields=["status", "updated_at", *fields])
        donation_status_changed.send(
            sender=type(self), donation=self, old_status=old_status, new_status=new_status
        )

    def charge_fields(self, amount, currency):
        """The fields that record a charge of ``amount`` ``currency`` reported by Stripe.

        A charge that differs from the pledge is kept, never dropped: the gift then counts
        as what was charged (amount, currency: totals and the receipt say what the donor
        actually paid), the pledge moves to pledged_amount/pledged_currency, and
        charge_differs flags the gift for staff.
        """
        currency = (currency or self.currency).upper()
        fields = {"charged_amount": amount, "charged_currency": currency}
        if amount != self.amount or currency != self.currency:
            fields.update(
                charge_differs=True,
                pledged_amount=self.amount,
                pledged_currency=self.currency,
                amount=amount,
                currency=currency,
            )
        return fields

    def mark_paid(self, *, paid_at=None, charged=None, **fields):
        """Mark paid and number the receipt in one transaction; True if this call did it.

        ``paid_at`` is when the donor paid (Stripe's time, or the day a transfer
        arrived); the receipt is numbered within the year of that moment in Bishkek.
        ``charged`` is (amount, currency) as Stripe reports it, if known.
        Safe to call repeatedly and concurrently: the row is locked and re-read, and a
        donation already paid (or refunded) is left alone, so one gift gets one receipt.
        """
        with transaction.atomic():
            locked = type(self).objects.select_for_update().get(pk=self.pk)
            if locked.status in (self.Status.PAID, self.Status.REFUNDED):
                self.refresh_from_db()
                return False
            if charged is not None:
                fields.update(locked.charge_fields(*charged))
            paid_at = paid_at or timezone.now()
            year = receipt_year(paid_at)
            number = ReceiptSequence.take_next(year)
            locked.change_status(
                self.Status.PAID,
                paid_at=paid_at,
                receipt_number=f"{year}-{number:06d}",
                **fields,
            )
        self.refresh_from_db()
        return True
