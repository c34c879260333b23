"""Where a donor sends a transfer: one bank account per currency, with the bank's ELQR code."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from donations.models import Currency

from .. import elqr

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
