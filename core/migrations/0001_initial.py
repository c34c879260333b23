"""OrganisationSettings joins core, its table and rows untouched (state only).

The model was created by home/migrations/0001_initial.py; this migration only tells
Django's migration state that core now has it, on the same table
(``db_table = "home_organisationsettings"``). home/migrations/0009 then removes it
from home's state and moves its content type (same id) from home to core.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0008_finance_collection"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OrganisationSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                default='Public Fund "SOS Children\'s Villages Kyrgyzstan"',
                                max_length=200,
                                verbose_name="legal name",
                            ),
                        ),
                        (
                            "name_ky",
                            models.CharField(
                                default='Public Fund "SOS Children\'s Villages Kyrgyzstan"',
                                max_length=200,
                                null=True,
                                verbose_name="legal name",
                            ),
                        ),
                        (
                            "name_ru",
                            models.CharField(
                                default='Public Fund "SOS Children\'s Villages Kyrgyzstan"',
                                max_length=200,
                                null=True,
                                verbose_name="legal name",
                            ),
                        ),
                        (
                            "name_en",
                            models.CharField(
                                default='Public Fund "SOS Children\'s Villages Kyrgyzstan"',
                                max_length=200,
                                null=True,
                                verbose_name="legal name",
                            ),
                        ),
                        (
                            "short_name",
                            models.CharField(
                                default="SOS Children's Villages Kyrgyzstan",
                                max_length=120,
                                verbose_name="short name",
                            ),
                        ),
                        (
                            "short_name_ky",
                            models.CharField(
                                default="SOS Children's Villages Kyrgyzstan",
                                max_length=120,
                                null=True,
                                verbose_name="short name",
                            ),
                        ),
                        (
                            "short_name_ru",
                            models.CharField(
                                default="SOS Children's Villages Kyrgyzstan",
                                max_length=120,
                                null=True,
                                verbose_name="short name",
                            ),
                        ),
                        (
                            "short_name_en",
                            models.CharField(
                                default="SOS Children's Villages Kyrgyzstan",
                                max_length=120,
                                null=True,
                                verbose_name="short name",
                            ),
                        ),
                        (
                            "address",
                            models.TextField(
                                default="Isanova street 94/3, 720001 Bishkek, Kyrgyzstan",
                                verbose_name="address",
                            ),
                        ),
                        (
                            "address_ky",
                            models.TextField(
                                default="Isanova street 94/3, 720001 Bishkek, Kyrgyzstan",
                                null=True,
                                verbose_name="address",
                            ),
                        ),
                        (
                            "address_ru",
                            models.TextField(
                                default="Isanova street 94/3, 720001 Bishkek, Kyrgyzstan",
                                null=True,
                                verbose_name="address",
                            ),
                        ),
                        (
                            "address_en",
                            models.TextField(
                                default="Isanova street 94/3, 720001 Bishkek, Kyrgyzstan",
                                null=True,
                                verbose_name="address",
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(
                                default="+996 312 611546", max_length=40, verbose_name="phone"
                            ),
                        ),
                        (
                            "fax",
                            models.CharField(
                                blank=True,
                                default="+996 312 611552",
                                max_length=40,
                                verbose_name="fax",
                            ),
                        ),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="email"),
                        ),
                        (
                            "registration_number",
                            models.CharField(
                                blank=True,
                                help_text="Printed on receipts. Left empty until an editor enters the real number.",
                                max_length=80,
                                verbose_name="registration number",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "organisation details",
                        "db_table": "home_organisationsettings",
                    },
                ),
            ],
        ),
    ]
