"""The privacy notice: what the site keeps about donors, for how long, who processes it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage


class PrivacyPage(BasePage):
    """One per language tree, below the home page; the footer, the donate form, the pledge
    page and the receipt email link to it (``core.links.site_link_url("privacy", ...)``)."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    last_updated = models.DateField(
        _("last updated"),
        null=True,
        blank=True,
        help_text=_("The date the notice last changed in substance; shown under the title."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("last_updated"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy notice")
