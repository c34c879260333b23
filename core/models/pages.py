"""The abstract page every public page type builds on."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.caching.restrictions import CachedViewRestrictionsMixin


def image_alt_text_field(verbose_name):
    """A page's alternative text for one of its images, translated with the page."""
    return models.CharField(
        verbose_name,
        max_length=250,
        blank=True,
        help_text=_(
            "Describes the image for people who cannot see it, in the page's language. "
            "Left empty, the image's description is used."
        ),
    )


class BasePage(CachedViewRestrictionsMixin, Page):
    """Fields every public page shares: a summary and a sharing image."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    #: Image field -> the field with its alternative text in the page's language.
    image_alt_fields = {}

    class Meta:
        abstract = True

    def alt_text_for(self, image):
        """The page's own alternative text for ``image``, or "" to use the image's description."""
        for field, alt_field in self.image_alt_fields.items():
            if image is not None and getattr(self, f"{field}_id") == image.pk:
                text = getattr(self, alt_field).strip()
                if text:
                    return text
        return ""
