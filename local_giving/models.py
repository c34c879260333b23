"""Bank accounts, bank-statement imports, fund links, transparency page and annual reports."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from core.models import BasePage
from donations.models import Currency

from . import elqr

# Demo and fresh installs carry this text until the finance team enters the real values.
PLACEHOLDER = "[to be filled in by the finance team]"


# The finance team's test payment from the bank account's admin page.
TEST_PAYMENT_SOM = 10
TEST_REFERENCE = "SOS-TEST-QR"


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
    qr_payload = models.TextField(
        _("ELQR payment code issued by the bank"),
        blank=True,
        help_text=_(
            "KGS: paste the payment link or code your bank issued for this account (it starts "
            "with https://pay.payqr.kg/# or your bank's address), or upload the bank's QR image "
            "below. The site checks it and never invents a payee."
        ),
    )
    qr_link_prefix = models.CharField(
        _("payment link address"),
        max_length=200,
        default=elqr.DEFAULT_LINK_PREFIX,
        help_text=_(
            "Opens the donor's bank app. https://pay.payqr.kg/# is the address shared by all "
            "banks in Kyrgyzstan; use your bank's own (e.g. https://app.mbank.kg/qr/#) only if "
            "the bank asks you to."
        ),
    )
    qr_prefill = models.BooleanField(
        _("prefill amount and reference"),
        default=False,
        help_text=_(
            "Each pledge gets its own code with the amount and the payment reference filled in. "
            "Switch on only after a test payment from the link below has arrived with both."
        ),
    )
    is_active = models.BooleanField(_("offered to donors"), default=True)

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

    def clean(self):
        """A KGS account's code must be a verified ELQR code in som; stored as its payload."""
        errors = {}
        if self.qr_payload.strip():
            if self.currency != Currency.KGS:
                errors["qr_payload"] = _("Only the KGS account takes an ELQR payment code.")
            else:
                try:
                    payload = elqr.read(self.qr_payload)
                except elqr.ElqrError as error:
                    errors["qr_payload"] = _(
                        "This is not a valid ELQR payment code from a bank: %(reason)s"
                    ) % {"reason": error}
                else:
                    if payload.currency != elqr.KGS:
                        errors["qr_payload"] = _(
                            "This code is for currency %(code)s; the KGS account needs a code "
                            "in som (417)."
                        ) % {"code": payload.currency}
                    else:
                        self.qr_payload = payload.text()
        prefix = self.qr_link_prefix
        if not (prefix.startswith("https://") and prefix.endswith("#")):
            errors["qr_link_prefix"] = _(
                "The address must start with https:// and end with #, e.g. %(example)s"
            ) % {"example": elqr.DEFAULT_LINK_PREFIX}
        if errors:
            raise ValidationError(errors)

    def elqr_payload(self):
        """The bank's verified payload, or None (no code, or not a KGS account)."""
        if self.currency != Currency.KGS or not self.qr_payload.strip():
            return None
        try:
            return elqr.read(self.qr_payload)
        except elqr.ElqrError:
            return None

    def payment_payload(self, amount, reference):
        """What a donor's bank app receives for a pledge, or None without a bank code.

        With "prefill" on: the bank's code with the amount (in tyiyn) and the reference
        set and the checksum recomputed. Off: the bank's code as issued.
        """
        payload = self.elqr_payload()
        if payload is None or not self.qr_prefill:
            return payload
        return payload.derive(amount_tyiyn=round(amount * elqr.TYIYN_PER_SOM), comment=reference)

    def payment_link(self, amount, reference):
        payload = self.payment_payload(amount, reference)
        return None if payload is None else payload.link(self.qr_link_prefix)

    def test_payment_link(self):
        """The bank's code with 10 som and a test reference, always prefilled, for finance."""
        payload = self.elqr_payload()
        if payload is None:
            return None
        derived = payload.derive(
            amount_tyiyn=TEST_PAYMENT_SOM * elqr.TYIYN_PER_SOM, comment=TEST_REFERENCE
        )
        return derived.link(self.qr_link_prefix)


