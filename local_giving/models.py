"""Bank accounts, bank-statement imports, fund links, transparency page and annual reports."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from donations.models import Currency
from home.models import BasePage

# Demo and fresh installs carry this text until the finance team enters the real values.
PLACEHOLDER = "[to be filled in by the finance team]"


def is_placeholder(value):
    return not (value or "").strip() or "[" in value


class BankAccount(models.Model):
    """Where a donor sends a transfer in one currency. Words are translated (modeltranslation)."""

    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, unique=True)
    recipient = models.CharField(_("recipient"), max_length=200)
    bank_name = models.CharField(_("bank"), max_length=200)
    bic = models.CharField(_("BIC/SWIFT"), max_length=11, blank=True)
    account = models.CharField(
        _("account number or IBAN"),
        max_length=64,
        help_text=_("For euros, the IBAN: it goes into the EPC QR code."),
    )
    payment_purpose = models.CharField(
        _("payment purpose"),
        max_length=200,
        blank=True,
        help_text=_("Shown before the donor's reference, e.g. “Charitable donation”."),
    )
    qr_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("QR code image issued by the bank"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("KGS: the static QR code the bank issued for this account."),
    )
    qr_payload = models.TextField(
        _("QR payload issued by the bank"),
        blank=True,
        help_text=_(
            "KGS: the exact text the bank issued for its QR code, if it gave one. It is shown "
            "as a QR code exactly as pasted; never type a payload the bank did not issue."
        ),
    )
    is_active = models.BooleanField(_("offered to donors"), default=True)

    panels = [
        FieldPanel("currency"),
        MultiFieldPanel(
            [FieldPanel("recipient_ky"), FieldPanel("recipient_ru"), FieldPanel("recipient_en")],
            heading=_("Recipient"),
        ),
        MultiFieldPanel(
            [FieldPanel("bank_name_ky"), FieldPanel("bank_name_ru"), FieldPanel("bank_name_en")],
            heading=_("Bank"),
        ),
        FieldPanel("bic"),
        FieldPanel("account"),
        MultiFieldPanel(
            [
                FieldPanel("payment_purpose_ky"),
                FieldPanel("payment_purpose_ru"),
                FieldPanel("payment_purpose_en"),
            ],
            heading=_("Payment purpose"),
        ),
        MultiFieldPanel(
            [FieldPanel("qr_image"), FieldPanel("qr_payload")], heading=_("QR code (KGS)")
        ),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("bank account")
        verbose_name_plural = _("bank accounts")
        ordering = ["currency"]

    def __str__(self):
        return f"{self.currency}: {self.bank_name}"

    @property
    def is_configured(self):
        """False while any detail a donor needs is empty or still a placeholder."""
        return not any(is_placeholder(v) for v in (self.recipient, self.bank_name, self.account))

    @property
    def has_bank_qr_payload(self):
        return self.currency == Currency.KGS and not is_placeholder(self.qr_payload)


class StatementFormat(models.Model):
    """How to read one bank's statement CSV: configured once, chosen on import."""

    class Encoding(models.TextChoices):
        AUTO = "auto", _("Detect (UTF-8, UTF-8 with BOM or Windows-1251)")
        UTF8 = "utf-8", "UTF-8"
        UTF8_BOM = "utf-8-sig", _("UTF-8 with BOM")
        CP1251 = "cp1251", _("Windows-1251 (Cyrillic)")

    class Delimiter(models.TextChoices):
        AUTO = "auto", _("Detect")
        SEMICOLON = ";", _("Semicolon (;)")
        COMMA = ",", _("Comma (,)")

    name = models.CharField(_("name"), max_length=120, unique=True)
    encoding = models.CharField(
        _("encoding"), max_length=10, choices=Encoding.choices, default=Encoding.AUTO
    )
    delimiter = models.CharField(
        _("delimiter"), max_length=4, choices=Delimiter.choices, default=Delimiter.AUTO
    )
    date_column = models.CharField(_("date column"), max_length=100)
    amount_column = models.CharField(_("amount column"), max_length=100)
    currency_column = models.CharField(
        _("currency column"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty if the statement is for one account: the currency below is used."),
    )
    default_currency = models.CharField(
        _("statement currency"), max_length=3, choices=Currency.choices, default=Currency.KGS
    )
    purpose_column = models.CharField(_("payment purpose column"), max_length=100)
    transaction_id_column = models.CharField(
        _("bank transaction id column"),
        max_length=100,
        blank=True,
        help_text=_("Recommended. Without it, a line is recognised again by its content."),
    )
    payer_column = models.CharField(_("payer column"), max_length=100, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("encoding"),
        FieldPanel("delimiter"),
        MultiFieldPanel(
            [
                FieldPanel("date_column"),
                FieldPanel("amount_column"),
                FieldPanel("currency_column"),
                FieldPanel("default_currency"),
                FieldPanel("purpose_column"),
                FieldPanel("transaction_id_column"),
                FieldPanel("payer_column"),
            ],
            heading=_("Column headings, as in the file"),
        ),
    ]

    class Meta:
        verbose_name = _("bank statement format")
        verbose_name_plural = _("bank statement formats")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StatementImport(models.Model):
    statement_format = models.ForeignKey(
        StatementFormat, verbose_name=_("format"), on_delete=models.PROTECT, related_name="imports"
    )
    file_name = models.CharField(_("file"), max_length=255)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lines_read = models.PositiveIntegerField(_("lines read"), default=0)
    lines_new = models.PositiveIntegerField(_("new lines"), default=0)
    lines_matched = models.PositiveIntegerField(_("matched"), default=0)
    lines_unmatched = models.PositiveIntegerField(_("unmatched"), default=0)
    lines_skipped = models.PositiveIntegerField(_("skipped"), default=0)
    lines_already_imported = models.PositiveIntegerField(_("already imported"), default=0)

    class Meta:
        verbose_name = _("statement import")
        verbose_name_plural = _("statement imports")
        ordering = ["-imported_at"]

    def __str__(self):
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class StatementLine(models.Model):
    """One incoming (or outgoing) line of a bank statement, stored once by its key."""

    class Status(models.TextChoices):
        MATCHED = "matched", _("Matched")
        UNMATCHED = "unmatched", _("To be handled")
        ASSIGNED = "assigned", _("Assigned by staff")
        SKIPPED = "skipped", _("Skipped")
        IGNORED = "ignored", _("Not a donation")

    statement_import = models.ForeignKey(
        StatementImport, verbose_name=_("import"), on_delete=models.CASCADE, related_name="lines"
    )
    line_number = models.PositiveIntegerField(_("line"))
    transaction_key = models.CharField(
        _("transaction key"),
        max_length=128,
        unique=True,
        help_text=_("The bank's transaction id, or a fingerprint of the line."),
    )
    booked_on = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=8)
    purpose = models.TextField(_("payment purpose"), blank=True)
    payer = models.CharField(_("payer"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    donation = models.ForeignKey(
        "donations.Donation",
        verbose_name=_("donation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statement_lines",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("statement line")
        verbose_name_plural = _("statement lines")
        ordering = ["-booked_on", "pk"]

    def __str__(self):
        return f"{self.booked_on} {self.amount} {self.currency}"


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


class TransparencyPage(RoutablePageMixin, BasePage):
    """Where the money goes: totals per year, fund and channel, and the annual reports."""

    body = RichTextField(
        _("explanation"), blank=True, features=["bold", "italic", "link", "ul", "ol", "h2", "h3"]
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("transparency page")

    def get_context(self, request, *args, **kwargs):
        from .services import shows_all_totals, transparency_table

        context = super().get_context(request, *args, **kwargs)
        shows_all_totals(request)
        context["table"] = transparency_table()
        context["reports"] = AnnualReport.for_language(get_language())
        context["csv_url"] = self.get_url(request) + self.reverse_subpage("csv")
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("csv/", name="csv")
    def csv_route(self, request):
        from .services import shows_all_totals, transparency_csv_response

        shows_all_totals(request)
        return transparency_csv_response(filename=f"{self.slug}-{get_language()}.csv")
