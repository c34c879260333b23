"""Kyrgyz formats: numeric dates.

Django's ky formats spell the month out ("j E Y ж."), and its catalogue capitalises the
month names ("15 Сентябрь 2026 ж.") where Kyrgyz writes them lowercase. Numeric dates
(15.09.2026) are usual in Kyrgyzstan and avoid the problem. Everything not set here
(TIME_FORMAT, SHORT_DATE_FORMAT, input formats, THOUSAND_SEPARATOR "\\xa0",
NUMBER_GROUPING 3, ...) comes from django/conf/locale/ky/formats.py.
"""

DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "d.m.Y H:i"
YEAR_MONTH_FORMAT = "m.Y"
MONTH_DAY_FORMAT = "d.m"
# Kyrgyz, like Russian, writes a decimal comma (Django's ky module has a point).
DECIMAL_SEPARATOR = ","
