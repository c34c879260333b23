"""OrganisationSettings leaves home for core: its table and rows stay as they are.

core/migrations/0001_initial.py has already put the model into core's state on the same
table; this one removes it from home's state only and relabels its content type row
(home -> core, same id), so permissions, admin log entries and any generic reference keep
pointing at it. Backwards (`migrate home 0008` or `migrate core zero`) the row gets home's
label again.
"""

from django.db import migrations

MODEL = "organisationsettings"


def relabel_content_type(from_label, to_label):
    def relabel(apps, schema_editor):
        content_type_model = apps.get_model("contenttypes", "ContentType")
        content_types = content_type_model.objects.db_manager(schema_editor.connection.alias)
        moving = content_types.filter(app_label=from_label, model=MODEL).first()
        if moving is None:
            # A fresh database: post_migrate creates the content type after the migrations.
            return
        # A row under the new label already exists only when post_migrate made one while
        # both apps had the model in their state (after `migrate home 0008`, core 0001 still
        # applied). That copy and its default permissions were never used: the code of
        # that time asks for the old label. The original row, the one permissions and log
        # entries point at, takes its place.
        content_types.filter(app_label=to_label, model=MODEL).delete()
        moving.app_label = to_label
        moving.save(update_fields=["app_label"])
        content_types.clear_cache()

    return relabel


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_finance_collection"),
        ("core", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OrganisationSettings")],
        ),
        migrations.RunPython(
            relabel_content_type("home", "core"), relabel_content_type("core", "home")
        ),
    ]
