"""Editable organisation details (per-language fields through django-modeltranslation)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.caching.site_settings import GenerationCachedSettingMixin


@register_setting(icon="home")
class OrganisationSettings(GenerationCachedSettingMixin, BaseGenericSetting):
    """Name, address and contacts printed on receipts and in the footer."""

    name = models.CharField(
        _("legal name"), max_length=200, default='Public Fund "SOS Children\'s Villages Kyrgyzstan"'
    )
    short_name = models.CharField(
        _("short name"), max_length=120, default="SOS Children's Villages Kyrgyzstan"
    )
    address = models.TextField(
        _("address"), default="Isanova street 94/3, 720001 Bishkek, Kyrgyzstan"
    )
    phone = models.CharField(_("phone"), max_length=40, default="+996 312 611546")
    fax = models.CharField(_("fax"), max_length=40, blank=True, default="+996 312 611552")
    email = models.EmailField(_("email"), blank=True)
    registration_number = models.CharField(
        _("registration number"),
        max_length=80,
        blank=True,
        help_text=_("Printed on receipts. Left empty until an editor enters the real number."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_ky"), FieldPanel("name_ru"), FieldPanel("name_en")],
            heading=_("Legal name"),
        ),
        MultiFieldPanel(
            [FieldPanel("short_name_ky"), FieldPanel("short_name_ru"), FieldPanel("short_name_en")],
            heading=_("Short name"),
        ),
        MultiFieldPanel(
            [FieldPanel("address_ky"), FieldPanel("address_ru"), FieldPanel("address_en")],
            heading=_("Address"),
        ),
        FieldPanel("phone"),
        FieldPanel("fax"),
        FieldPanel("email"),
        FieldPanel("registration_number"),
    ]

    class Meta:
        # The table keeps the name it was created with in the home app, where the model
        # lived until core/migrations/0001 and home/migrations/0009 moved it here.
        db_table = "home_organisationsettings"
        verbose_name = _("organisation details")
