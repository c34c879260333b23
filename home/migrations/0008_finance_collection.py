"""The finance team's own collection: images and documents (add, choose, change) there only.

The "Donations" group gets a "Finance" collection under the root, so it can upload the
bank's QR code image and the annual reports' PDFs. Idempotent, like 0002 (the same code
in core.accounts also runs in the demo loader).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from core.accounts import COLLECTION_PERMISSIONS, setup_group_collection

    group_model = apps.get_model("auth", "Group")
    for name in COLLECTION_PERMISSIONS:
        group, _created = group_model.objects.get_or_create(name=name)
        setup_group_collection(apps, group)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_privacy_page"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
