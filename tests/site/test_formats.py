"""Locale formats: Kyrgyz pages show numeric dates (sos_site/formats/ky/formats.py)."""

import datetime

from django.utils import formats, translation


def test_kyrgyz_page_shows_dates_as_day_month_year(client, tree):
    ky = client.get(tree["ky"]["programme"].url).content.decode()
    # Django's own ky format would give "1 Июль 2018 ж." with a capitalised month.
    assert '<time datetime="2018-07-01">01.07.2018</time>' in ky
    assert '<time datetime="2021-06-25">25.06.2021</time>' in ky
    assert "Июль" not in ky


def test_kyrgyz_numbers_use_a_decimal_comma_and_a_grouping_space():
    with translation.override("ky"):
        number = formats.number_format(1234567.5, decimal_pos=2, force_grouping=True)
        assert number == "1\xa0234\xa0567,50"
        assert formats.date_format(datetime.date(2026, 9, 15), "SHORT_DATE_FORMAT") == "15.09.2026"


def test_other_languages_keep_djangos_formats():
    with translation.override("en"):
        assert formats.date_format(datetime.date(2018, 7, 1)) == "July 1, 2018"
    with translation.override("ru"):
        assert formats.date_format(datetime.date(2018, 7, 1)) == "1 июля 2018 г."
