"""The project's own catalogues: complete, compiled, and up to date with the code."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import polib
import pytest

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
CATALOGUES = [LOCALE_DIR / lang / "LC_MESSAGES" / "django.po" for lang in ("ky", "ru")]


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_catalogue_has_no_empty_or_fuzzy_entries(po_path):
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert len(catalogue.translated_entries()) > 100
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_placeholders_survive_translation(po_path):
    pattern = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
    for entry in polib.pofile(str(po_path)).translated_entries():
        expected = sorted(pattern.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(pattern.findall(text)) == expected or not expected, entry.msgid


def test_catalogues_cover_every_string_in_the_code(tmp_path):
    """makemessages on a copy finds no msgid that the committed catalogues lack."""
    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext (xgettext) is not installed: cannot re-extract the strings")
    base = Path(settings.BASE_DIR)
    work = tmp_path / "project"
    shutil.copytree(
        base,
        work,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "node_modules", "staticfiles", "media", "var", ".tools", "*.sqlite3*"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "ky",
            "-l",
            "ru",
            "--ignore",
            "tests/*",
        ],
        cwd=work,
        check=True,
        capture_output=True,
    )
    for lang in ("ky", "ru"):
        fresh = polib.pofile(str(work / "locale" / lang / "LC_MESSAGES" / "django.po"))
        committed = polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"))
        known = {(e.msgctxt, e.msgid) for e in committed if not e.obsolete}
        missing = [e.msgid for e in fresh if not e.obsolete and (e.msgctxt, e.msgid) not in known]
        assert missing == [], f"{lang}: run `make messages` and translate: {missing[:10]}"
