"""Demo content step for `manage.py load_demo`: funds and preset amounts.

Idempotent like every demo step: funds are found by slug and presets by
(currency, amount, frequency); what exists, including editors' changes, is left alone.
"""

from decimal import Decimal

from .models import Fund, PresetAmount

FUNDS = [
    {
        "slug": "where-most-needed",
        "is_default": True,
        "name": ("Эң керектүү жерге", "Где нужнее всего", "Where most needed"),
        "description": (
            "Белегиңизди балдар жана үй-бүлөлөр үчүн эң керектүү жерге багыттайбыз.",
            "Фонд направит ваш дар туда, где он сейчас нужнее всего детям и семьям.",
            "We put your gift where children and families need it most right now.",
        ),
    },
    {
        "slug": "family-strengthening",
        "name": ("Үй-бүлөнү чыңдоо", "Укрепление семьи", "Family strengthening"),
        "description": (
            "Балдар өз үй-бүлөсүндө калышы үчүн ата-энелерге колдоо.",
            "Поддержка родителей, чтобы дети могли оставаться в своих семьях.",
            "Support for parents, so that children can stay in their own families.",
        ),
    },
    {
        "slug": "care-leavers",
        "name": ("Камкордуктан чыккан жаштар", "Выпускники учреждений", "Care leavers"),
        "description": (
            "Камкордуктан чыккан жаштарга турак жай, билим жана иш табууга жардам.",
            "Помощь молодым людям, покидающим опеку: жильё, учёба, работа.",
            "Help for young people leaving care: housing, education and work.",
        ),
    },
    {
        "slug": "family-based-care",
        "name": (
            "Үй-бүлөлүк камкордук",
            "Семейная форма опеки",
            "Family-based care",
        ),
        "description": (
            "Ата-энесинин камкордугунсуз калган балдар үчүн сүйүктүү үй.",
            "Любящий дом для детей, оставшихся без родительской заботы.",
            "A loving home for children without parental care.",
        ),
    },
]

# (amount, (ky, ru, en) label) per currency.
PRESETS = {
    "KGS": [
        (
            "500",
            (
                "Бир балага мектеп буюмдары",
                "Школьные принадлежности для ребёнка",
                "School supplies for one child",
            ),
        ),
        (
            "1000",
            (
                "Үй-бүлөгө бир жумалык тамак",
                "Продукты для семьи на неделю",
                "A week of food for a family",
            ),
        ),
        (
            "2500",
            (
                "Психологдун бир айлык колдоосу",
                "Месяц поддержки психолога",
                "A month of a psychologist's support",
            ),
        ),
        (
            "5000",
            (
                "Жаштын бир айлык турак жайы",
                "Месяц жилья для выпускника",
                "A month of housing for a care leaver",
            ),
        ),
    ],
    "USD": [
        ("10", ("Мектеп буюмдары", "Школьные принадлежности", "School supplies")),
        ("25", ("Бир жумалык тамак", "Продукты на неделю", "A week of food")),
        ("50", ("Психологдун колдоосу", "Поддержка психолога", "A psychologist's support")),
        ("100", ("Бир айлык турак жай", "Месяц жилья", "A month of housing")),
    ],
    "EUR": [
        ("10", ("Мектеп буюмдары", "Школьные принадлежности", "School supplies")),
        ("25", ("Бир жумалык тамак", "Продукты на неделю", "A week of food")),
        ("50", ("Психологдун колдоосу", "Поддержка психолога", "A psychologist's support")),
        ("100", ("Бир айлык турак жай", "Месяц жилья", "A month of housing")),
    ],
}


def _translated(field, texts):
    return {f"{field}_{code}": text for code, text in zip(("ky", "ru", "en"), texts, strict=True)}


def load_funds(ctx):
    """Create the demo funds ("Where most needed" first) and preset amounts per currency."""
    for order, spec in enumerate(FUNDS):
        defaults = {
            "is_default": spec.get("is_default", False)
            and not Fund.objects.filter(is_default=True).exists(),
            "sort_order": order,
            "name": spec["name"][0],
            "description": spec["description"][0],
            **_translated("name", spec["name"]),
            **_translated("description", spec["description"]),
        }
        _fund, created = Fund.objects.get_or_create(slug=spec["slug"], defaults=defaults)
        ctx.count("funds", int(created))
    for currency, amounts in PRESETS.items():
        for order, (amount, label) in enumerate(amounts):
            _preset, created = PresetAmount.objects.get_or_create(
                currency=currency,
                amount=Decimal(amount),
                frequency=PresetAmount.Frequency.ANY,
                defaults={
                    "sort_order": order,
                    "label": label[0],
                    **_translated("label", label),
                },
            )
            ctx.count("preset amounts", int(created))
