"""The admin speaks Russian or English: Wagtail has no Kyrgyz admin catalogue."""

from wagtail.users.models import UserProfile

import pytest


@pytest.fixture
def staff_client(client, admin_user):
    """An editor who has not chosen an admin language."""
    UserProfile.objects.filter(user=admin_user).update(preferred_language="")
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize(
    ("accept_language", "expected"), [("ky", "ru"), ("ru", "ru"), ("en", "en"), ("de", "ru")]
)
def test_admin_language_falls_back_to_russian(staff_client, accept_language, expected):
    response = staff_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 200
    assert f'<html lang="{expected}"' in response.content.decode()


def test_chosen_admin_language_wins(staff_client, admin_user):
    UserProfile.objects.update_or_create(user=admin_user, defaults={"preferred_language": "en"})
    response = staff_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ky")
    assert '<html lang="en"' in response.content.decode()
