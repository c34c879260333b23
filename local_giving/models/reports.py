"""Annual report documents, one per year and language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class AnnualReport(models.Model):
    """An annual report document in one language."""

    year = models.PositiveIntegerField(_("year"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("year"), FieldPanel("language"), FieldPanel("document")]

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year", "language"]
        constraints = [
            models.UniqueConstraint(fields=["year", "language"], name="local_giving_report_unique")
        ]

    def __str__(self):
        return f"{self.year} ({self.get_language_display()})"

    @classmethod
    def for_language(cls, language):
        """One report per year, newest first: in ``language``, else another (``is_fallback``)."""
        order = [language] + [code for code, _name in settings.LANGUAGES if code != language]
        by_year = {}
        for report in cls.objects.select_related("document"):
            by_year.setdefault(report.year, {})[report.language] = report
        result = []
        for year in sorted(by_year, reverse=True):
            available = by_year[year]
            report = next(available[code] for code in order if code in available)
            report.is_fallback = report.language != language
            result.append(report)
        return result
