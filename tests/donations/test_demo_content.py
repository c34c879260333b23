"""The demo step: funds ("Where most needed" first) and presets per currency, idempotent."""

from decimal import Decimal

from django.utils import translation

from core.demo import DemoContext
from donations.demo import load_funds
from donations.models import Fund, PresetAmount


def test_load_funds_creates_translated_funds_and_presets_once(db):
    ctx = DemoContext()
    load_funds(ctx)
    assert ctx.created == {"funds": 4, "preset amounts": 12}
    first = Fund.objects.filter(is_active=True).first()
    assert first.slug == "where-most-needed" and first.is_default
    with translation.override("en"):
        assert first.name == "Where most needed"
    with translation.override("ru"):
        assert first.name == "Где нужнее всего"
    with translation.override("ky"):
        assert first.name == "Эң керектүү жерге"
    kgs = list(PresetAmount.objects.filter(currency="KGS").values_list("amount", flat=True))
    assert kgs == [Decimal(a) for a in ("500", "1000", "2500", "5000")]
    usd = list(PresetAmount.objects.filter(currency="USD").values_list("amount", flat=True))
    assert usd == [Decimal(a) for a in ("10", "25", "50", "100")]
    assert all(p.label_ky and p.label_ru and p.label_en for p in PresetAmount.objects.all())

    Fund.objects.filter(slug="care-leavers").update(name_en="Edited by an editor")
    again = DemoContext()
    load_funds(again)
    assert again.created == {}
    assert Fund.objects.get(slug="care-leavers").name_en == "Edited by an editor"
