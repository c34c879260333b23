"""django-modeltranslation registrations: per-language columns on plain models."""

from modeltranslation.translator import TranslationOptions, register

from .models import OrganisationSettings


@register(OrganisationSettings)
class OrganisationSettingsTranslation(TranslationOptions):
    fields = ("name", "short_name", "address")
