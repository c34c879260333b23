"""A fresh database, before any content: unknown paths answer 404, not 500."""

from django.conf import settings


def test_404_without_any_site_content_is_still_a_404(client, db):
    response = client.get("/ky/anything/")
    assert response.status_code == 404
    assert '<html lang="ky"' in response.content.decode()


def test_bad_prefix_without_any_site_content_is_still_a_404(client, db):
    response = client.get("/xx/foo/", follow=True)
    assert response.status_code == 404


def test_root_redirect_needs_no_content(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    assert client.get("/")["Location"] == "/ru/"
