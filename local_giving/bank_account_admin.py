"""The bank account in the admin: the bank's ELQR code pasted or read from its QR image,
what the site read from it, and a 10-som test payment for the finance team."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel

from donations.models import Currency

from . import qr
from .models import TEST_PAYMENT_SOM, TEST_REFERENCE


class BankAccountForm(WagtailAdminModelForm):
    qr_upload = forms.ImageField(
        label=_("QR image from the bank"),
        required=False,
        help_text=_("Or upload the QR code picture the bank gave you: the site reads the code."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("qr_upload")
        if upload:
            upload.seek(0)
            text = qr.read_qr_image(upload)
            if text is None:
                self.add_error(
                    "qr_upload",
                    _(
                        "No QR code could be read in this image. Upload a sharper picture of "
                        "the whole code, or paste the payment link instead."
                    ),
                )
            else:
                cleaned["qr_payload"] = text
        return cleaned


class ElqrSummaryPanel(Panel):
    """What the site read from the bank's code, and the test link with its QR code."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "local_giving/admin/bank_account_elqr.html"

        def is_shown(self):
            return self.instance.pk is not None and self.instance.currency == Currency.KGS

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            saved = type(self.instance).objects.filter(pk=self.instance.pk).first()
            payload = saved.elqr_payload() if saved else None
            context["payload"] = payload
            if payload is not None:
                test_link = saved.test_payment_link()
                context["test_link"] = test_link
                context["test_qr"] = qr.link_svg(test_link, title=_("Test payment QR code"))
                context["test_som"] = TEST_PAYMENT_SOM
                context["test_reference"] = TEST_REFERENCE
                context["prefill"] = saved.qr_prefill
            return context


PANELS = [
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
        [
            FieldPanel("qr_payload"),
            FieldPanel("qr_upload"),
            ElqrSummaryPanel(heading=_("What the site read from the bank's code")),
            FieldPanel("qr_link_prefix"),
            FieldPanel("qr_prefill"),
        ],
        heading=_("Payment in the bank app (ELQR, KGS only)"),
    ),
    FieldPanel("is_active"),
]
