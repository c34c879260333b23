"""OrganisationSettings moved from home to core (core 0001, home 0009) without losing a thing.

The migrations run backwards and forwards on the test database, with a row written the
way the old code stored it: the per-language values, the content type's id, and a group's
permission on it come through each way. Transactional (the SQLite schema editor refuses to
run inside a transaction); each test leaves the database fully migrated.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

import pytest

from core.models import OrganisationSettings

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = ("home", "0008_finance_collection")
MODEL = "organisationsettings"
VALUES = {
    "name_ky": "«Кыргызстандын SOS Балдар Айылдары» Коомдук фонду",
    "name_ru": "Общественный фонд «SOS Детские Деревни Кыргызстана»",
    "name_en": 'Public Fund "SOS Children\'s Villages Kyrgyzstan"',
    "short_name_ky": "SOS Балдар Айылдары (ң ө ү)",
    "short_name_ru": "SOS Детские Деревни Кыргызстана",
    "short_name_en": "SOS Children's Villages Kyrgyzstan",
    "address_ky": "720001, Бишкек ш., Исанов көчөсү, 94/3, Үй-бүлөлүк борбор, Өзгөн, Таң",
    "address_ru": "720001, г. Бишкек, ул. Исанова, 94/3",
    "address_en": "94/3 Isanova street, 720001 Bishkek, Kyrgyzstan",
    "phone": "+996 312 611546",
    "registration_number": "ИНН 01234567890123",
}
GROUP = "Office managers"


def migrate(targets):
    """Migrate to ``targets`` and return the app registry of the migrations now applied."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return applied_state()


def migrate_to_the_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def applied_state():
    loader = MigrationExecutor(connection).loader
    applied = [key for key in loader.applied_migrations if key in loader.graph.nodes]
    return loader.project_state(applied).apps


@pytest.fixture
def old_row():
    """Back before the move (home's state), a row and a group's permission on its type."""
    try:
        apps = migrate([("core", None)])
        with pytest.raises(LookupError):
            apps.get_model("core", "OrganisationSettings")
        settings_model = apps.get_model("home", "OrganisationSettings")
        content_type_model = apps.get_model("contenttypes", "ContentType")
        permission_model = apps.get_model("auth", "Permission")
        settings_model.objects.all().delete()
        row = settings_model.objects.create(**VALUES)
        content_type, _ = content_type_model.objects.get_or_create(app_label="home", model=MODEL)
        permission, _ = permission_model.objects.get_or_create(
            content_type=content_type,
            codename=f"change_{MODEL}",
            defaults={"name": "Can change organisation details"},
        )
        group = apps.get_model("auth", "Group").objects.create(name=GROUP)
        group.permissions.add(permission)
        yield row.pk, content_type.pk
    finally:
        migrate_to_the_latest()


def assert_moved(row_id, content_type_id):
    """Read through the live model: every value, the same content type, the permission."""
    ContentType.objects.clear_cache()
    settings = OrganisationSettings.objects.get()
    assert settings.pk == row_id
    for field_name, value in VALUES.items():
        assert getattr(settings, field_name) == value
    for code in ("ky", "ru", "en"):
        with translation.override(code):
            assert settings.address == VALUES[f"address_{code}"]
    assert OrganisationSettings.load().short_name_ky == VALUES["short_name_ky"]

    content_type = ContentType.objects.get_for_model(OrganisationSettings)
    assert (content_type.pk, content_type.app_label) == (content_type_id, "core")
    assert list(ContentType.objects.filter(model=MODEL)) == [content_type]

    user = get_user_model().objects.create_user("office", password="x")
    user.groups.add(Group.objects.get(name=GROUP))
    assert user.has_perm(f"core.change_{MODEL}")
    user.delete()


def assert_back_in_home(row_id, content_type_id):
    apps = applied_state()
    row = apps.get_model("home", "OrganisationSettings").objects.get()
    assert row.pk == row_id
    assert {name: getattr(row, name) for name in VALUES} == VALUES
    content_type = apps.get_model("contenttypes", "ContentType").objects.get(pk=content_type_id)
    assert (content_type.app_label, content_type.model) == ("home", MODEL)
    group = apps.get_model("auth", "Group").objects.get(name=GROUP)
    assert list(group.permissions.values_list("content_type_id", flat=True)) == [content_type_id]


def test_the_row_moves_to_core_and_back_with_its_values_and_content_type(old_row):
    row_id, content_type_id = old_row

    migrate_to_the_latest()
    assert_moved(row_id, content_type_id)

    migrate([("core", None)])
    assert_back_in_home(row_id, content_type_id)

    migrate_to_the_latest()
    assert_moved(row_id, content_type_id)


def test_migrate_home_back_and_forth_as_a_rollback_would(old_row):
    """`manage.py migrate home 0008` (core 0001 stays applied) returns the row to home.

    Its post_migrate then creates a second content type for core's copy of the state;
    the next `migrate` keeps the original row (and the permissions on it) and drops that one.
    """
    row_id, content_type_id = old_row
    call_command("migrate", verbosity=0)
    assert_moved(row_id, content_type_id)

    call_command("migrate", *BEFORE_THE_MOVE, verbosity=0)
    assert_back_in_home(row_id, content_type_id)
    ContentType.objects.clear_cache()
    assert ContentType.objects.filter(app_label="core", model=MODEL).exists()

    call_command("migrate", verbosity=0)
    assert_moved(row_id, content_type_id)


def test_a_database_migrated_from_scratch_has_the_content_type_under_core_only():
    rows = ContentType.objects.filter(model=MODEL).values_list("app_label", flat=True)
    assert list(rows) == ["core"]
    assert OrganisationSettings._meta.db_table == "home_organisationsettings"
