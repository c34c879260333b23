"""The donations in the Wagtail admin: a read-only ledger, funds, preset amounts, a dashboard panel.

Donations are never edited by hand here (confirmations of transfers have their own
views in local_giving). Donor personal data (name, email, dedication) is shown, searched
and exported only for users with donations.view_donor_details (the "Donations" group).
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from .models import Currency, Donation, Fund, PresetAmount
from .receipts import format_amount

DONOR_DETAILS_PERMISSION = "donations.view_donor_details"
DONOR_FIELDS = {"donor_name", "donor_email", "dedication"}
LANGUAGE_CODES = ("ky", "ru", "en")


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
    list_export = [
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
        "reference_code",
        "stripe_checkout_session_id",
        "stripe_invoice_id",
        "stripe_subscription_id",
        "is_anonymous",
        "donor_name",
        "donor_email",
        "dedication",
    ]
    # Column headings from the fields' translated names ("Donor email", "Receipt number").
    export_headings = {
        name: capfirst(Donation._meta.get_field(name).verbose_name) for name in list_export
    }
    export_filename = "donations"
    inspect_view_fields = [
        "receipt_number",
        "status",
        "amount",
        "currency",
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
        "charged_amount",
        "charged_currency",
        "charge_differs",
        "reference_code",
        "pledged_amount",
        "pledged_currency",
        "received_on",
        "confirmed_by",
        "stripe_checkout_session_id",
        "stripe_customer_id",
        "stripe_subscription_id",
        "stripe_invoice_id",
        "stripe_payment_intent_id",
        "is_anonymous",
        "donor_name",
        "donor_email",
        "dedication",
    ]


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


def month_start(now=None):
    """The first moment of the current month in the site's time zone."""
    local = timezone.localtime(now)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def month_totals(now=None):
    """This month's paid (not refunded) gifts: totals per currency, and per fund and currency."""
    start = month_start(now)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    paid = Donation.objects.filter(status=Donation.Status.PAID, paid_at__gte=start, paid_at__lt=end)
    per_currency = [
        {**row, "display": format_amount(row["total"], row["currency"])}
        for row in paid.values("currency")
        .annotate(total=Sum("amount"), count=Count("pk"))
        .order_by("currency")
    ]
    funds = {fund.pk: fund for fund in Fund.objects.all()}
    per_fund = [
        {
            **row,
            "fund": funds.get(row["fund"]),
            "display": format_amount(row["total"], row["currency"]),
        }
        for row in paid.values("fund", "currency")
        .annotate(total=Sum("amount"), count=Count("pk"))
        .order_by("fund", "currency")
    ]
    return {"month": start, "per_currency": per_currency, "per_fund": per_fund}


def charges_differing():
    """How many gifts Stripe charged differently than pledged (flagged for staff)."""
    return Donation.objects.filter(charge_differs=True).count()


class DonationTotalsPanel(Component):
    name = "donation_totals"
    order = 150
    template_name = "donations/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context.update(month_totals())
        context["charges_differing"] = charges_differing()
        return context
