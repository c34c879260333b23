"""The transparency page: where the money goes, with its CSV and the annual reports."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from core.models import BasePage

from ..figures import shows_all_totals, transparency_csv_response, transparency_table
from .reports import AnnualReport


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
        shows_all_totals(request)
        return transparency_csv_response(filename=f"{self.slug}-{get_language()}.csv")
