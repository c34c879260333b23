"""The donations in the Wagtail admin: listing, filters, search, export, privacy, dashboard."""

import csv
import datetime
import io
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from donations.dashboard import month_totals
from donations.models import Donation, Fund
from donations.receivers import DONATIONS_GROUP_PERMISSIONS, ensure_donations_group

from .receipt_factories import make_donation, make_fund, make_paid_donation

pytestmark = pytest.mark.django_db

INDEX = "donations_ledger:index"


@pytest.fixture
def funds():
    return {
        "general": make_fund(),
        "families": make_fund(
            slug="families",
            is_default=False,
            name_ky="Үй-бүлөлөр",
            name_ru="Семьи",
            name_en="Families",
        ),
    }


@pytest.fixture
def ledger(funds, django_capture_on_commit_callbacks):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=False):
        gifts = {
            "kgs": make_paid_donation(
                funds["general"],
                paid_at=now,
                donor_email="asel@example.org",
                amount=Decimal("1000"),
            ),
            "kgs2": make_paid_donation(
                funds["families"],
                paid_at=now,
                donor_email="bakyt@example.org",
                amount=Decimal("500"),
            ),
            "usd": make_paid_donation(
                funds["general"],
                paid_at=now,
                currency="USD",
                amount=Decimal("25"),
                donor_email="john@example.org",
                frequency=Donation.Frequency.MONTHLY,
                language="en",
            ),
            "refunded": make_paid_donation(
                funds["general"], paid_at=now, donor_email="refund@example.org"
            ),
            "old": make_paid_donation(
                funds["general"],
                paid_at=now - datetime.timedelta(days=70),
                donor_email="old@example.org",
                amount=Decimal("7777"),
            ),
            "pending": make_donation(
                funds["families"],
                donor_email="pending@example.org",
                channel=Donation.Channel.BANK_TRANSFER,
            ),
        }
        gifts["refunded"].change_status(Donation.Status.REFUNDED, refunded_at=now)
    return gifts


def make_admin_user(django_user_model, username, groups=(), permissions=()):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for app_label, codename in permissions:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@pytest.fixture
def finance_client(client, django_user_model):
    client.force_login(make_admin_user(django_user_model, "finance", groups=["Donations"]))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def outsider_client(client, django_user_model):
    """Can open the admin and list donations, but is not in the Donations group."""
    user = make_admin_user(
        django_user_model,
        "outsider",
        permissions=[("wagtailadmin", "access_admin"), ("donations", "view_donation")],
    )
    client.force_login(user)
    return client


def listed(response, gifts):
    content = response.content.decode()
    return {key for key, gift in gifts.items() if f">{gift}<" in content or str(gift) in content}


def test_the_group_is_created_with_its_permissions():
    group = Group.objects.get(name="Donations")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {codename for _app, _model, codename in DONATIONS_GROUP_PERMISSIONS} <= codenames
    assert "delete_fund" not in codenames
    ensure_donations_group(sender=None)  # idempotent
    assert Group.objects.filter(name="Donations").count() == 1


def test_listing_shows_donations_and_donor_emails_to_the_group(finance_client, ledger):
    response = finance_client.get(reverse(INDEX))
    assert response.status_code == 200
    content = response.content.decode()
    for key in ("kgs", "usd", "refunded", "old"):
        assert ledger[key].receipt_number in content
    assert "asel@example.org" in content
    assert "Айгүл Өмүрбекова" in content
    # Read-only: no add button, no edit links.
    assert reverse("donations_ledger:add") not in content
    assert reverse("donations_ledger:edit", args=[ledger["kgs"].pk]) not in content
    assert reverse("donations_ledger:inspect", args=[ledger["kgs"].pk]) in content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "refunded"}, {"refunded"}),
        ({"status": "pending"}, {"pending"}),
        ({"currency": "USD"}, {"usd"}),
        ({"frequency": "monthly"}, {"usd"}),
        ({"channel": "bank_transfer"}, {"pending"}),
        ({"fund": "families"}, {"kgs2", "pending"}),
        ({"paid_at_to": "old"}, {"old"}),
        ({"paid_at_from": "today"}, {"kgs", "kgs2", "usd", "refunded"}),
    ],
)
def test_filters(finance_client, ledger, funds, query, expected):
    if "fund" in query:
        query = {"fund": funds[query["fund"]].pk}
    if "paid_at_to" in query:
        query = {"paid_at_to": (timezone.localdate() - datetime.timedelta(days=40)).isoformat()}
    if "paid_at_from" in query:
        query = {"paid_at_from": timezone.localdate().isoformat()}
    response = finance_client.get(reverse(INDEX), query)
    assert response.status_code == 200
    content = response.content.decode()
    shown = {key for key, gift in ledger.items() if gift.donor_email in content}
    assert shown == expected


def test_search_by_email_and_by_receipt_number(finance_client, ledger):
    content = finance_client.get(reverse(INDEX), {"q": "john@example"}).content.decode()
    assert "john@example.org" in content and "asel@example.org" not in content

    number = ledger["kgs2"].receipt_number
    content = finance_client.get(reverse(INDEX), {"q": number}).content.decode()
    assert "bakyt@example.org" in content and "asel@example.org" not in content


