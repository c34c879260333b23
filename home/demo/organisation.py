"""Organisation details (a django-modeltranslation setting, one column per language)."""

from core.models import OrganisationSettings

from .base import LANGUAGES, T

DETAILS = {
    "name": T(
        ky="«Кыргызстандын SOS Балдар Айылдары» Коомдук фонду",
        ru="Общественный фонд «SOS Детские Деревни Кыргызстана»",
        en='Public Fund "SOS Children\'s Villages Kyrgyzstan"',
    ),
    "short_name": T(
        ky="SOS Балдар Айылдары Кыргызстан",
        ru="SOS Детские Деревни Кыргызстана",
        en="SOS Children's Villages Kyrgyzstan",
    ),
    "address": T(
        ky="720001, Бишкек ш., Исанов көчөсү, 94/3",
        ru="720001, г. Бишкек, ул. Исанова, 94/3",
        en="94/3 Isanova street, 720001 Bishkek, Kyrgyzstan",
    ),
}


def load_organisation_settings(ctx):
    """Fill each language's name, short name and address unless an editor already has.

    A column counts as untouched while it is empty or still holds the model's
    default (which is English). The registration number stays empty: the admin
    asks an editor to enter the real one.
    """
    settings = OrganisationSettings.load()
    changed = []
    for field_name, text in DETAILS.items():
        default = OrganisationSettings._meta.get_field(field_name).default
        for code in LANGUAGES:
            column = f"{field_name}_{code}"
            current = getattr(settings, column)
            if current in (None, "", default) and current != text.get(code):
                setattr(settings, column, text.get(code))
                changed.append(column)
    if changed:
        settings.save(update_fields=changed)
        ctx.count("organisation details", 1)
