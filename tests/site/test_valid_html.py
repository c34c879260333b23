"""Every page type of the demo content, in Kyrgyz, Russian and English, is valid HTML.

Checked with the W3C Nu HTML checker (the ``vnu-jar`` npm package, run on Java),
errors only: the checker finds what browsers forgive and assistive technology may
not (duplicate ids, ``srcset`` candidates of the same width, misplaced elements).

The checker lives in ``.tools/`` (git-ignored). When it is missing, the test
installs it with ``npm install --prefix .tools vnu-jar@<VNU_VERSION>``; it is
skipped, with the reason, only when Java or npm is missing.
"""

import json
import shutil
import subprocess
from pathlib import Path

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

import pytest

from donations.models import DonatePage, Donation
from local_giving.services import pledge_token

ROOT = Path(__file__).resolve().parents[2]
VNU_VERSION = "26.9.27"
TOOLS = ROOT / ".tools"
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("ky", "ru", "en")


def vnu_jar():
    """The checker's jar, installed on first use."""
    if shutil.which("java") is None:
        pytest.skip("Java is missing: the W3C Nu HTML checker (vnu.jar) needs it")
    if not VNU_JAR.exists():
        if shutil.which("npm") is None:
            pytest.skip(f"npm is missing: cannot install vnu-jar into {TOOLS}")
        subprocess.run(
            ["npm", "install", "--prefix", str(TOOLS), "--no-save", f"vnu-jar@{VNU_VERSION}"],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return VNU_JAR


def check_html(files):
    """The checker's errors for these files, as (file name, line, message)."""
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    return [
        (Path(message.get("url", "")).name, message.get("lastLine"), message["message"])
        for message in report["messages"]
        if message.get("type") == "error" or message.get("subType") == "fatal"
    ]


def demo_urls():
    """One live page of every type in every language, plus the pages that are not Wagtail's."""
    urls = []
    pledge = Donation.objects.filter(
        channel=Donation.Channel.BANK_TRANSFER, status=Donation.Status.PENDING
    ).first()
    for language in LANGUAGES:
        pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1)
        seen = set()
        for page in pages.order_by("path").specific():
            if type(page) not in seen:
                seen.add(type(page))
                urls.append(page.url)
        assert len(seen) >= 8, f"the demo content in {language} has only {seen}"
        urls += [f"/{language}/search/", f"/{language}/search/?q=SOS", f"/{language}/nothing/"]
        if pledge is not None:
            with translation.override(language):
                urls.append(reverse("local_giving:pledge", args=[pledge_token(pledge)]))
    return urls


def review_step(client, language):
    """The donate form's review step with nothing chosen: the form again, with its errors."""
    donate = DonatePage.objects.live().filter(locale__language_code=language).first()
    return client.post(reverse("donate_review", kwargs={"page_id": donate.pk}), {})


@pytest.mark.django_db
def test_every_page_type_in_every_language_is_valid_html(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", verbosity=0)
    pages = tmp_path / "pages"
    pages.mkdir()
    files = {}
    client = Client()
    for number, url in enumerate(demo_urls()):
        response = client.get(url)
        assert response.status_code in (200, 404), f"{url}: {response.status_code}"
        if "text/html" not in response.get("Content-Type", ""):
            continue
        path = pages / f"{number:03d}.html"
        path.write_bytes(response.content)
        files[path.name] = url
    for language in LANGUAGES:
        response = review_step(client, language)
        assert response.status_code == 400
        path = pages / f"review-{language}.html"
        path.write_bytes(response.content)
        files[path.name] = f"review step ({language})"

    errors = check_html(sorted(pages.glob("*.html")))

    assert not errors, "\n".join(
        f"{files.get(name, name)}:{line}: {text}" for name, line, text in errors
    )
