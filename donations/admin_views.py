"""The donations in the Wagtail admin: a read-only ledger, funds and preset amounts.

Donations are never edited by hand here (confirmations of transfers have their own
views in local_giving). Donor personal data (name, email, dedication) is shown, searched
and exported only for users with donations.view_donor_details (the "Donations" group).
The dashboard's panel is donations/dashboard.py.
"""

from django.contrib.auth import get_user_model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from .models import Currency, Donation, Fund, PresetAmount

DONOR_DETAILS_PERMISSION = "donations.view_donor_details"
DONOR_FIELDS = {"donor_name", "donor_email", "dedication"}
LANGUAGE_CODES = ("ky", "ru", "en")

# A gift's fields in the ledger: all on its page, and in this order in the export.
LEDGER_FIELDS = [
    "receipt_number",
    "status",
    "amount",
    "currency",
    "charged_amount",
    "charged_currency",
    "pledged_amount",
    "pledged_currency",
    "charge_differs",
    "fund",
    "frequency",
    "channel",
    "language",
    "created_at",
    "paid_at",
    "refunded_at",
    "receipt_voided_at",
    "receipt_emailed_at",
    "parent",
    "subscription_ended_at",
    "reference_code",
    "received_on",
    "confirmed_by",
    "stripe_checkout_session_id",
    "stripe_customer_id",
    "stripe_invoice_id",
    "stripe_subscription_id",
    "stripe_payment_intent_id",
    "is_anonymous",
    "donor_name",
    "donor_email",
    "dedication",
]
# Shown on a gift's page, left out of the export (the accounts' rows): its monthly gift,
# the end of a subscription, who confirmed a transfer and when it arrived, and the
# Stripe customer and payment intent ids.
NOT_EXPORTED = {
    "parent",
    "subscription_ended_at",
    "received_on",
    "confirmed_by",
    "stripe_customer_id",
    "stripe_payment_intent_id",
}


def can_see_donors(user):
    return user.has_perm(DONOR_DETAILS_PERMISSION)


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds, edits or deletes donations in the admin; viewing needs view_donation."""

    DENIED = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        if action in self.DENIED:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.DENIED]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


class DonationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=Donation.Status.choices)
    fund = django_filters.ModelChoiceFilter(label=_("fund"), queryset=Fund.objects.all())
    currency = django_filters.ChoiceFilter(label=_("currency"), choices=Currency.choices)
    frequency = django_filters.ChoiceFilter(
        label=_("frequency"), choices=Donation.Frequency.choices
    )
    channel = django_filters.ChoiceFilter(label=_("channel"), choices=Donation.Channel.choices)
    charge_differs = django_filters.BooleanFilter(label=_("charge differs from pledge"))
    paid_at = django_filters.DateFromToRangeFilter(label=_("paid"), widget=DateRangePickerWidget)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("created"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Donation
        fields = [
            "status",
            "fund",
            "currency",
            "frequency",
            "channel",
            "charge_differs",
            "paid_at",
            "created_at",
        ]


class DonationIndexView(generic.IndexView):
    """Drops the donor's columns, search fields and export columns for other users."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not can_see_donors(request.user):
            self.list_display = [f for f in self.list_display if f not in DONOR_FIELDS]
            self.list_export = [f for f in self.list_export if f not in DONOR_FIELDS]
            self.search_fields = [f for f in self.search_fields if f not in DONOR_FIELDS]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("fund")


class DonationInspectView(generic.InspectView):
    def get_fields(self):
        fields = super().get_fields()
        if can_see_donors(self.request.user):
            return fields
        return [f for f in fields if f not in DONOR_FIELDS]


class DonationViewSet(ModelViewSet):
    model = Donation
    icon = "pick"
    menu_label = _("Donations")
    add_to_admin_menu = False
    name = "donations_ledger"
    url_prefix = "donations/ledger"
    index_view_class = DonationIndexView
    inspect_view_class = DonationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Wagtail builds a form class even though ReadOnlyPermissionPolicy never lets it be used.
    exclude_form_fields = []
    list_per_page = 50
    filterset_class = DonationFilterSet
    search_fields = ["receipt_number", "reference_code", "donor_email"]
    search_backend_name = None  # plain ORM lookups on these fields
    ordering = ["-created_at", "-pk"]
    list_display = [
        "__str__",
        "status",
        "amount",
        "currency",
        "fund",
        "frequency",
        "channel",
        "charge_differs",
        "donor_name",
        "donor_email",
        "paid_at",
        "created_at",
    ]
    list_export = [name for name in LEDGER_FIELDS if name not in NOT_EXPORTED]
    # Column headings from the fields' translated names ("Donor email", "Receipt number").
    export_headings = {
        name: capfirst(Donation._meta.get_field(name).verbose_name) for name in list_export
    }
    export_filename = "donations"
    inspect_view_fields = LEDGER_FIELDS


def per_language(field_name, heading):
    return MultiFieldPanel(
        [FieldPanel(f"{field_name}_{code}") for code in LANGUAGE_CODES], heading=heading
    )


class FundViewSet(ModelViewSet):
    model = Fund
    icon = "folder-open-inverse"
    menu_label = _("Funds")
    add_to_admin_menu = False
    name = "donations_funds"
    url_prefix = "donations/funds"
    copy_view_enabled = False
    list_display = ["__str__", "slug", "is_default", "is_active", "sort_order"]
    search_fields = ["name_ky", "name_ru", "name_en", "slug"]
    search_backend_name = None
    panels = [
        per_language("name", _("Name")),
        per_language("description", _("Description")),
        FieldPanel("slug"),
        FieldPanel("is_default"),
        FieldPanel("is_active"),
        FieldPanel("sort_order"),
    ]


class PresetAmountViewSet(ModelViewSet):
    model = PresetAmount
    icon = "list-ol"
    menu_label = _("Preset amounts")
    add_to_admin_menu = False
    name = "donations_preset_amounts"
    url_prefix = "donations/preset-amounts"
    copy_view_enabled = False
    list_display = ["__str__", "currency", "amount", "frequency", "label", "sort_order"]
    list_filter = ["currency", "frequency"]
    panels = [
        FieldPanel("currency"),
        FieldPanel("amount"),
        FieldPanel("frequency"),
        per_language("label", _("What it pays for")),
        FieldPanel("sort_order"),
    ]


class DonationsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Donations")
    menu_icon = "pick"
    menu_order = 300
    items = (DonationViewSet, FundViewSet, PresetAmountViewSet)
