"""CI's rule (REQUIRE_ALL_TOOLS=1, set by .ci/run): a test skipped for a missing tool fails."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Skips when GNU gettext's xgettext is not on PATH; needs no database.
NEEDS_XGETTEXT = "tests/i18n/test_catalogues.py::test_catalogues_cover_every_string_in_the_code"


def run_without_gettext(tmp_path, **env):
    environment = {k: v for k, v in os.environ.items() if k != "REQUIRE_ALL_TOOLS"}
    environment.update(PATH=str(tmp_path), **env)  # an empty folder: no xgettext
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pytest", NEEDS_XGETTEXT, "-q", "-rs"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_missing_tool_is_a_listed_skip_by_default(tmp_path):
    result = run_without_gettext(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "SKIPPED" in result.stdout
    assert "GNU gettext (xgettext) is not installed" in result.stdout


def test_a_missing_tool_fails_when_every_tool_is_required(tmp_path):
    result = run_without_gettext(tmp_path, REQUIRE_ALL_TOOLS="1")
    assert result.returncode == 1, result.stdout
    assert "REQUIRE_ALL_TOOLS=1 asks for every tool" in result.stdout
    assert "GNU gettext (xgettext) is not installed" in result.stdout
