"""The pledge page and the transparency page in the three languages."""

from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document

import pytest

from donations.models import Donation
from local_giving.models import AnnualReport, TransparencyPage
from local_giving.services import confirm_transfer, pledge_url

LANGUAGES = ["ky", "ru", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_pledge_page_in_each_language(client, make_pledge, accounts, language):
    pledge = make_pledge(language=language)
    url = pledge_url(pledge)
    assert url.startswith(f"/{language}/give/transfer/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert pledge.reference_code in html
    assert accounts["KGS"].account in html
    assert "Кайрымдуулук жардам " + pledge.reference_code in html
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert 'style="' not in html and "<style" not in html


def test_eur_pledge_shows_the_epc_qr_code(client, make_pledge, accounts):
    pledge = make_pledge(currency="EUR", amount=Decimal("30"), language="en")
    html = client.get(pledge_url(pledge)).content.decode()
    assert '<svg role="img"' in html and "<title>" in html
    assert accounts["EUR"].account in html


def test_usd_placeholder_account_is_not_yet_configured(client, make_pledge, accounts):
    pledge = make_pledge(currency="USD", amount=Decimal("30"), language="en")
    html = client.get(pledge_url(pledge)).content.decode()
    assert "not yet configured" in html
    assert "[to be filled in" not in html
    assert "<svg" not in html.split('<main id="main"', 1)[1]


def test_eur_without_real_iban_shows_no_qr_code(client, make_pledge, accounts):
    accounts["EUR"].account = "[to be filled in by the finance team]"
    accounts["EUR"].save()
    pledge = make_pledge(currency="EUR", amount=Decimal("30"), language="en")
    html = client.get(pledge_url(pledge)).content.decode()
    assert "not yet configured" in html and '<svg role="img"' not in html


def test_tampered_or_foreign_tokens_are_404(client, make_pledge, accounts):
    url = pledge_url(make_pledge())
    assert client.get(url[:-3] + "xx/").status_code == 404
    assert client.get("/en/give/transfer/1/").status_code == 404


def test_paid_pledge_says_thank_you(client, make_pledge, accounts):
    pledge = make_pledge(language="en")
    confirm_transfer(pledge.reference_code, Decimal("1000"), timezone.localdate())
    html = client.get(pledge_url(pledge)).content.decode()
    assert "Thank you" in html


def test_transparency_page_rules():
    assert TransparencyPage.parent_page_types == ["home.HomePage"]
    assert TransparencyPage.subpage_types == []
    from home.models import HomePage

    assert "local_giving.TransparencyPage" in HomePage.subpage_types


@pytest.mark.parametrize("language", LANGUAGES)
def test_transparency_page_in_each_language(client, transparency_pages, make_card_gift, language):
    for _ in range(5):
        make_card_gift("20", "USD")
    make_card_gift("5", "EUR")
    response = client.get(f"/{language}/transparency/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert transparency_pages[language].title in html
    assert "<table" in html and "100" in html
    assert "card@example.org" not in html
    csv_response = client.get(f"/{language}/transparency/csv/")
    assert csv_response.status_code == 200
    assert csv_response["Content-Type"].startswith("text/csv")
    assert f"transparency-{language}.csv" in csv_response["Content-Disposition"]


def test_small_cells_on_the_page(client, transparency_pages, make_card_gift):
    make_card_gift("5", "EUR")
    html = client.get("/en/transparency/").content.decode()
    assert "fewer than 5" in html
    assert ">5.00<" not in html and ">5<" not in html


def test_annual_reports_fall_back_with_a_note(client, transparency_pages):
    def document(title):
        doc = Document(title=title)
        doc.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4 demo"), save=False)
        doc.save()
        return doc

    AnnualReport.objects.create(year=2024, language="ru", document=document("report-2024-ru"))
    AnnualReport.objects.create(year=2024, language="en", document=document("report-2024-en"))
    AnnualReport.objects.create(year=2023, language="ru", document=document("report-2023-ru"))

    html = client.get("/en/transparency/").content.decode()
    assert "report-2024-en" in html and "report-2024-ru" not in html
    assert "report-2023-ru" in html and "Available in Russian only" in html

    html = client.get("/ru/transparency/").content.decode()
    assert "report-2024-ru" in html and "report-2023-ru" in html
    assert "только" in html or "Available in" not in html


def test_a_refund_removes_the_gift_from_the_page(client, transparency_pages, make_card_gift):
    gifts = [make_card_gift("20", "USD") for _ in range(5)]
    assert ">100" in client.get("/en/transparency/").content.decode()
    gifts[0].change_status(Donation.Status.REFUNDED, refunded_at=timezone.now())
    html = client.get("/en/transparency/").content.decode()
    assert ">100" not in html and "fewer than 5" in html
