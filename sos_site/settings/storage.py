"""Media on S3-compatible object storage (AWS S3, MinIO, Ceph, Yandex, ...).

base.py calls ``s3_media_storage`` when AWS_STORAGE_BUCKET_NAME is set; the
tests call the same function against moto's S3 server.
"""

from urllib.parse import urlsplit


def s3_media_storage(
    *,
    bucket_name,
    endpoint_url="",
    region_name="",
    access_key="",
    secret_key="",
    custom_domain="",
    addressing_style="",
):
    """The STORAGES["default"] entry for media in an S3 bucket.

    Image URLs are plain (not signed) so that cached pages and a CDN keep
    working: the bucket (or the CDN in front of it) must allow public reads of
    the ``images/`` and ``original_images/`` prefixes. Documents never need a
    public URL: Wagtail's serve view streams them (WAGTAILDOCS_SERVE_METHOD).
    """
    options = {
        "bucket_name": bucket_name,
        "endpoint_url": endpoint_url or None,
        "region_name": region_name or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "custom_domain": custom_domain or None,
        "addressing_style": addressing_style or None,
        "file_overwrite": False,
        "querystring_auth": False,
        "default_acl": None,
        "object_parameters": {"CacheControl": "public, max-age=86400"},
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def s3_media_origins(*, bucket_name, endpoint_url="", region_name="", custom_domain=""):
    """The origins media URLs can have, for the Content-Security-Policy."""
    if custom_domain:
        return [f"https://{custom_domain}"]
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        return [
            f"{parts.scheme}://{parts.netloc}",
            f"{parts.scheme}://{bucket_name}.{parts.netloc}",
        ]
    origins = [f"https://{bucket_name}.s3.amazonaws.com"]
    if region_name:
        origins.append(f"https://{bucket_name}.s3.{region_name}.amazonaws.com")
    return origins
