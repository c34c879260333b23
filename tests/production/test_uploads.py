"""Upload limits for images and documents; documents are served so they cannot run as pages."""

import io
import os

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from PIL import Image as PILImage


@pytest.fixture
def editor(django_user_model, client):
    user = django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "correct horse battery staple"
    )
    client.force_login(user)
    return user


def png(width, height):
    """A PNG of random pixels, so it does not compress below the size limits under test."""
    buffer = io.BytesIO()
    PILImage.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(buffer, "PNG")
    return buffer.getvalue()


def test_html_document_upload_is_refused(client, editor):
    upload = SimpleUploadedFile("page.html", b"<script>alert(1)</script>", "text/html")
    response = client.post("/admin/documents/multiple/add/", {"files[]": upload})
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not get_document_model().objects.exists()


def test_oversized_document_is_refused(client, editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 2048, "application/pdf")
    response = client.post("/admin/documents/add/", {"title": "Big", "file": upload})
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_oversized_image_is_refused(client, editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile("big.png", png(300, 300), "image/png")
    response = client.post("/admin/images/add/", {"title": "Big", "file": upload})
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_image_with_too_many_pixels_is_refused(client, editor, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    upload = SimpleUploadedFile("wide.png", png(200, 200), "image/png")
    response = client.post("/admin/images/add/", {"title": "Wide", "file": upload})
    assert response.status_code == 200
    assert "pixels" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_limits_are_configured():
    from django.conf import settings

    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert "html" not in settings.WAGTAILDOCS_EXTENSIONS
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


def test_html_document_is_never_served_inline(client, db):
    """Even an .html file that got in some other way downloads instead of rendering."""
    document = get_document_model().objects.create(
        title="Sneaky", file=ContentFile(b"<script>alert(1)</script>", name="sneaky.html")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_pdf_is_shown_inline_but_cannot_run_scripts(client, db):
    document = get_document_model().objects.create(
        title="Annual report", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="report.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
