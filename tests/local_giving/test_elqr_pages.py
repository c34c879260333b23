"""The KGS pledge page pays in the bank app; the admin takes and checks the bank's code."""

import hashlib
import html as html_lib
import io
import re
from decimal import Decimal
from urllib.parse import unquote

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

import pytest
import segno
from PIL import Image

from local_giving import elqr
from local_giving.models import TEST_REFERENCE, BankAccount
from local_giving.services import confirm_transfer, pledge_url

from . import qr_reading
from .elqr_vectors import VECTORS

DCB_LINK = VECTORS["dcb"][0]
DCB_PAYLOAD = unquote(DCB_LINK.split("#", 1)[1])
BUTTON = re.compile(r'<a class="button button--large pay__button" href="([^"]+)"')


def edit_url(account):
    return f"/admin/snippets/local_giving/bankaccount/edit/{account.pk}/"


@pytest.fixture
def kgs(accounts):
    account = accounts["KGS"]
    account.qr_payload = DCB_LINK
    account.full_clean()
    account.save()
    return account


def page(client, pledge):
    return client.get(pledge_url(pledge)).content.decode()


def button_link(html):
    return html_lib.unescape(BUTTON.search(html).group(1))


def published_checksum_holds(payload):
    return hashlib.sha256(payload[:-8].encode()).hexdigest()[-4:] == payload[-4:].lower()


def test_pasted_link_is_stored_as_the_payload(kgs):
    assert kgs.qr_payload == DCB_PAYLOAD


def test_prefill_off_shows_the_bank_code_as_issued(client, kgs, make_pledge):
    html = page(client, make_pledge(language="en"))
    link = button_link(html)
    assert link.startswith("https://pay.payqr.kg/#")
    assert unquote(link.split("#", 1)[1]) == DCB_PAYLOAD
    assert "Enter the amount and write your reference" in html


def test_prefill_on_sets_amount_and_reference_and_keeps_the_rest(client, kgs, make_pledge):
    kgs.qr_prefill = True
    kgs.save()
    pledge = make_pledge(amount=Decimal("1500"), language="ru")
    link = button_link(page(client, pledge))
    payload = unquote(link.split("#", 1)[1])
    assert published_checksum_holds(payload)
    read = elqr.read(link)
    assert read.amount_tyiyn == 150000
    assert read.comment == pledge.reference_code
    issued = elqr.read(DCB_PAYLOAD)
    assert [f for f in read.fields if f.id not in ("34", "54", "63")] == list(issued.fields[:-1])


def test_qr_code_on_the_page_encodes_exactly_the_button_link(client, kgs, make_pledge):
    kgs.qr_prefill = True
    kgs.save()
    html = page(client, make_pledge(language="ky"))
    figure = html.split('<figure class="pay__qr qr">', 1)[1].split("</figure>", 1)[0]
    assert qr_reading.svg_text(figure) == button_link(html)


def test_the_button_comes_right_after_the_heading(client, kgs, make_pledge):
    html = page(client, make_pledge(language="ky"))
    main = html.split("</h1>", 1)[1]
    first_tag = re.search(r"<(a|p|section|figure|dl)\b[^>]*>", main).group(0)
    assert "pay__button" in first_tag
    assert "Банктын тиркемесинде төлөө" in html
    order = [main.index(marker) for marker in ("pay__button", "pay__check", "pay__qr", "details")]
    assert order == sorted(order)


def test_link_prefix_of_the_bank(client, kgs, make_pledge):
    kgs.qr_link_prefix = "https://app.mbank.kg/qr/#"
    kgs.save()
    assert button_link(page(client, make_pledge())).startswith("https://app.mbank.kg/qr/#0002")


def test_without_a_bank_code_there_is_no_button(client, accounts, make_pledge):
    html = page(client, make_pledge(language="en"))
    assert "pay__button" not in html and "Your payment reference" in html


def test_a_paid_pledge_has_no_button(client, kgs, make_pledge):
    pledge = make_pledge(language="en")
    confirm_transfer(pledge.reference_code, Decimal("1000"), timezone.localdate())
    assert "pay__button" not in page(client, pledge)


def test_a_code_broken_in_the_database_shows_no_button(client, kgs, make_pledge):
    BankAccount.objects.filter(pk=kgs.pk).update(qr_payload=DCB_PAYLOAD[:-1] + "0")
    html = page(client, make_pledge(language="en"))
    assert "pay__button" not in html and "Your payment reference" in html


# The admin ---------------------------------------------------------------------------------


def form_data(account, **changes):
    data = {
        "currency": account.currency,
        "recipient_ky": account.recipient,
        "recipient_ru": account.recipient,
        "recipient_en": account.recipient,
        "bank_name_ky": account.bank_name,
        "bank_name_ru": account.bank_name,
        "bank_name_en": account.bank_name,
        "bic": account.bic,
        "account": account.account,
        "payment_purpose_ky": account.payment_purpose,
        "payment_purpose_ru": account.payment_purpose,
        "payment_purpose_en": account.payment_purpose,
        "qr_payload": "",
        "qr_link_prefix": elqr.DEFAULT_LINK_PREFIX,
        "is_active": "on",
    }
    data.update(changes)
    return data


