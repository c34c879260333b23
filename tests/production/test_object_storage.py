"""Media on S3-compatible storage (django-storages), tested against moto's S3 server."""

import io
import json
import uuid

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import boto3
import pytest
import requests
from PIL import Image as PILImage

from sos_site.settings.storage import s3_media_origins, s3_media_storage


def png_bytes(width=64, height=48):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (0, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def s3_media(settings, s3_endpoint):
    """A fresh bucket on moto, configured exactly as base.py does for AWS_* variables."""
    bucket = f"sos-media-{uuid.uuid4().hex[:8]}"
    credentials = {"access_key": "testing", "secret_key": "testing", "region_name": "us-east-1"}
    boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    ).create_bucket(Bucket=bucket)
    # As docs/production.md asks: anyone may read images, nothing else.
    public_images = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [
                    f"arn:aws:s3:::{bucket}/images/*",
                    f"arn:aws:s3:::{bucket}/original_images/*",
                ],
            }
        ],
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_media_storage(
            bucket_name=bucket, endpoint_url=s3_endpoint, addressing_style="path", **credentials
        ),
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(public_images))
    return {"bucket": bucket, "client": client, "endpoint": s3_endpoint}


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "correct horse battery staple"
    )


def test_uploaded_image_and_rendition_live_in_the_bucket(client, db, editor, s3_media):
    client.force_login(editor)
    original = png_bytes()
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Village",
            "file": ContentFile(original, name="village.png"),
            # Two collections exist (the root and Finance): the form asks which one.
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content[:500]

    image = get_image_model().objects.get(title="Village")
    assert image.file.storage.__class__.__name__ == "S3Storage"
    stored = s3_media["client"].get_object(Bucket=s3_media["bucket"], Key=image.file.name)
    assert stored["Body"].read() == original
    assert stored["CacheControl"] == "public, max-age=86400"

    rendition = image.get_rendition("fill-32x32")
    assert rendition.url.startswith(f"{s3_media['endpoint']}/{s3_media['bucket']}/images/")
    fetched = requests.get(rendition.url, timeout=10)
    assert fetched.status_code == 200
    assert PILImage.open(io.BytesIO(fetched.content)).size == (32, 32)


def test_documents_on_s3_are_streamed_as_attachments(client, db, s3_media):
    document = get_document_model().objects.create(
        title="Report", file=ContentFile(b"year,children\n2025,350\n", name="report.csv")
    )
    stored = s3_media["client"].get_object(Bucket=s3_media["bucket"], Key=document.file.name)
    assert stored["Body"].read().startswith(b"year,children")

    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"year,children")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_media_origins_for_the_content_security_policy():
    assert s3_media_origins(bucket_name="b", custom_domain="media.example.org") == [
        "https://media.example.org"
    ]
    assert s3_media_origins(bucket_name="b", endpoint_url="https://s3.example.net:9000") == [
        "https://s3.example.net:9000",
        "https://b.s3.example.net:9000",
    ]
    assert "https://b.s3.eu-central-1.amazonaws.com" in s3_media_origins(
        bucket_name="b", region_name="eu-central-1"
    )
