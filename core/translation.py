"""django-modeltranslation registrations: per-language columns on plain models."""

from modeltranslation.translator import TranslationOptions, register

from .models import OrganisationSettings


@register(OrganisationSettings)
class OrganisationSettingsTranslation(TranslationOptions):
    fields = ("name", "short_name", "address")
    # The fields' defaults are the English texts; without this, an English value equal
    # to the default counts as "not filled in" and the Kyrgyz one is shown instead.
    fallback_undefined = {"name": "", "short_name": "", "address": ""}
