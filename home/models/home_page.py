"""The home page: the root of each language's site."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage, image_alt_text_field


class HomePage(BasePage):
    slogan = models.CharField(_("slogan"), max_length=160, blank=True)
    mission = RichTextField(_("mission"), blank=True, features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = image_alt_text_field(_("alternative text of the hero image"))
    donate_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("donate page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the call to donate leads."),
    )
    donate_text = models.CharField(_("call to donate"), max_length=200, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("slogan"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("mission"),
        MultiFieldPanel(
            [FieldPanel("donate_text"), FieldPanel("donate_page")], heading=_("Donate")
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("mission"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.AdvocacyPage",
        "home.OfficesPage",
        "home.ProgrammeIndexPage",
        "home.StoryIndexPage",
        "home.NewsIndexPage",
        "home.ContentPage",
        "donations.DonatePage",
        "local_giving.TransparencyPage",
        "home.PrivacyPage",
    ]
    max_count_per_parent = 1
    image_alt_fields = {"hero_image": "hero_image_alt"}

    class Meta:
        verbose_name = _("home page")
