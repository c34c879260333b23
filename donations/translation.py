"""django-modeltranslation registrations for the donations app."""

from modeltranslation.translator import TranslationOptions, register

from .models import Fund, PresetAmount


@register(Fund)
class FundTranslation(TranslationOptions):
    fields = ("name", "description")


@register(PresetAmount)
class PresetAmountTranslation(TranslationOptions):
    fields = ("label",)
