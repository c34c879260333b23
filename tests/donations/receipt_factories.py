"""Builders for the receipt tests: funds and donations made paid the one real way (mark_paid)."""

import datetime
from decimal import Decimal

from core.models import OrganisationSettings
from donations.models import Donation, Fund

PAID_AT = datetime.datetime(2026, 3, 14, 9, 30, tzinfo=datetime.UTC)


def make_fund(**fields):
    defaults = {
        "slug": "where-most-needed",
        "is_default": True,
        "name_ky": "Эң керектүү жерге",
        "name_ru": "Где нужнее всего",
        "name_en": "Where most needed",
    }
    defaults.update(fields)
    return Fund.objects.create(**defaults)


def make_donation(fund, **fields):
    defaults = {
        "amount": Decimal("1500"),
        "currency": "KGS",
        "language": "ky",
        "donor_name": "Айгүл Өмүрбекова",
        "donor_email": "aigul@example.org",
    }
    defaults.update(fields)
    return Donation.objects.create(fund=fund, **defaults)


def make_paid_donation(fund, paid_at=PAID_AT, **fields):
    donation = make_donation(fund, **fields)
    assert donation.mark_paid(paid_at=paid_at)
    donation.refresh_from_db()
    return donation


def set_organisation(**fields):
    org = OrganisationSettings.load()
    for name, value in fields.items():
        setattr(org, name, value)
    org.save()
    return org
