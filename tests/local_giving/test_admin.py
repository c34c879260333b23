"""The finance team's admin views: permission, confirm one by one, import, handle lines."""

from decimal import Decimal

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import pytest

from donations.models import Donation
from local_giving.models import StatementLine

from .keyboards import cyrillic_twin

CONFIRM = "/admin/bank-transfers/confirm/"
IMPORT = "/admin/bank-transfers/import/"
UNMATCHED = "/admin/bank-transfers/unmatched/"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(username="editor", password="x" * 16)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_donations_group_has_the_finance_permissions(finance_user):
    assert finance_user.has_perm("donations.change_donation")
    assert finance_user.has_perm("local_giving.change_bankaccount")


@pytest.mark.parametrize("url", [CONFIRM, IMPORT, UNMATCHED])
def test_views_need_the_donations_permission(client, editor, url):
    client.force_login(editor)
    response = client.get(url)
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response.url == "/admin/"
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response.url


@pytest.mark.parametrize("url", [CONFIRM, IMPORT, UNMATCHED])
def test_views_open_for_the_finance_team(client, finance_user, url):
    client.force_login(finance_user)
    response = client.get(url)
    assert response.status_code == 200
    assert "Bank transfers" in client.get("/admin/").content.decode()


def test_confirm_one_by_one(client, finance_user, make_pledge):
    pledge = make_pledge()
    client.force_login(finance_user)
    assert pledge.reference_code in client.get(CONFIRM).content.decode()
    response = client.post(
        CONFIRM,
        {
            "reference": pledge.reference_code,
            "received_on": timezone.localdate().isoformat(),
            "amount": "950",
            "channel": "qr",
        },
        follow=True,
    )
    assert response.status_code == 200
    pledge.refresh_from_db()
    assert pledge.status == Donation.Status.PAID
    assert (pledge.amount, pledge.pledged_amount, pledge.channel) == (
        Decimal("950"),
        Decimal("1000"),
        "qr",
    )
    assert pledge.confirmed_by == finance_user
    html = response.content.decode()
    assert pledge.receipt_number in html and "amount received is recorded" in html


def test_confirm_a_reference_typed_on_a_cyrillic_keyboard(client, finance_user, make_pledge):
    pledge = make_pledge()
    typed = cyrillic_twin(pledge.reference_code, variant=1)
    client.force_login(finance_user)
    response = client.post(
        CONFIRM,
        {
            "reference": typed,
            "received_on": timezone.localdate().isoformat(),
            "amount": "1000",
            "channel": "bank_transfer",
        },
        follow=True,
    )
    pledge.refresh_from_db()
    assert pledge.status == Donation.Status.PAID
    assert f"Confirmed {pledge.reference_code}" in response.content.decode()


def test_confirm_with_an_unknown_reference_shows_the_error(client, finance_user, db):
    client.force_login(finance_user)
    response = client.post(
        CONFIRM,
        {
            "reference": "SOS-XXXX",
            "received_on": timezone.localdate().isoformat(),
            "amount": "10",
            "channel": "bank_transfer",
        },
    )
    assert response.status_code == 200
    assert "not a valid payment reference" in response.content.decode()
    assert not Donation.objects.filter(status=Donation.Status.PAID).exists()


def test_import_then_assign_an_unmatched_line(client, finance_user, statement_format, make_pledge):
    pledge = make_pledge()
    raw = (
        "Дата;Номер документа;Сумма;Валюта;Плательщик;Назначение платежа\n"
        "20.11.2026;A1;1 000,00;KGS;Асанова А.;кайрымдуулук (reference forgotten)\n"
        "20.11.2026;A2;50;KGS;Банк;проценты\n"
    ).encode("cp1251")
    client.force_login(finance_user)
    response = client.post(
        IMPORT,
        {"statement_format": statement_format.pk, "file": SimpleUploadedFile("nov.csv", raw)},
        follow=True,
    )
    html = response.content.decode()
    assert "2 new" in html and "0 matched" in html
    assert "reference forgotten" in html  # listed for manual handling

    line = StatementLine.objects.get(transaction_key="id:A1")
    client.post(
        UNMATCHED, {"line": line.pk, "reference": pledge.reference_code, "channel": "bank_transfer"}
    )
    line.refresh_from_db()
    pledge.refresh_from_db()
    assert line.status == StatementLine.Status.ASSIGNED and line.donation == pledge
    assert pledge.status == Donation.Status.PAID and pledge.amount == Decimal("1000")

    other = StatementLine.objects.get(transaction_key="id:A2")
    client.post(UNMATCHED, {"line": other.pk, "action": "ignore"})
    other.refresh_from_db()
    assert other.status == StatementLine.Status.IGNORED
    assert "Nothing to handle" in client.get(UNMATCHED).content.decode()


def test_import_of_a_bad_file_lists_the_lines(client, finance_user, statement_format):
    raw = (
        "Дата;Номер документа;Сумма;Валюта;Плательщик;Назначение платежа\n"
        "20.11.2026;A1;1000;KGS;А;x\n"
        "yesterday;A2;1000;KGS;Б;y\n"
    ).encode()
    client.force_login(finance_user)
    response = client.post(
        IMPORT,
        {"statement_format": statement_format.pk, "file": SimpleUploadedFile("bad.csv", raw)},
    )
    html = response.content.decode()
    assert "Nothing was imported" in html and "Line 3" in html
    assert not StatementLine.objects.exists()


def test_bank_account_snippet_is_editable(client, finance_user, accounts):
    client.force_login(finance_user)
    response = client.get(f"/admin/snippets/local_giving/bankaccount/edit/{accounts['KGS'].pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "payment_purpose_ru" in html and "qr_payload" in html
