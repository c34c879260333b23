"""The fund a programme page collects for, with its targets."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel


class ProgrammeFund(models.Model):
    """Links a programme page to the fund its gifts go to, with optional targets per currency."""

    page = ParentalKey("home.ProgrammePage", on_delete=models.CASCADE, related_name="fund_links")
    fund = models.ForeignKey(
        "donations.Fund", verbose_name=_("fund"), on_delete=models.PROTECT, related_name="+"
    )
    target_kgs = models.DecimalField(
        _("target in KGS"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_usd = models.DecimalField(
        _("target in USD"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_eur = models.DecimalField(
        _("target in EUR"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    panels = [
        FieldPanel("fund"),
        FieldPanel("target_kgs"),
        FieldPanel("target_usd"),
        FieldPanel("target_eur"),
    ]

    class Meta:
        verbose_name = _("fund and targets")
        verbose_name_plural = _("fund and targets")

    def __str__(self):
        return str(self.fund)

    def targets(self):
        return {"KGS": self.target_kgs, "USD": self.target_usd, "EUR": self.target_eur}
