"""Programmes and projects: their index, each programme, and its partners."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable
from wagtail.search import index

from core.blocks import DirectionBlock, FigureBlock
from core.models import BasePage
from home.models.illustrated import PageWithImage

CURRENCY_CHOICES = [("KGS", "KGS"), ("USD", "USD"), ("EUR", "EUR")]


class ProgrammeIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ProgrammePage"]

    class Meta:
        verbose_name = _("programmes index")

    def programmes(self):
        return ProgrammePage.objects.child_of(self).live().order_by("-start_date")


class ProgrammePage(PageWithImage):
    """A programme or project, with the structured facts donors ask about."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")

    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_currency = models.CharField(
        _("budget currency"), max_length=3, choices=CURRENCY_CHOICES, default="EUR"
    )
    region = models.CharField(_("region"), max_length=160, blank=True)
    target_figures = StreamField(
        [("figure", FigureBlock())],
        verbose_name=_("target figures"),
        blank=True,
    )
    objectives = StreamField(
        [("objective", DirectionBlock())], verbose_name=_("objectives"), blank=True
    )

    content_panels = [
        *BasePage.content_panels,
        *PageWithImage.image_panels,
        MultiFieldPanel(
            [
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("budget"),
                FieldPanel("budget_currency"),
                FieldPanel("region"),
            ],
            heading=_("Key facts"),
        ),
        InlinePanel("partners", label=_("Donors and implementing partners")),
        InlinePanel("fund_links", label=_("Fund and targets"), max_num=1),
        FieldPanel("target_figures"),
        FieldPanel("objectives"),
        PageWithImage.body_panel,
    ]
    search_fields = [
        *PageWithImage.search_fields,
        index.SearchField("region"),
        index.SearchField("objectives"),
    ]

    parent_page_types = ["home.ProgrammeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("programme or project")

    @property
    def status(self):
        today = timezone.localdate()
        if self.start_date and self.start_date > today:
            return self.Status.PLANNED
        if self.end_date and self.end_date < today:
            return self.Status.COMPLETED
        return self.Status.ONGOING

    def get_status_display(self):
        return self.Status(self.status).label

    def donors(self):
        return self._partners_in_role(ProgrammePartner.Role.DONOR)

    def implementing_partners(self):
        return self._partners_in_role(ProgrammePartner.Role.IMPLEMENTING)

    def _partners_in_role(self, role):
        links = self._localized_partner_links()
        return [partner for link_role, partner in links if link_role == role]

    def _localized_partner_links(self):
        """(role, partner) pairs in a fixed number of queries, however many partners.

        Partner rows are copied unchanged into translations: show each partner in the
        page's language where the snippet is translated (like ``.localized``, in bulk).
        """
        if not hasattr(self, "_partner_links_cache"):
            links = list(self.partners.all().select_related("partner"))
            locale = Locale.get_active()
            keys = {
                link.partner.translation_key
                for link in links
                if link.partner.locale_id != locale.pk
            }
            translated = {}
            if keys:
                model = links[0].partner.__class__
                translated = {
                    partner.translation_key: partner
                    for partner in model.objects.filter(translation_key__in=keys, locale=locale)
                }
            self._partner_links_cache = [
                (link.role, translated.get(link.partner.translation_key, link.partner))
                for link in links
            ]
        return self._partner_links_cache


class ProgrammePartner(Orderable):
    class Role(models.TextChoices):
        DONOR = "donor", _("Donor")
        IMPLEMENTING = "implementing", _("Implementing partner")

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="partners")
    partner = models.ForeignKey(
        "home.Partner", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.DONOR)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("programme partner")
