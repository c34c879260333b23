"""Compile locale/*/LC_MESSAGES/*.po into .mo files with polib.

Django's compilemessages needs GNU gettext from the system; polib (already a
dependency of wagtail-localize) does the same in pure Python, so a fresh
machine with only Python can build the catalogues.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

import polib


class Command(BaseCommand):
    help = "Compile the project's .po catalogues into .mo files (no system gettext needed)."

    def handle(self, *args, **options):
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                self.stdout.write(f"compiled {mo_path.relative_to(settings.BASE_DIR)}")