@pytest.fixture
def admin_client(client, django_user_model, db):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "x" * 16)
    client.force_login(user)
    client.user = user
    return client


def test_admin_reads_a_pasted_link_and_offers_the_test_payment(admin_client, accounts):
    account = accounts["KGS"]
    response = admin_client.post(edit_url(account), form_data(account, qr_payload=DCB_LINK))
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.qr_payload == DCB_PAYLOAD and not account.qr_prefill
    html = admin_client.get(edit_url(account)).content.decode()
    for shown in ("Simbank", "qr.dcb.kg", "996554185519", "417", "static"):
        assert shown in html
    test_link = html_lib.unescape(re.search(r'href="(https://pay\.payqr\.kg/#[^"]+)"', html)[1])
    test = elqr.read(test_link)
    assert test.amount_tyiyn == 1000 and test.comment == TEST_REFERENCE
    figure = html.split("<figure>", 1)[1].split("</figure>", 1)[0]
    assert qr_reading.svg_text(figure) == test_link


@pytest.mark.parametrize(
    ("pasted", "sentence"),
    [
        (DCB_LINK[:-4] + "5e94", "The checksum does not match"),
        (DCB_LINK.replace("996554185519", "996554185518"), "The checksum does not match"),
        ("https://example.org/pay", "This is not a valid ELQR payment code"),
        ("BCD\n002\n1\nSCT", "This is not a valid ELQR payment code"),
    ],
)
def test_admin_refuses_a_bad_code_with_a_sentence(admin_client, accounts, pasted, sentence):
    account = accounts["KGS"]
    response = admin_client.post(edit_url(account), form_data(account, qr_payload=pasted))
    assert response.status_code == 200
    assert sentence in html_lib.unescape(response.content.decode())
    account.refresh_from_db()
    assert account.qr_payload == ""


def test_admin_refuses_a_code_in_another_currency(admin_client, accounts):
    body = "".join(f.encode() for f in elqr.read(DCB_PAYLOAD).fields[:-1]).replace(
        "5303417", "5303840"
    )
    usd = body + "6304" + hashlib.sha256(body.encode()).hexdigest()[-4:]
    account = accounts["KGS"]
    response = admin_client.post(edit_url(account), form_data(account, qr_payload=usd))
    assert "This code is for currency 840" in html_lib.unescape(response.content.decode())


def test_admin_sentence_is_in_the_admin_language(admin_client, accounts):
    profile = admin_client.user.wagtail_userprofile
    profile.preferred_language = "ru"
    profile.save()
    account = accounts["KGS"]
    response = admin_client.post(
        edit_url(account), form_data(account, qr_payload=DCB_LINK[:-4] + "0000")
    )
    assert "Контрольная сумма не совпадает" in html_lib.unescape(response.content.decode())


def png(text):
    buffer = io.BytesIO()
    segno.make_qr(text, error="m").save(buffer, kind="png", scale=6)
    return SimpleUploadedFile("bank-qr.png", buffer.getvalue(), content_type="image/png")


def test_admin_reads_the_bank_qr_image(admin_client, accounts):
    account = accounts["KGS"]
    data = form_data(account, qr_upload=png(VECTORS["mbank"][0]))
    assert admin_client.post(edit_url(account), data).status_code == 302
    account.refresh_from_db()
    assert account.qr_payload == unquote(VECTORS["mbank"][0].split("#", 1)[1])


def test_admin_refuses_an_image_without_a_qr_code(admin_client, accounts):
    buffer = io.BytesIO()
    Image.new("RGB", (200, 200), "white").save(buffer, format="PNG")
    upload = SimpleUploadedFile("blank.png", buffer.getvalue(), content_type="image/png")
    account = accounts["KGS"]
    response = admin_client.post(edit_url(account), form_data(account, qr_upload=upload))
    assert "No QR code could be read in this image" in response.content.decode()


def test_admin_refuses_a_code_on_another_currency_account(admin_client, accounts):
    account = accounts["EUR"]
    response = admin_client.post(edit_url(account), form_data(account, qr_payload=DCB_LINK))
    assert "Only the KGS account takes an ELQR payment code" in response.content.decode()


def test_admin_refuses_a_link_prefix_without_https(admin_client, accounts):
    account = accounts["KGS"]
    data = form_data(account, qr_link_prefix="http://pay.payqr.kg/")
    response = admin_client.post(edit_url(account), data)
    assert "must start with https:// and end with #" in response.content.decode()


def test_errors_sentence_helper_uses_gettext():
    with translation.override("ky"), pytest.raises(elqr.ElqrError) as caught:
        elqr.read("")
    assert str(caught.value) != "The code is empty."


def test_admin_warns_about_a_dynamic_code(admin_client, accounts):
    account = accounts["KGS"]
    dynamic = VECTORS["finik_dynamic"][0]
    assert (
        admin_client.post(edit_url(account), form_data(account, qr_payload=dynamic)).status_code
        == 302
    )
    html = html_lib.unescape(admin_client.get(edit_url(account)).content.decode())
    assert "dynamic (for one payment)" in html and "meant for one payment" in html