def test_csv_export(finance_client, ledger):
    response = finance_client.get(reverse(INDEX), {"export": "csv", "currency": "KGS"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    emails = {row["Donor email"] for row in rows}
    assert emails == {
        "asel@example.org",
        "bakyt@example.org",
        "refund@example.org",
        "old@example.org",
        "pending@example.org",
    }
    row = next(r for r in rows if r["Donor email"] == "asel@example.org")
    assert row["Receipt number"] == ledger["kgs"].receipt_number
    assert Decimal(row["Amount"]) == Decimal("1000")


def test_xlsx_export(finance_client, ledger):
    response = finance_client.get(reverse(INDEX), {"export": "xlsx", "currency": "USD"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    header, *data = rows
    assert "Receipt number" in header and "Donor email" in header
    assert len(data) == 1
    record = dict(zip(header, data[0], strict=True))
    assert record["Donor email"] == "john@example.org"
    assert record["Receipt number"] == ledger["usd"].receipt_number


def test_inspect_view_shows_donor_details_to_the_group(finance_client, ledger):
    url = reverse("donations_ledger:inspect", args=[ledger["kgs"].pk])
    content = finance_client.get(url).content.decode()
    assert "asel@example.org" in content
    assert ledger["kgs"].receipt_number in content


def test_outsiders_never_see_donor_details(outsider_client, ledger):
    response = outsider_client.get(reverse(INDEX))
    assert response.status_code == 200
    content = response.content.decode()
    assert ledger["kgs"].receipt_number in content
    for gift in ledger.values():
        assert gift.donor_email not in content
    assert "Айгүл Өмүрбекова" not in content

    # Searching by email finds nothing: the email is not searched for them.
    content = outsider_client.get(reverse(INDEX), {"q": "asel@example.org"}).content.decode()
    assert ledger["kgs"].receipt_number not in content

    body = b"".join(
        outsider_client.get(reverse(INDEX), {"export": "csv"}).streaming_content
    ).decode()
    assert "@example.org" not in body
    assert "Donor email" not in body
    assert ledger["kgs"].receipt_number in body

    inspect = outsider_client.get(reverse("donations_ledger:inspect", args=[ledger["kgs"].pk]))
    assert inspect.status_code == 200
    assert "asel@example.org" not in inspect.content.decode()


def test_nobody_edits_a_donation_in_the_admin(finance_client, admin_client, ledger):
    for client in (finance_client, admin_client):
        edit = client.get(reverse("donations_ledger:edit", args=[ledger["kgs"].pk]))
        assert edit.status_code in (302, 403)
        delete = client.post(reverse("donations_ledger:delete", args=[ledger["kgs"].pk]))
        assert delete.status_code in (302, 403)
    assert Donation.objects.filter(pk=ledger["kgs"].pk, amount=Decimal("1000")).exists()


def test_users_without_donation_permissions_are_kept_out(client, django_user_model, ledger):
    user = make_admin_user(
        django_user_model, "editor", permissions=[("wagtailadmin", "access_admin")]
    )
    client.force_login(user)
    response = client.get(reverse(INDEX))
    assert response.status_code in (302, 403)
    assert b"asel@example.org" not in response.content
    assert "Donations this month" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_funds_are_edited_with_their_per_language_names(finance_client):
    form = finance_client.get(reverse("donations_funds:add")).content.decode()
    for name in ("name_ky", "name_ru", "name_en", "description_ky"):
        assert f'name="{name}"' in form
    response = finance_client.post(
        reverse("donations_funds:add"),
        {
            "name_ky": "Билим берүү",
            "name_ru": "Образование",
            "name_en": "Education",
            "description_ky": "",
            "description_ru": "",
            "description_en": "",
            "slug": "education",
            "is_active": "on",
            "sort_order": "3",
        },
    )
    assert response.status_code == 302
    fund = Fund.objects.get(slug="education")
    assert (fund.name_ky, fund.name_ru, fund.name_en) == ("Билим берүү", "Образование", "Education")


def test_preset_amounts_are_edited(finance_client):
    response = finance_client.post(
        reverse("donations_preset_amounts:add"),
        {
            "currency": "KGS",
            "amount": "2000",
            "frequency": "any",
            "label_ky": "Бир баланын мектеп буюмдары",
            "label_ru": "Школьные принадлежности для одного ребёнка",
            "label_en": "School supplies for one child",
            "sort_order": "1",
        },
    )
    assert response.status_code == 302
    listing = finance_client.get(reverse("donations_preset_amounts:index")).content.decode()
    assert "2000 KGS" in listing


def test_month_totals_count_paid_gifts_of_this_month_only(ledger, funds):
    totals = month_totals()
    per_currency = {row["currency"]: (row["total"], row["count"]) for row in totals["per_currency"]}
    assert per_currency == {"KGS": (Decimal("1500"), 2), "USD": (Decimal("25"), 1)}
    per_fund = {(row["fund"], row["currency"]): row["total"] for row in totals["per_fund"]}
    assert per_fund == {
        (funds["general"], "KGS"): Decimal("1000"),
        (funds["families"], "KGS"): Decimal("500"),
        (funds["general"], "USD"): Decimal("25"),
    }


def test_dashboard_panel_shows_totals_to_the_group(finance_client, ledger):
    content = finance_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Donations this month" in content
    assert "1,500\u00a0KGS" in content or "1\u00a0500\u00a0KGS" in content
    assert "25.00\u00a0USD" in content or "25,00\u00a0USD" in content
    assert "7,777" not in content and "7\u00a0777" not in content
