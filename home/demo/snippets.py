"""Translatable snippets: the office, partners and donors, site-wide figures, news topics."""

from django.apps import apps

from wagtail.models import Locale

from .base import SOURCE_LANGUAGE, T, demo_uuid, resolve, same
from .translations import translate_missing


def _topic(key, slug, ky, ru, en):
    """A news topic: one word per language, the same slug in all of them (?tag=<slug>)."""
    return (f"topic:{key}", "home.NewsTopic", {"name": T(ky=ky, ru=ru, en=en), "slug": slug})


# (key, model, fields). Keys give stable translation keys (see base.demo_uuid).
SNIPPETS = [
    (
        "office:bishkek",
        "home.Office",
        {
            "name": T(
                ky="Улуттук координациялык кеңсе",
                ru="Национальный координационный офис",
                en="National Coordination Office",
            ),
            "address": T(
                ky="720001, Бишкек ш., Исанов көчөсү, 94/3",
                ru="720001, г. Бишкек, ул. Исанова, 94/3",
                en="94/3 Isanova street, 720001 Bishkek, Kyrgyzstan",
            ),
            "phone": same("+996 312 611546"),
            "fax": same("+996 312 611552"),
            "is_head_office": True,
            "sort_order": 0,
        },
    ),
    (
        "partner:eu",
        "home.Partner",
        {
            "name": T(ky="Европа Бирлиги", ru="Европейский союз", en="European Union"),
            "kind": "donor",
            "url": "https://european-union.europa.eu/",
            "description": T(
                ky="«Кыргыз Республикасындагы балдар үчүн колдоочу үй-бүлөлүк чөйрө» "
                "долбоорун каржылаган донор.",
                ru="Донор проекта «Поддерживающая семейная среда для детей "
                "в Кыргызской Республике».",
                en="Donor of the project “Supportive Family Environment for Children "
                "in Kyrgyz Republic”.",
            ),
        },
    ),
    (
        "partner:every-child",
        "home.Partner",
        {
            "name": T(
                ky="«Ар бир балага өнөктөштүк» (Partnerships for Every Child)",
                ru="«Партнёрство каждому ребёнку» (Partnerships for Every Child)",
                en="Partnerships for Every Child",
            ),
            "kind": "partner",
            "description": T(
                ky="Үй-бүлөлүк чөйрө долбоорун ишке ашырган уюмдардын бири.",
                ru="Одна из организаций, реализовавших проект о семейной среде.",
                en="One of the organisations that carried out the family environment project.",
            ),
        },
    ),
    (
        "partner:defenders-league",
        "home.Partner",
        {
            "name": T(
                ky="«Балдардын укуктарын коргоочулар лигасы» коомдук фонду",
                ru="Общественный фонд «Лига защитников прав ребёнка»",
                en="Public Fund “Child's Rights Defenders League”",
            ),
            "kind": "partner",
            "description": T(
                ky="Үй-бүлөлүк чөйрө долбоорун биз менен бирге ишке ашырган коомдук фонд.",
                ru="Общественный фонд, вместе с нами реализовавший проект о семейной среде.",
                en="A public fund that carried out the family environment project with us.",
            ),
        },
    ),
    (
        "partner:sos-international",
        "home.Partner",
        {
            "name": same("SOS-Kinderdorf International"),
            "kind": "federation",
            "url": "https://www.sos-childrensvillages.org/",
            "description": T(
                ky="Биз мүчө болгон SOS Балдар Айылдарынын эл аралык федерациясы.",
                ru="Международная федерация SOS Детские Деревни, в которую мы входим.",
                en="The international federation of SOS Children's Villages that we belong to.",
            ),
        },
    ),
    (
        "figure:countries",
        "home.SiteFigure",
        {
            "value": same("133"),
            "label": T(ky="өлкө жана аймак", ru="страны и региона", en="countries and regions"),
            "sort_order": 1,
        },
    ),
    (
        "figure:programmes",
        "home.SiteFigure",
        {
            "value": T(ky="2 100+", ru="2 100+", en="2,100+"),
            "label": T(ky="программа", ru="программ", en="programmes"),
            "sort_order": 2,
        },
    ),
    (
        "figure:nobel",
        "home.SiteFigure",
        {
            "value": same("14"),
            "label": T(
                ky="жолу Нобель тынчтык сыйлыгына көрсөтүлгөн",
                ru="номинаций на Нобелевскую премию мира",
                en="nominations for the Nobel Peace Prize",
            ),
            "sort_order": 3,
        },
    ),
    _topic("research", "research", "изилдөө", "исследования", "research"),
    _topic(
        "rights", "childrens-rights", "укуктарды коргоо", "защита прав детей", "children's rights"
    ),
    _topic("clubs", "clubs", "клубдар", "клубы", "clubs"),
    _topic(
        "family",
        "family-strengthening",
        "үй-бүлөнү бекемдөө",
        "укрепление семьи",
        "family strengthening",
    ),
    _topic("legal-aid", "legal-aid", "укуктук жардам", "юридическая помощь", "legal aid"),
]


def _no_refs(ref):
    raise ValueError(f"Snippets take no references, got {ref!r}")


def build_snippet(key, model_label, fields, language):
    model = apps.get_model(model_label)
    values = {name: resolve(value, language, _no_refs) for name, value in fields.items()}
    return model(translation_key=demo_uuid(key), **values)


def get_demo_snippet(key, language=SOURCE_LANGUAGE):
    """The demo snippet with this key in ``language`` (None if missing)."""
    for spec_key, model_label, _fields in SNIPPETS:
        if spec_key == key:
            model = apps.get_model(model_label)
            return model.objects.filter(
                translation_key=demo_uuid(key), locale__language_code=language
            ).first()
    raise KeyError(key)


def load_snippets(ctx):
    """Create each demo snippet in Kyrgyz if missing, then its missing translations."""
    source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    for key, model_label, fields in SNIPPETS:
        model = apps.get_model(model_label)
        label = model._meta.verbose_name_plural
        source = model.objects.filter(translation_key=demo_uuid(key), locale=source_locale).first()
        if source is None:
            source = build_snippet(key, model_label, fields, SOURCE_LANGUAGE)
            source.locale = source_locale
            source.full_clean()
            source.save()
            ctx.count(str(label))
        translate_missing(
            source,
            lambda language, key=key, model_label=model_label, fields=fields: build_snippet(
                key, model_label, fields, language
            ),
            ctx,
            str(label),
        )