class StatementFormat(models.Model):
    """How to read one bank's statement export: configured once, chosen on import.

    CSV and XLSX files are read through the column headings below; a 1C
    ClientBankExchange file carries its own field names, so only the currency applies.
    """

    class FileType(models.TextChoices):
        CSV = "csv", _("CSV (text with columns)")
        XLSX = "xlsx", _("Excel workbook (XLSX), first sheet")
        ONEC = "1c", _("1C bank exchange file (1CClientBankExchange)")

    class Encoding(models.TextChoices):
        AUTO = "auto", _("Detect (UTF-8, UTF-8 with BOM or Windows-1251)")
        UTF8 = "utf-8", "UTF-8"
        UTF8_BOM = "utf-8-sig", _("UTF-8 with BOM")
        CP1251 = "cp1251", _("Windows-1251 (Cyrillic)")

    class Delimiter(models.TextChoices):
        AUTO = "auto", _("Detect")
        SEMICOLON = ";", _("Semicolon (;)")
        COMMA = ",", _("Comma (,)")
        TAB = "\t", _("Tab")

    name = models.CharField(_("name"), max_length=120, unique=True)
    file_type = models.CharField(
        _("file type"), max_length=8, choices=FileType.choices, default=FileType.CSV
    )
    encoding = models.CharField(
        _("encoding"),
        max_length=10,
        choices=Encoding.choices,
        default=Encoding.AUTO,
        help_text=_("For CSV and 1C files; an Excel workbook has no encoding to choose."),
    )
    delimiter = models.CharField(
        _("delimiter"),
        max_length=4,
        choices=Delimiter.choices,
        default=Delimiter.AUTO,
        help_text=_("For CSV files only."),
    )
    date_column = models.CharField(_("date column"), max_length=100, blank=True)
    amount_column = models.CharField(
        _("amount column"),
        max_length=100,
        blank=True,
        help_text=_(
            "One signed amount: money received is positive, money paid out negative. "
            "Leave empty if the bank gives separate debit and credit columns."
        ),
    )
    debit_column = models.CharField(
        _("debit column"),
        max_length=100,
        blank=True,
        help_text=_("Money paid out (outgoing). Only with a credit column."),
    )
    credit_column = models.CharField(
        _("credit column"),
        max_length=100,
        blank=True,
        help_text=_("Money received (incoming). Only with a debit column."),
    )
    currency_column = models.CharField(
        _("currency column"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty if the statement is for one account: the currency below is used."),
    )
    default_currency = models.CharField(
        _("statement currency"), max_length=3, choices=Currency.choices, default=Currency.KGS
    )
    purpose_column = models.CharField(_("payment purpose column"), max_length=100, blank=True)
    transaction_id_column = models.CharField(
        _("bank transaction id column"),
        max_length=100,
        blank=True,
        help_text=_("Recommended. Without it, a line is recognised again by its content."),
    )
    payer_column = models.CharField(_("payer column"), max_length=100, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("file_type"),
        FieldPanel("encoding"),
        FieldPanel("delimiter"),
        FieldPanel("default_currency"),
        MultiFieldPanel(
            [
                FieldPanel("date_column"),
                FieldPanel("amount_column"),
                FieldPanel("debit_column"),
                FieldPanel("credit_column"),
                FieldPanel("currency_column"),
                FieldPanel("purpose_column"),
                FieldPanel("transaction_id_column"),
                FieldPanel("payer_column"),
            ],
            heading=_("Column headings, as in the file (CSV and XLSX)"),
        ),
    ]

    class Meta:
        verbose_name = _("bank statement format")
        verbose_name_plural = _("bank statement formats")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def has_columns(self):
        return self.file_type != self.FileType.ONEC

    @property
    def has_debit_and_credit(self):
        return bool(self.debit_column.strip() and self.credit_column.strip())

    def clean(self):
        super().clean()
        if not self.has_columns:
            return
        required = _("Needed to read a CSV or XLSX statement.")
        errors = {
            field: required
            for field in ("date_column", "purpose_column")
            if not getattr(self, field).strip()
        }
        debit, credit = self.debit_column.strip(), self.credit_column.strip()
        if self.amount_column.strip() and (debit or credit):
            errors["amount_column"] = _(
                "Give either one amount column, or a debit and a credit column, not both."
            )
        elif not self.amount_column.strip() and not (debit and credit):
            # Point at the field still to fill in: the amount, or the missing half of the pair.
            missing = "credit_column" if debit else "debit_column" if credit else "amount_column"
            errors[missing] = _("Give either one amount column, or a debit and a credit column.")
        if errors:
            raise ValidationError(errors)


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
