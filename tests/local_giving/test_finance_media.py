"""The finance team (the "Donations" group) keeps its own media: the bank's QR code image and
the annual reports, in its own "Finance" collection, through the real admin views."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

import pytest
import segno

from core.accounts import DONATIONS, FINANCE_COLLECTION, setup_editorial_groups
from local_giving.models import AnnualReport
from local_giving.services import pledge_url

from .forms import form_fields


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def finance_collection(db):
    return Collection.objects.get(name=FINANCE_COLLECTION, depth=2)


@pytest.fixture
def finance_client(client, finance_user):
    client.force_login(finance_user)
    return client


# A real static ELQR link (Elcart p2p, a masked card, MCC 4822), published as a test vector by
# qr-kg/elqr-js: a code any check of the bank's QR image accepts.
BANK_LINK = (
    "https://pay.payqr.kg#00020101021132700013p2p.elcart.kg0101110323435fba7738e54e59d8f3e8e6"
    "64785d912021113021253034175204482259199417%20****%20****%20526963049EE1"
)


def qr_png(text):
    buffer = io.BytesIO()
    segno.make_qr(text).save(buffer, kind="png", scale=8)
    return SimpleUploadedFile("bank-qr.png", buffer.getvalue(), "image/png")


def pdf_file():
    """A small but real PDF (one empty page), written by pypdf."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile("annual-report-2025.pdf", buffer.getvalue(), "application/pdf")


def test_the_finance_group_has_its_collection_and_nothing_more(finance_collection):
    granted = GroupCollectionPermission.objects.filter(group__name=DONATIONS)
    assert {p.collection for p in granted} == {finance_collection}
    assert {p.permission.codename for p in granted} == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }
    assert not GroupPagePermission.objects.filter(group__name=DONATIONS).exists()


def test_setup_is_idempotent_and_keeps_a_renamed_collection(finance_collection):
    finance_collection.name = "Финансы"
    finance_collection.save()
    setup_editorial_groups()
    setup_editorial_groups()
    assert not Collection.objects.filter(name=FINANCE_COLLECTION).exists()
    assert GroupCollectionPermission.objects.filter(group__name=DONATIONS).count() == 6
    assert Collection.objects.get(pk=finance_collection.pk).numchild == 0


def test_setup_creates_the_collection_on_a_database_without_it(finance_collection):
    """As on a database migrated before the collection existed: it is made again."""
    finance_collection.delete()  # its permissions go with it
    setup_editorial_groups()
    collection = Collection.objects.get(name=FINANCE_COLLECTION)
    assert collection.get_parent() == Collection.get_first_root_node()
    assert GroupCollectionPermission.objects.filter(collection=collection).count() == 6
    # The tree stays valid for Wagtail's own code (treebeard).
    assert Collection.get_first_root_node().get_children().filter(pk=collection.pk).exists()
    sibling = Collection.get_first_root_node().add_child(name="Another")
    assert sibling.get_parent() == Collection.get_first_root_node()


def test_the_migration_gives_an_existing_database_the_collection(finance_collection):
    """home/0007 with the historical models (no treebeard methods there)."""
    import importlib

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    finance_collection.delete()
    Collection.get_first_root_node().add_child(name="Photos")  # an editor's collection
    state = MigrationLoader(connection).project_state(("home", "0008_finance_collection"))
    migration = importlib.import_module("home.migrations.0008_finance_collection")
    migration.forwards(state.apps, None)
    migration.forwards(state.apps, None)  # idempotent

    collection = Collection.objects.get(name=FINANCE_COLLECTION)
    root = Collection.get_first_root_node()
    assert collection.get_parent() == root and root.numchild == 2
    assert {c.name for c in root.get_children()} == {"Photos", FINANCE_COLLECTION}
    assert (
        GroupCollectionPermission.objects.filter(
            group__name=DONATIONS, collection=collection
        ).count()
        == 6
    )


