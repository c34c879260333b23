"""Groups Editors, Moderators, Translators and Donations, and the Moderation workflow.

Idempotent: it completes whatever Wagtail's and wagtail-localize's own
migrations already created. The logic lives in core.accounts so the demo loader
can re-run it after it has created the locale home pages.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from core.accounts import setup_editorial_groups

    setup_editorial_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
