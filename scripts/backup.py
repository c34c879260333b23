#!/usr/bin/env python3
"""Back up and restore the site: the PostgreSQL database and the uploaded media.

    make backup  BACKUP_TARGET=/var/backups/sos        (or s3://bucket/prefix)
    make restore BACKUP=/var/backups/sos/sos-20261130T020000Z   (or s3://bucket/prefix/sos-...)

A backup is a folder named sos-<UTC time> holding
    database.dump   pg_dump's custom format (pg_restore reads it; compressed)
    media.tar       every file of the media storage (disk or S3), by its storage name
    manifest.json   when, which release, and each file's size and sha256
Targets and media go through Django's storage API, configured like the site's own
media (the AWS_* variables of docs/production.md), so a bucket works like a folder.

`restore` checks the sha256 of both files first, then replaces the database named by
DATABASE_URL with the dump (pg_restore --clean, one transaction) and writes each media
file back into the media storage. Run it with the app servers stopped, then run
`manage.py release` (the page cache must not keep pages from before the restore).
The settings are the site's own: DJANGO_SETTINGS_MODULE and the environment.
"""

import argparse
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DUMP, MEDIA, MANIFEST = "database.dump", "media.tar", "manifest.json"


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sos_site.settings.dev")
    import django

    django.setup()


def backup_storage(target):
    """A folder, or s3://bucket/prefix with the media storage's S3 connection settings."""
    from django.conf import settings
    from django.core.files.storage import FileSystemStorage

    if not target.startswith("s3://"):
        return FileSystemStorage(location=target)
    from storages.backends.s3 import S3Storage

    bucket, _, prefix = target.removeprefix("s3://").partition("/")
    media = settings.STORAGES["default"]
    if media["BACKEND"] == "storages.backends.s3.S3Storage":
        options = dict(media.get("OPTIONS", {}))
    else:  # media on disk, backups in a bucket: the same AWS_* variables
        options = {
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
        }
    options.update(
        bucket_name=bucket,
        location=prefix.strip("/"),
        file_overwrite=True,
        default_acl=None,
        custom_domain=None,
        object_parameters={},
    )
    return S3Storage(**options)


def database_env():
    """libpq's variables for the default database (PostgreSQL only)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("Backups need PostgreSQL (DATABASE_URL=postgres://...).")
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db["USER"] or ""}
    for key, name in (("PGPASSWORD", "PASSWORD"), ("PGHOST", "HOST"), ("PGPORT", "PORT")):
        if db[name]:
            env[key] = str(db[name])
    return env


def postgres_tool(name):
    """The full path of pg_dump or pg_restore (PostgreSQL's client, as new as the server)."""
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return path


def media_files(storage, folder=""):
    """Every file name in a storage, recursively, sorted."""
    folders, files = storage.listdir(folder)
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names.extend(media_files(storage, f"{folder}{sub}/"))
    return sorted(names)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup(target):
    from django.core.files import File
    from django.core.files.storage import default_storage

    from core.release import release_id

    name = datetime.now(UTC).strftime("sos-%Y%m%dT%H%M%SZ")
    with tempfile.TemporaryDirectory(prefix="sos-backup-") as work:
        work = Path(work)
        subprocess.run(  # noqa: S603 (fixed command, PG* variables from the settings)
            [
                postgres_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                work / DUMP,
            ],
            env=database_env(),
            check=True,
        )
        names = media_files(default_storage)
        with tarfile.open(work / MEDIA, "w") as archive:
            for file_name in names:
                with default_storage.open(file_name, "rb") as stream:
                    data = stream.read()
                info = tarfile.TarInfo(file_name)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
        manifest = {
            "name": name,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "release": release_id(),
            "media_files": len(names),
            "files": {
                part: {"bytes": (work / part).stat().st_size, "sha256": sha256(work / part)}
                for part in (DUMP, MEDIA)
            },
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2))
        storage = backup_storage(target)
        for part in (DUMP, MEDIA, MANIFEST):
            with open(work / part, "rb") as stream:
                storage.save(f"{name}/{part}", File(stream))
    print(f"backup {name}: {len(names)} media files -> {target.rstrip('/')}/{name}")
    return name


def restore(source):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    location, _, name = source.rstrip("/").rpartition("/")
    storage = backup_storage(location)
    with tempfile.TemporaryDirectory(prefix="sos-restore-") as work:
        work = Path(work)
        for part in (MANIFEST, DUMP, MEDIA):
            with storage.open(f"{name}/{part}", "rb") as stream, open(work / part, "wb") as out:
                for chunk in iter(lambda s=stream: s.read(1 << 20), b""):
                    out.write(chunk)
        manifest = json.loads((work / MANIFEST).read_text())
        for part, expected in manifest["files"].items():
            if sha256(work / part) != expected["sha256"]:
                raise SystemExit(f"{part} does not match its sha256 in the manifest: not restored")
        subprocess.run(  # noqa: S603 (fixed command, PG* variables from the settings)
            [
                postgres_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                database_env()["PGDATABASE"],
                work / DUMP,
            ],
            env=database_env(),
            check=True,
        )
        restored = 0
        with tarfile.open(work / MEDIA) as archive:
            for member in archive.getmembers():
                if not member.isfile():
                    continue
                data = archive.extractfile(member).read()
                if default_storage.exists(member.name):
                    default_storage.delete(member.name)
                saved = default_storage.save(member.name, ContentFile(data))
                if saved != member.name:
                    raise SystemExit(f"media file {member.name} was stored as {saved}")
                restored += 1
    print(f"restored {name}: the database and {restored} media files")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("backup", help="dump the database and copy the media")
    make.add_argument("target", nargs="?", default=str(ROOT / "var" / "backups"))
    back = commands.add_parser("restore", help="restore a backup into DATABASE_URL and the media")
    back.add_argument("source", help="the backup folder (or s3://bucket/prefix/sos-...)")
    args = parser.parse_args(argv)
    setup_django()
    if args.command == "backup":
        backup(args.target)
    else:
        restore(args.source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
