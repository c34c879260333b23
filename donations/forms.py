"""The donate form: what the donor chose, validated against the currency rules."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .models import Currency, Donation, Fund, PresetAmount
from .models.funds import CURRENCY_RULES

PAYMENT_CARD = "card"
PAYMENT_TRANSFER = "transfer"
PAYMENT_BANK_APP = "bank_app"  # the National Bank's QR payment link (ELQR), som only
CUSTOM = "custom"

# Spaces donors (and browsers) put between thousands: space, no-break, narrow no-break, ',
# and the Arabic thousands separator.
THOUSANDS_SPACES = re.compile(r"[\s\u00a0\u202f'\u066c]")
NUMBER = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")
# Digits of Arabic (٠-٩), Persian and Urdu (۰-۹) and full-width East Asian (０-９)
# keyboards, the Arabic decimal separator and full-width marks, read as what they are.
# Digits of other scripts are not amounts here: the donor is asked for a number.
NATIVE_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９٫，．",
    "012345678901234567890123456789.,.",
)
# Unicode bidi controls (embeddings, overrides, isolates, marks): "Ali\u202egnp.exe" would
# read as "Aliexe.pnp" in the admin, the email and the receipt. Taken out of what donors type.
BIDI_CONTROLS = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


def without_bidi_controls(text):
    return text.translate(BIDI_CONTROLS)


def parse_amount(text):
    """A Decimal from what a donor typed: "1 000", "12,50", "1,000.50", "١٥٠٠"; else None.

    With both separators, the last one is the decimal point and the others group
    thousands; a lone comma is a decimal comma (as in ky and ru).
    """
    text = THOUSANDS_SPACES.sub("", (text or "").translate(NATIVE_DIGITS))
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        text = text.replace(thousands, "")
    if not NUMBER.match(text):
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def format_amount(amount, currency):
    """1 000 KGS, 12.50 USD in the active language's number format."""
    decimals = CURRENCY_RULES[currency]["decimals"]
    if amount == amount.to_integral_value():
        decimals = 0
    return f"{number_format(amount, decimal_pos=decimals, force_grouping=True)}\u00a0{currency}"


class DonateForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Donation.Frequency.choices,
        initial=Donation.Frequency.ONE_TIME,
        widget=forms.RadioSelect,
    )
    currency = forms.ChoiceField(
        label=_("Currency"),
        choices=Currency.choices,
        initial=Currency.KGS,
        widget=forms.RadioSelect,
    )
    preset = forms.ChoiceField(label=_("Amount"), required=False, widget=forms.RadioSelect)
    custom_amount = forms.CharField(
        label=_("Other amount"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 10}),
        help_text=_("Whole som for KGS; cents allowed for USD and EUR, e.g. 12,50."),
    )
    fund = forms.ModelChoiceField(
        label=_("Where your gift goes"),
        queryset=Fund.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the funds listed.")},
    )
    donor_name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    donor_email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Your receipt is sent here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    is_anonymous = forms.BooleanField(
        label=_("Give anonymously"),
        required=False,
        help_text=_("Your name is not shown publicly; your receipt still carries it."),
    )
    dedication = forms.CharField(
        label=_("Dedication (optional)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
        help_text=_("For example: in memory of a loved one."),
    )
    payment_method = forms.ChoiceField(
        label=_("How you pay"),
        choices=[
            (PAYMENT_CARD, _("Card (Visa, Mastercard and others)")),
            (
                PAYMENT_BANK_APP,
                _("Bank app (QR), in som"),
            ),
            (PAYMENT_TRANSFER, _("Bank transfer")),
        ],
        initial=PAYMENT_CARD,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        funds = Fund.objects.filter(is_active=True)
        self.fields["fund"].queryset = funds
        default = funds.first()
        if default is not None:
            self.fields["fund"].initial = default.pk
        self.presets = {str(p.pk): p for p in PresetAmount.objects.all()}
        self.fields["preset"].choices = [
            (key, format_amount(p.amount, p.currency)) for key, p in self.presets.items()
        ]
        self.fields["preset"].error_messages["invalid_choice"] = _(
            "Choose one of the amounts listed or enter your own."
        )
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs.setdefault("aria-describedby", f"id_{name}_help")

    # Template helpers ------------------------------------------------------------------

    def preset_groups(self):
        """[(currency code, label, [(radio, preset)])]: one fieldset per currency."""
        radios = {radio.data["value"]: radio for radio in self["preset"]}
        groups = []
        for code, label in Currency.choices:
            items = [
                (radios[key], preset)
                for key, preset in self.presets.items()
                if preset.currency == code and key in radios
            ]
            if items:
                groups.append((code, label, items))
        return groups

    def mark_invalid_fields(self):
        """aria-invalid and aria-describedby on every field with an error."""
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            described = [f"id_{name}_error"]
            if self.fields[name].help_text:
                described.append(f"id_{name}_help")
            attrs["aria-describedby"] = " ".join(described)

    # Validation ------------------------------------------------------------------------

    def clean_donor_name(self):
        name = " ".join(without_bidi_controls(self.cleaned_data["donor_name"]).split())
        if not name:
            raise forms.ValidationError(self.fields["donor_name"].error_messages["required"])
        return name

    def clean_dedication(self):
        return without_bidi_controls(self.cleaned_data["dedication"]).strip()

    def clean(self):
        cleaned = super().clean()
        currency = cleaned.get("currency")
        frequency = cleaned.get("frequency")
        if currency is None:
            return cleaned
        if cleaned.get("payment_method") == PAYMENT_BANK_APP and currency != Currency.KGS:
            self.add_error(
                "payment_method",
                _(
                    "Paying in a bank app in Kyrgyzstan is for gifts in som (KGS). "
                    "Choose KGS, or another way to pay."
                ),
            )
        rules = CURRENCY_RULES[currency]
        typed = (cleaned.get("custom_amount") or "").strip()
        preset_key = cleaned.get("preset")

        if typed:
            amount = parse_amount(typed)
            field = "custom_amount"
            if amount is None:
                self.add_error(field, _("Enter the amount as a number, for example 1500 or 12,50."))
                return cleaned
        elif preset_key:
            preset = self.presets[preset_key]
            field = "preset"
            if preset.currency != currency:
                self.add_error(
                    field,
                    _(
                        "The amount you chose is in %(preset)s, but you give in %(currency)s. "
                        "Choose an amount in %(currency)s or enter your own."
                    )
                    % {"preset": preset.currency, "currency": currency},
                )
                return cleaned
            if frequency and preset.frequency not in (PresetAmount.Frequency.ANY, frequency):
                if preset.frequency == PresetAmount.Frequency.MONTHLY:
                    message = _("This amount is offered for monthly gifts only.")
                else:
                    message = _("This amount is offered for one-time gifts only.")
                self.add_error(field, message)
                return cleaned
            amount = preset.amount
        else:
            self.add_error("preset", _("Choose an amount or enter your own."))
            return cleaned

        exponent = -amount.normalize().as_tuple().exponent
        if exponent > rules["decimals"]:
            if rules["decimals"] == 0:
                message = _("Gifts in %(currency)s are in whole units, without decimals.")
            else:
                message = _("Use at most %(decimals)s decimal places for %(currency)s.")
            self.add_error(field, message % {"currency": currency, "decimals": rules["decimals"]})
            return cleaned
        if amount < rules["min"]:
            self.add_error(
                field,
                _("The smallest gift in %(currency)s is %(amount)s.")
                % {"currency": currency, "amount": format_amount(rules["min"], currency)},
            )
            return cleaned
        if amount > rules["max"]:
            self.add_error(
                field,
                _(
                    "The largest gift online in %(currency)s is %(amount)s. "
                    "For a larger gift, please contact us."
                )
                % {"currency": currency, "amount": format_amount(rules["max"], currency)},
            )
            return cleaned
        cleaned["amount"] = amount.quantize(Decimal("0.01"))
        return cleaned

    def gift(self):
        """The validated gift as keyword arguments for a Donation (and create_pledge)."""
        data = self.cleaned_data
        return {
            "amount": data["amount"],
            "currency": data["currency"],
            "frequency": data["frequency"],
            "fund": data["fund"],
            "donor_name": data["donor_name"],
            "donor_email": data["donor_email"],
            "is_anonymous": data["is_anonymous"],
            "dedication": data["dedication"],
        }
