"""Content pages: generic ones (about us, themes), advocacy, and the list of offices."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyStreamBlock, DirectionBlock
from core.models import BasePage
from home.models.snippets import Office


class ContentPage(BasePage):
    """A generic page: about us, cross-cutting themes, sister associations."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class AdvocacyPage(BasePage):
    directions = StreamField(
        [("direction", DirectionBlock())], verbose_name=_("directions of advocacy"), blank=True
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("directions"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("directions"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("advocacy page")


class OfficesPage(BasePage):
    """Lists the offices (snippets) with address, phone and fax."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("offices page")

    def offices(self):
        return Office.objects.filter(locale_id=self.locale_id)
