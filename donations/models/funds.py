"""Funds a donor can give to and the preset amounts offered per currency.

Plain Django models; their words are translated per language with
django-modeltranslation (see donations/translation.py).
"""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Currency(models.TextChoices):
    KGS = "KGS", _("Kyrgyz som (KGS)")
    USD = "USD", _("US dollar (USD)")
    EUR = "EUR", _("Euro (EUR)")

    @classmethod
    def rules(cls, code):
        """Bounds and decimals for a currency (Stripe's minimums respected)."""
        return CURRENCY_RULES[code]


# min/max per gift and how many decimals a donor may type. Stripe's minimum
# charge is about USD 0.50; KGS is taken in whole som.
CURRENCY_RULES = {
    "KGS": {"min": Decimal("100"), "max": Decimal("1000000"), "decimals": 0},
    "USD": {"min": Decimal("1"), "max": Decimal("10000"), "decimals": 2},
    "EUR": {"min": Decimal("1"), "max": Decimal("10000"), "decimals": 2},
}


class Fund(models.Model):
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    is_default = models.BooleanField(
        _("where most needed"),
        default=False,
        help_text=_("The general fund offered first on the donate page."),
    )
    is_active = models.BooleanField(_("offered on the donate page"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        ordering = ["-is_default", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="donations_fund_single_default",
            )
        ]

    def __str__(self):
        return self.name


class PresetAmount(models.Model):
    class Frequency(models.TextChoices):
        ANY = "any", _("One-time and monthly")
        ONE_TIME = "one_time", _("One-time only")
        MONTHLY = "monthly", _("Monthly only")

    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    frequency = models.CharField(
        _("offered for"), max_length=8, choices=Frequency.choices, default=Frequency.ANY
    )
    label = models.CharField(
        _("what it pays for"),
        max_length=160,
        blank=True,
        help_text=_("Optional, e.g. “school supplies for one child”."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("preset amount")
        verbose_name_plural = _("preset amounts")
        ordering = ["currency", "sort_order", "amount"]
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "amount", "frequency"], name="donations_preset_unique"
            )
        ]

    def __str__(self):
        return f"{self.amount:g} {self.currency}"
