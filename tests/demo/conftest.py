"""The demo content, loaded once for a whole test module and rolled back after it."""

import io

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

import pytest


def load_demo(**options):
    out = io.StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run `load_demo --force-accounts` once per module; returns its output.

    Everything happens inside one transaction that is rolled back when the module
    is done, so other tests still start from an empty database. Tests using this
    fixture must also request ``db`` (they then run in a savepoint inside it).
    """
    media = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media)),
        transaction.atomic(),
    ):
        yield load_demo(force_accounts=True)
        transaction.set_rollback(True)


@pytest.fixture
def demo_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path
