"""The abstract base of story, news and programme pages: a main image, its alt text and a body."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage, image_alt_text_field


def illustrated_page(image_field, image_label, alt_label):
    """An abstract page with a main image named ``image_field``, its alt text and a body.

    The alternative text is the field ``<image_field>_alt``, and ``image_alt_fields``
    pairs the two for ``BasePage.alt_text_for``. The name is a parameter because news
    articles call their image ``lead_image``: renaming it would be a migration.
    A page puts ``image_panels`` and ``body_panel`` where its editors expect them.
    """
    alt_field = f"{image_field}_alt"
    # Made before the body, so the fields keep the order editors and translators know.
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=image_label,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alt_text = image_alt_text_field(alt_label)

    class IllustratedPage(BasePage):
        body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

        image_panels = [FieldPanel(image_field), FieldPanel(alt_field)]
        body_panel = FieldPanel("body")
        search_fields = [*BasePage.search_fields, index.SearchField("body")]
        image_alt_fields = {image_field: alt_field}

        class Meta:
            abstract = True

    IllustratedPage.add_to_class(image_field, image)
    IllustratedPage.add_to_class(alt_field, alt_text)
    return IllustratedPage


#: Stories and programmes call their image ``image``.
PageWithImage = illustrated_page("image", _("image"), _("alternative text of the image"))
#: News articles call theirs ``lead_image``.
PageWithLeadImage = illustrated_page(
    "lead_image", _("lead image"), _("alternative text of the lead image")
)
