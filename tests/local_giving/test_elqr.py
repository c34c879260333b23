"""ELQR: real production links from Kyrgyz banks (elqr_vectors), and tampered ones.

The checksums are checked here with hashlib directly, from the published rule, not
only through our own module.
"""

import hashlib
from urllib.parse import unquote

from django.utils import translation

import pytest

from local_giving import elqr

from .elqr_vectors import VECTORS


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def bare(link):
    return unquote(link.split("#", 1)[1])


def published_checksum_holds(payload):
    """The published rule, written out independently: SHA-256 of all before '6304'."""
    body, stated = payload[:-8], payload[-4:]
    assert payload[-8:-4] == "6304"
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[-4:] == stated.lower()


@pytest.mark.parametrize("name", VECTORS)
def test_real_links_parse_and_verify(name):
    link, payee, provider, recipient, amount, kind = VECTORS[name]
    payload = elqr.read(link)
    assert payload.payee_name == payee
    assert payload.provider == provider
    assert payload.recipient == recipient
    assert payload.amount_tyiyn == amount
    assert payload.type == kind
    assert payload.currency == elqr.KGS
    assert published_checksum_holds(payload.text())


@pytest.mark.parametrize("name", VECTORS)
def test_real_payloads_round_trip_byte_for_byte(name):
    payload = bare(VECTORS[name][0])
    parsed = elqr.read(payload)
    assert parsed.text() == payload
    # Built again from its fields, with the checksum computed by us (lower case).
    rebuilt = elqr.build(parsed.fields[:-1])
    assert rebuilt == payload[:-4] + payload[-4:].lower()
    # Our link decodes to the same payload.
    assert bare(parsed.link()) == payload
    assert elqr.read(parsed.link()).text() == payload


def test_nested_fields_and_flags():
    dcb = elqr.read(VECTORS["dcb"][0])
    assert dcb.subfields("33") == {"00": "34077", "01": "Simbank-по номеру телефона"}
    assert dcb.amount_editable is True
    assert elqr.read(VECTORS["obank_amount"][0]).amount_editable is False
    assert elqr.read(VECTORS["finik_static_a"][0]).amount_editable is None
    c2b = elqr.read(VECTORS["mbank_c2b"][0])
    assert c2b.subfields("32")["11"] == 'ОсОО "Диджитал Солюшнс"'
    assert c2b.comment == "mbiz:27621834:18660308"
    assert elqr.read(VECTORS["bakai"][0]).merchant_id == "BAKAIAPP"


def test_plus_for_space_is_read():
    link = VECTORS["mbank"][0].replace("%20", "+")
    assert elqr.read(link).payee_name == "KIRILL B."


def test_a_bare_payload_may_carry_a_hash_sign():
    body = "000201010211" + "32160012c2c.mbank.kg" + "3404#123" + "52049999" + "5303417"
    body += "5901X"
    payload = body + "6304" + hashlib.sha256(body.encode()).hexdigest()[-4:]
    assert elqr.read(payload).comment == "#123"
    assert elqr.read(elqr.read(payload).link()).comment == "#123"


def test_a_link_without_its_scheme_is_read():
    link = VECTORS["bakai"][0].removeprefix("https://")
    assert elqr.read(link).payee_name == "Kirill B."


def test_bare_percent_encoded_fragment_is_read():
    fragment = VECTORS["dcb"][0].split("#", 1)[1]
    assert elqr.read(fragment).text() == bare(VECTORS["dcb"][0])


@pytest.mark.parametrize("name", VECTORS)
def test_a_changed_digit_is_refused(name):
    payload = bare(VECTORS[name][0])
    # Change one digit of the recipient (inside 32), keeping every length right.
    recipient = VECTORS[name][3]
    at = payload.index(recipient) + len(recipient) - 1
    digit = payload[at]
    changed = "0" if digit != "0" else "1"
    tampered = payload[:at] + changed + payload[at + 1 :]
    with pytest.raises(elqr.ElqrError, match="checksum does not match"):
        elqr.read(tampered)


def test_a_wrong_checksum_is_refused():
    payload = bare(VECTORS["mbank"][0])
    with pytest.raises(elqr.ElqrError, match="says 7128"):
        elqr.read(payload[:-4] + "7128")


def test_a_missing_required_field_is_refused_even_with_a_good_checksum():
    body = "000201010211" + "32160012c2c.mbank.kg" + "52049999" + "5303417"
    assert "59" not in [body[i : i + 2] for i in (0, 6, 12, 32, 40)]
    payload = body + "6304" + hashlib.sha256(body.encode()).hexdigest()[-4:]
    with pytest.raises(elqr.ElqrError, match="Required field 59 is missing"):
        elqr.read(payload)


def test_a_length_running_past_the_end_is_refused():
    payload = bare(VECTORS["mbank"][0])
    cut = payload[: payload.index("5909KIRILL") + 8]
    with pytest.raises(elqr.ElqrError, match="Field 59 declares 9 characters, but only 4 remain"):
        elqr.read(cut)


def test_a_broken_nested_field_is_named():
    body = "000201010211" + "32080012c2c." + "52049999" + "5303417" + "5901X"
    payload = body + "6304" + hashlib.sha256(body.encode()).hexdigest()[-4:]
    with pytest.raises(elqr.ElqrError, match="In field 32: Field 00 declares 12 characters"):
        elqr.read(payload)


@pytest.mark.parametrize("text", ["", "hello world", "https://example.org/#abc", "BCD\n002\n1"])
def test_other_content_is_not_elqr(text):
    with pytest.raises(elqr.ElqrError):
        elqr.read(text)


def test_errors_speak_the_active_language():
    with translation.override("ru"), pytest.raises(elqr.ElqrError) as caught:
        elqr.read(bare(VECTORS["mbank"][0])[:-4] + "0000")
    assert "контрольная сумма" in str(caught.value).lower()


@pytest.mark.parametrize("name", VECTORS)
def test_derive_sets_amount_and_comment_and_keeps_the_rest(name):
    original = elqr.read(VECTORS[name][0])
    derived = original.derive(amount_tyiyn=150000, comment="SOS-7KQ4-9XPM")
    assert derived.amount_tyiyn == 150000 and derived.comment == "SOS-7KQ4-9XPM"
    assert published_checksum_holds(derived.text())
    kept = [f for f in original.fields if f.id not in ("34", "54", "63")]
    assert [f for f in derived.fields if f.id not in ("34", "54", "63")] == kept
    ids = [f.id for f in derived.fields]
    assert ids[-1] == "63" and ids.count("54") == 1 and ids.count("34") == 1


def test_derive_puts_new_fields_in_id_order():
    derived = elqr.read(VECTORS["mbank"][0]).derive(amount_tyiyn=100000, comment="SOS-7KQ4-9XPM")
    assert [f.id for f in derived.fields] == ["00", "01", "32", "34", "52", "53", "54", "59", "63"]


def test_build_refuses_a_value_too_long():
    with pytest.raises(elqr.ElqrError, match="at most 99"):
        elqr.build([("59", "x" * 100)])
