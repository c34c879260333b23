"""A NUL character anywhere in a request is a localized 400, never a 500 (PostgreSQL text
cannot hold NUL) and never a row: search, page routes, the donate form, the admin.

Run on PostgreSQL too: DATABASE_URL=postgres://postgres@127.0.0.1:5432/sos_<name>.
"""

import pytest

from donations.models import Donation

REFUSED = {
    "ky": "Бул сурамды окуу мүмкүн болгон жок",
    "ru": "Не удалось прочитать этот запрос",
    "en": "This request could not be read",
}


def assert_refused(response, language):
    assert response.status_code == 400
    html = response.content.decode()
    assert REFUSED[language] in html
    assert f'<html lang="{language}"' in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
@pytest.mark.parametrize("query", ["%00", "a%00b"])
def test_search_for_a_nul_is_a_localized_400(client, home_page, language, query):
    assert_refused(client.get(f"/{language}/search/?q={query}"), language)


def test_search_still_answers_ordinary_queries(client, home_page):
    assert client.get("/ru/search/?q=%D0%B4%D0%B5%D1%82%D0%B8").status_code == 200


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_nul_in_a_page_path_is_a_400(client, home_page, language):
    assert_refused(client.get(f"/{language}/donate%00/"), language)


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_donate_form_with_a_nul_creates_nothing(client, donate_url, gift, language):
    confirm = client.post(donate_url(language), gift(donor_name="Ali\x00ce"))
    assert_refused(confirm, language)
    hidden_key = client.post(donate_url(language), {**gift(), "x\x00": "1"})
    assert_refused(hidden_key, language)
    assert Donation.objects.count() == 0


def test_admin_search_with_a_nul_is_a_400(client, home_page, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/pages/search/?q=%00")
    assert response.status_code == 400
    assert client.get("/admin/pages/search/?q=home").status_code == 200


def test_a_nul_in_the_admin_login_is_refused_before_anyone_logs_in(client, django_user_model):
    django_user_model.objects.create_user("editor", "editor@example.org", "a long passphrase 42")
    response = client.post(
        "/admin/login/",
        {
            "username": "editor",
            "password": "a long passphrase 42",
            "next": "\x00https://evil.example",
        },
    )
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
