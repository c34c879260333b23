"""django-modeltranslation registrations for the local giving app."""

from modeltranslation.translator import TranslationOptions, register

from .models import BankAccount


@register(BankAccount)
class BankAccountTranslation(TranslationOptions):
    fields = ("recipient", "bank_name", "payment_purpose")