def test_finance_uploads_the_bank_qr_and_donors_see_it_on_a_kgs_pledge(
    finance_client, finance_collection, accounts, make_pledge
):
    assert finance_client.get("/admin/images/add/").status_code == 200
    response = finance_client.post(
        "/admin/images/add/",
        {
            "title": "Bank QR code",
            "file": qr_png(BANK_LINK),
            "collection": finance_collection.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Bank QR code")
    assert image.collection == finance_collection

    chooser = finance_client.get("/admin/images/chooser/")
    assert chooser.status_code == 200 and "Bank QR code" in chooser.content.decode()

    # The bank account takes the bank's QR picture itself and keeps the code read from it.
    kgs = accounts["KGS"]
    edit_url = f"/admin/snippets/local_giving/bankaccount/edit/{kgs.pk}/"
    page = finance_client.get(edit_url).content.decode()
    data = form_fields(page, edit_url)
    assert "qr_payload" in data and "account" in data
    response = finance_client.post(edit_url, {**data, "qr_upload": qr_png(BANK_LINK)})
    assert response.status_code == 302, response.content.decode()[:3000]
    kgs.refresh_from_db()
    assert "p2p.elcart.kg0101110323435fba7738e54e59d8f3e8e664785d9" in kgs.qr_payload

    html = finance_client.get(pledge_url(make_pledge())).content.decode()
    # With "prefill" off the donor gets the bank's code as issued: its payment link.
    assert "p2p.elcart.kg0101110323435fba7738e54e59d8f3e8e664785d9" in html
    assert "pay__button" in html


def test_finance_uploads_an_annual_report_and_visitors_see_it(
    finance_client,
    finance_collection,
    transparency_pages,  # noqa: F811
):
    response = finance_client.post(
        "/admin/documents/add/",
        {"title": "Annual report 2025", "file": pdf_file(), "collection": finance_collection.pk},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get(title="Annual report 2025")
    assert document.collection == finance_collection

    chooser = finance_client.get("/admin/documents/chooser/")
    assert "Annual report 2025" in chooser.content.decode()

    response = finance_client.post(
        "/admin/snippets/local_giving/annualreport/add/",
        {"year": "2025", "language": "en", "document": document.pk},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert AnnualReport.objects.get(year=2025).document == document

    finance_client.logout()
    html = finance_client.get("/en/transparency/").content.decode()
    assert document.url in html and "Annual report 2025" in html
    served = finance_client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"%PDF-")


def test_finance_cannot_upload_outside_its_collection(finance_client, finance_collection):
    """With one collection allowed, Wagtail offers no choice: a forged root goes to Finance."""
    root = Collection.get_first_root_node()
    finance_client.post(
        "/admin/images/add/", {"title": "Elsewhere", "file": qr_png("x"), "collection": root.pk}
    )
    finance_client.post(
        "/admin/documents/add/", {"title": "Elsewhere", "file": pdf_file(), "collection": root.pk}
    )
    for model in (get_image_model(), get_document_model()):
        assert model.objects.get(title="Elsewhere").collection == finance_collection
        assert not model.objects.filter(collection=root).exists()


def test_finance_does_not_see_or_change_other_media(finance_client, finance_collection):
    other = get_image_model().objects.create(
        title="Editors' photo",
        file=qr_png("editors"),
        collection=Collection.get_first_root_node(),
    )
    assert "Editors' photo" not in finance_client.get("/admin/images/chooser/").content.decode()
    response = finance_client.post(f"/admin/images/{other.pk}/", {"title": "Changed"})
    other.refresh_from_db()
    assert other.title == "Editors' photo"
    assert response.status_code in (302, 403)


def test_finance_cannot_edit_pages(finance_client, home_page):
    response = finance_client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response.url == "/admin/"
    response = finance_client.post(
        f"/admin/pages/{home_page.pk}/edit/", {"title": "Taken over", "slug": home_page.slug}
    )
    home_page.refresh_from_db()
    assert home_page.title != "Taken over"
    assert finance_client.get(f"/admin/pages/{home_page.pk}/add_subpage/").status_code in (
        302,
        403,
    )
