"""Wagtail admin views for the finance team: confirm a transfer, import a statement,
handle unmatched statement lines (with candidate pledges of the same amount).
Open to users with donations.change_donation (the Donations group)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from donations.models import Donation

from .models import StatementFormat, StatementImport, StatementLine
from .services import TransferError, confirm_transfer
from .statements import (
    CANDIDATE_DAYS,
    StatementError,
    assign_line,
    candidate_pledges,
    ignore_line,
    import_statement,
)

PERMISSION = "donations.change_donation"
CHANNELS = [
    (Donation.Channel.BANK_TRANSFER, Donation.Channel.BANK_TRANSFER.label),
    (Donation.Channel.QR, Donation.Channel.QR.label),
]


class ConfirmTransferForm(forms.Form):
    reference = forms.CharField(
        label=gettext_lazy("Payment reference"),
        max_length=40,
        help_text=gettext_lazy("As written in the payment purpose, e.g. SOS-7KQ4-9XPM."),
    )
    received_on = forms.DateField(
        label=gettext_lazy("Date received"), widget=forms.DateInput(attrs={"type": "date"})
    )
    amount = forms.DecimalField(
        label=gettext_lazy("Amount received"),
        max_digits=12,
        decimal_places=2,
        min_value=0.01,
        help_text=gettext_lazy("What arrived on the account, in the pledge's currency."),
    )
    channel = forms.ChoiceField(label=gettext_lazy("Paid by"), choices=CHANNELS)


class ImportStatementForm(forms.Form):
    statement_format = forms.ModelChoiceField(
        label=gettext_lazy("Bank statement format"), queryset=StatementFormat.objects.all()
    )
    file = forms.FileField(label=gettext_lazy("Statement file (CSV, XLSX or 1C)"))


class AssignLineForm(forms.Form):
    reference = forms.CharField(label=gettext_lazy("Payment reference"), max_length=40)
    channel = forms.ChoiceField(label=gettext_lazy("Paid by"), choices=CHANNELS)


class FinanceView(PermissionRequiredMixin, WagtailAdminTemplateMixin):
    permission_required = PERMISSION
    header_icon = "form"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class ConfirmTransferView(FinanceView, FormView):
    page_title = gettext_lazy("Confirm a transfer")
    template_name = "local_giving/admin/confirm_transfer.html"
    form_class = ConfirmTransferForm
    success_url = reverse_lazy("local_giving_admin:confirm")

    def get_initial(self):
        return {
            "received_on": timezone.localdate(),
            "reference": self.request.GET.get("reference", ""),
        }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            donation = confirm_transfer(
                data["reference"],
                data["amount"],
                data["received_on"],
                self.request.user,
                data["channel"],
            )
        except TransferError as error:
            form.add_error("reference", str(error))
            return self.form_invalid(form)
        message = _("Confirmed %(reference)s: %(amount)s %(currency)s, receipt %(receipt)s.") % {
            "reference": donation.reference_code or donation.parent.reference_code,
            "amount": donation.amount,
            "currency": donation.currency,
            "receipt": donation.receipt_number,
        }
        if donation.pledged_amount is not None and donation.pledged_amount != donation.amount:
            message += " " + _("The pledge was %(pledged)s; the amount received is recorded.") % {
                "pledged": donation.pledged_amount
            }
        messages.success(self.request, message)
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pending"] = Donation.objects.filter(
            reference_code__isnull=False, status=Donation.Status.PENDING
        ).select_related("fund")[:50]
        return context


class ImportStatementView(FinanceView, FormView):
    page_title = gettext_lazy("Import a bank statement")
    template_name = "local_giving/admin/import_statement.html"
    form_class = ImportStatementForm

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            record = import_statement(
                upload.read(),
                form.cleaned_data["statement_format"],
                file_name=upload.name,
                user=self.request.user,
            )
        except StatementError as error:
            messages.error(self.request, _("Nothing was imported."))
            for problem in error.problems:
                form.add_error("file", problem)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "%(file)s: %(read)s lines read, %(new)s new (%(matched)s matched, "
                "%(unmatched)s to be "
                "handled, %(skipped)s outgoing skipped), %(known)s already imported before."
            )
            % {
                "file": record.file_name,
                "read": record.lines_read,
                "new": record.lines_new,
                "matched": record.lines_matched,
                "unmatched": record.lines_unmatched,
                "skipped": record.lines_skipped,
                "known": record.lines_already_imported,
            },
        )
        return redirect("local_giving_admin:unmatched")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["imports"] = StatementImport.objects.select_related("imported_by")[:20]
        context["has_formats"] = StatementFormat.objects.exists()
        return context


class UnmatchedLinesView(FinanceView, TemplateView):
    page_title = gettext_lazy("Statement lines to handle")
    template_name = "local_giving/admin/unmatched_lines.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lines = StatementLine.objects.filter(status=StatementLine.Status.UNMATCHED).order_by(
            "booked_on", "pk"
        )
        page = Paginator(lines, 50).get_page(self.request.GET.get("p"))
        page.object_list = list(page.object_list)
        candidates = candidate_pledges(page.object_list)
        for line in page.object_list:
            line.candidates = candidates.get(line.pk, [])
        context["lines"] = page
        context["form"] = AssignLineForm()
        context["candidate_days"] = CANDIDATE_DAYS
        context["show_donors"] = self.request.user.has_perm("donations.view_donor_details")
        return context

    def post(self, request, *args, **kwargs):
        line = get_object_or_404(StatementLine, pk=request.POST.get("line"))
        try:
            if request.POST.get("action") == "ignore":
                ignore_line(line, request.user)
                messages.success(
                    request,
                    _("Line %(line)s marked as not a donation.") % {"line": line.line_number},
                )
            else:
                form = AssignLineForm(request.POST)
                if not form.is_valid():
                    raise TransferError(_("Enter a payment reference."))
                donation = assign_line(
                    line, form.cleaned_data["reference"], request.user, form.cleaned_data["channel"]
                )
                messages.success(
                    request,
                    _("Line assigned: receipt %(receipt)s.") % {"receipt": donation.receipt_number},
                )
        except TransferError as error:
            messages.error(request, str(error))
        return redirect(reverse("local_giving_admin:unmatched"))
