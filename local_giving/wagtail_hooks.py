"""Local giving in the admin: settings as snippets, finance views under "Bank transfers".

Also registers its demo step (``core.demo``).
"""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.demo import DEMO_HOOK

from . import admin_views, services
from .bank_account_admin import PANELS, BankAccountForm
from .demo import load_local_giving
from .models import AnnualReport, BankAccount, StatementFormat


class BankAccountViewSet(SnippetViewSet):
    model = BankAccount
    icon = "doc-full"
    menu_label = _("Bank accounts")
    list_display = ["currency", "bank_name", "account", "is_active"]
    edit_handler = ObjectList(PANELS, base_form_class=BankAccountForm)


class StatementFormatViewSet(SnippetViewSet):
    model = StatementFormat
    icon = "table"
    menu_label = _("Statement formats")
    list_display = ["name", "file_type", "encoding", "delimiter", "default_currency"]


class AnnualReportViewSet(SnippetViewSet):
    model = AnnualReport
    icon = "doc-full-inverse"
    menu_label = _("Annual reports")
    list_display = ["year", "language", "document"]
    list_filter = ["year", "language"]


class LocalGivingSettingsGroup(SnippetViewSetGroup):
    menu_label = _("Local giving")
    menu_icon = "doc-full"
    menu_order = 310
    items = (BankAccountViewSet, StatementFormatViewSet, AnnualReportViewSet)


register_snippet(LocalGivingSettingsGroup)


urlpatterns = [
    path("confirm/", admin_views.ConfirmTransferView.as_view(), name="confirm"),
    path("import/", admin_views.ImportStatementView.as_view(), name="import"),
    path("unmatched/", admin_views.UnmatchedLinesView.as_view(), name="unmatched"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("bank-transfers/", include((urlpatterns, "local_giving_admin")))]


class FinanceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_bank_transfers_menu():
    menu = Menu(
        items=[
            FinanceMenuItem(
                _("Confirm a transfer"),
                reverse_lazy("local_giving_admin:confirm"),
                icon_name="tick",
                order=100,
            ),
            FinanceMenuItem(
                _("Import a statement"),
                reverse_lazy("local_giving_admin:import"),
                icon_name="upload",
                order=200,
            ),
            FinanceMenuItem(
                _("Lines to handle"),
                reverse_lazy("local_giving_admin:unmatched"),
                icon_name="warning",
                order=300,
            ),
        ]
    )
    return SubmenuMenuItem(_("Bank transfers"), menu, icon_name="form", order=305)


hooks.register(DEMO_HOOK, load_local_giving, order=600)


@hooks.register("donations_start_pledge")
def start_pledge(**gift):
    """Make the pledge of a bank transfer or bank-app gift; return its page's URL."""
    return services.pledge_url(services.create_pledge(**gift))
