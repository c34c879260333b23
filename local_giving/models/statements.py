"""Bank statements: how to read one bank's export, each import, and the lines it brought."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from donations.models import Currency


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
