"""Lines to handle: a line whose reference the bank did not pass on is shown with the
pending pledges of the same amount and currency from the days before, one click to assign."""

import datetime
import re
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import pytest

from donations.models import Donation
from local_giving.models import StatementLine
from local_giving.statements import candidate_pledges

IMPORT = "/admin/bank-transfers/import/"
UNMATCHED = "/admin/bank-transfers/unmatched/"


@pytest.fixture
def line_day():
    return timezone.localdate() - datetime.timedelta(days=1)


def made_on(pledge, day):
    """Backdate a pledge to noon on ``day`` (created_at is set on insert)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    Donation.objects.filter(pk=pledge.pk).update(created_at=moment)
    pledge.refresh_from_db()
    return pledge


@pytest.fixture
def pledges(make_pledge, make_card_gift, line_day):
    days = datetime.timedelta
    candidates = {
        "three_days": made_on(make_pledge(channel=Donation.Channel.QR), line_day - days(3)),
        "same_day": made_on(make_pledge(donor_name="Бакыт Т."), line_day),
        "fourteen_days": made_on(make_pledge(), line_day - days(14)),
    }
    others = {
        "too_old": made_on(make_pledge(), line_day - days(15)),
        "after_the_money": made_on(make_pledge(), line_day + days(1)),
        "other_amount": made_on(make_pledge(amount=Decimal("999")), line_day),
        "other_currency": made_on(make_pledge(currency="USD"), line_day),
        "paid": made_on(make_pledge(), line_day),
    }
    others["paid"].mark_paid(received_on=line_day)
    card = make_card_gift("1000", "KGS")
    Donation.objects.filter(pk=card.pk).update(status=Donation.Status.PENDING)
    others["card"] = card
    return candidates, others


def import_line(client, statement_format, day, purpose="Пожертвование"):
    raw = (
        "Дата;Номер документа;Сумма;Валюта;Плательщик;Назначение платежа\n"
        f"{day:%d.%m.%Y};Q1;1 000,00;KGS;Бакыт Т.;{purpose}\n"
    ).encode("cp1251")
    client.post(
        IMPORT, {"statement_format": statement_format.pk, "file": SimpleUploadedFile("q.csv", raw)}
    )
    return StatementLine.objects.get(transaction_key="id:Q1")


def test_candidates_are_pending_offline_pledges_of_the_amount_from_the_last_days(
    client, finance_user, statement_format, pledges, line_day
):
    candidates, others = pledges
    client.force_login(finance_user)
    line = import_line(client, statement_format, line_day)
    assert line.status == StatementLine.Status.UNMATCHED

    found = candidate_pledges([line])[line.pk]
    assert found == [candidates["same_day"], candidates["three_days"], candidates["fourteen_days"]]

    html = client.get(UNMATCHED).content.decode()
    for pledge in candidates.values():
        assert f"Assign to {pledge.reference_code}" in html
    for pledge in others.values():
        if pledge.reference_code:
            assert pledge.reference_code not in html
    assert "Айгүл Асанова" in html and "· Бакыт Т.</span>" in html  # donors' names


def test_one_click_assigns_the_line_to_the_candidate(
    client, finance_user, statement_format, pledges, line_day
):
    candidates, _others = pledges
    pledge = candidates["three_days"]
    client.force_login(finance_user)
    line = import_line(client, statement_format, line_day)
    html = client.get(UNMATCHED).content.decode()
    # The button's own form, as the browser would post it.
    form = re.search(
        r"<form[^>]*>((?:(?!</form>).)*?Assign to " + pledge.reference_code + r".*?)</form>",
        html,
        re.S,
    ).group(1)
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    data["action"] = "assign"
    response = client.post(UNMATCHED, data, follow=True)
    assert "Line assigned" in response.content.decode()
    line.refresh_from_db()
    pledge.refresh_from_db()
    assert line.status == StatementLine.Status.ASSIGNED and line.donation == pledge
    assert pledge.status == Donation.Status.PAID and pledge.channel == Donation.Channel.QR
    assert pledge.received_on == line_day and pledge.amount == Decimal("1000")
    # Handled: the line and its candidates leave the page.
    assert pledge.reference_code not in client.get(UNMATCHED).content.decode()


def test_donor_names_only_for_those_allowed_to_see_them(
    client, django_user_model, statement_format, pledges, line_day, finance_user
):
    from django.contrib.auth.models import Permission

    client.force_login(finance_user)
    import_line(client, statement_format, line_day)
    clerk = django_user_model.objects.create_user(username="clerk", password="x" * 16)
    clerk.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_donation"),
    )
    client.force_login(clerk)
    html = client.get(UNMATCHED).content.decode()
    assert f"Assign to {pledges[0]['same_day'].reference_code}" in html
    assert "Айгүл Асанова" not in html and "· Бакыт Т.</span>" not in html


def test_a_line_of_an_unknown_amount_has_no_candidates(
    client, finance_user, statement_format, make_pledge, line_day
):
    make_pledge(amount=Decimal("500"))
    client.force_login(finance_user)
    line = import_line(client, statement_format, line_day)
    assert candidate_pledges([line]) == {line.pk: []}
    assert "Assign to" not in client.get(UNMATCHED).content.decode()
