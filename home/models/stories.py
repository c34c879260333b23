"""Stories: their index and each story."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from core.models import BasePage
from home.models.illustrated import PageWithImage


class StoryIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StoryPage"]

    class Meta:
        verbose_name = _("stories index")

    def stories(self):
        return StoryPage.objects.child_of(self).live().order_by("-date")


class StoryPage(PageWithImage):
    date = models.DateField(_("date"), default=timezone.localdate)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        *PageWithImage.image_panels,
        PageWithImage.body_panel,
    ]

    parent_page_types = ["home.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
