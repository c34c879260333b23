import re
from types import SimpleNamespace

import pytest

from donations.models import Donation
from local_giving import references
from local_giving.services import create_pledge

from .keyboards import CYRILLIC, cyrillic_twin

CODE = re.compile(r"^SOS-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$")


def test_alphabet_has_no_confusable_characters():
    for char in "0O1IL":
        assert char not in references.ALPHABET
    assert len(set(references.ALPHABET)) == len(references.ALPHABET)


def test_new_codes_are_well_formed_and_valid():
    for _ in range(500):
        code = references.new_code()
        assert CODE.match(code), code
        assert references.is_valid(code[4:8] + code[9:])


def test_check_character_catches_every_single_typo_and_adjacent_swap():
    for _ in range(20):
        chars = references.new_code().replace("SOS-", "").replace("-", "")
        for i in range(len(chars)):
            for other in references.ALPHABET:
                if other != chars[i]:
                    typo = chars[:i] + other + chars[i + 1 :]
                    assert not references.is_valid(typo), (chars, typo)
            if i + 1 < len(chars) and chars[i] != chars[i + 1]:
                swapped = chars[:i] + chars[i + 1] + chars[i] + chars[i + 2 :]
                assert not references.is_valid(swapped), (chars, swapped)


@pytest.mark.parametrize(
    "purpose",
    [
        "Благотворительность SOS-{a}-{b}",
        "sos {a} {b} donation",
        "SOS{a}{b}",
        "Purpose: SOS-{a}{b}.",
        "пожертвование;SOS_{a}-{b}",
    ],
)
def test_codes_are_found_in_purpose_texts(purpose):
    code = references.new_code()
    a, b = code[4:8], code[9:]
    assert references.find_codes(purpose.format(a=a.lower() if "sos " in purpose else a, b=b)) == [
        code
    ]


def test_a_typo_in_the_purpose_finds_no_code():
    code = references.new_code()
    last = code[-1]
    wrong = references.ALPHABET[(references.ALPHABET.index(last) + 1) % len(references.ALPHABET)]
    assert references.find_codes(f"Donation {code[:-1]}{wrong}") == []
    assert references.normalize("not a code") is None


def test_pledges_get_distinct_codes(make_pledge):
    codes = {make_pledge().reference_code for _ in range(100)}
    assert len(codes) == 100
    assert all(CODE.match(code) for code in codes)


def test_create_pledge_draws_again_on_a_collision(pledge_data, monkeypatch):
    # A random source that repeats its first code once: the second pledge collides, then redraws.
    rng = iter("2345678" * 2 + "ABCDEFG")
    monkeypatch.setattr(references, "secrets", SimpleNamespace(choice=lambda alphabet: next(rng)))
    first = create_pledge(**pledge_data)
    second = create_pledge(**pledge_data)
    assert first.reference_code == references.format_code(
        "2345678" + references.check_character("2345678")
    )
    assert second.reference_code.startswith("SOS-ABCD-EFG")
    assert Donation.objects.count() == 2


def test_create_pledge_makes_a_pending_offline_donation(make_pledge, fund):
    pledge = make_pledge(extra_key_from_the_form="ignored")
    assert pledge.status == Donation.Status.PENDING
    assert pledge.channel == Donation.Channel.BANK_TRANSFER
    assert pledge.pledged_amount == pledge.amount == 1000
    assert pledge.fund == fund
    assert pledge.receipt_number is None


# Codes typed on a Cyrillic keyboard ------------------------------------------------------

TYPED = references.ALPHABET + references.ALPHABET.lower() + "".join(CYRILLIC.values()) + "ОоІі"


def code_with_lookalikes(rng):
    body = "".join(rng.choice("ABCEHKMPTXY3" + references.ALPHABET) for _ in range(7))
    return references.format_code(body + references.check_character(body))


def test_every_lookalike_letter_of_the_alphabet_folds_to_latin():
    for latin, twins in CYRILLIC.items():
        for twin in twins:
            assert references.fold(twin) == latin, (twin, latin)
    assert references.fold("ＳＯＳ－２") == "SOS-2"  # full-width forms


@pytest.mark.parametrize("variant", [0, 1, 2, 3])
def test_a_code_typed_with_cyrillic_lookalikes_is_the_same_code(variant):
    import random

    rng = random.Random(variant)
    for _ in range(200):
        code = code_with_lookalikes(rng)
        typed = cyrillic_twin(code, variant)
        assert references.find_codes(f"Кайрымдуулук {typed}") == [code], typed
        assert references.normalize(typed) == code


def test_folding_still_catches_every_single_typo_and_adjacent_swap():
    """Exhaustive for 40 codes: every character that can be typed (Latin, lower case and the
    Cyrillic look-alikes) at every position, and every swap of neighbours."""
    import random

    rng = random.Random(16)
    for _ in range(40):
        code = code_with_lookalikes(rng)
        chars = code[4:8] + code[9:]
        typed = cyrillic_twin(chars, rng.randrange(4))
        for i in range(len(typed)):
            for other in TYPED:
                if references.fold(other) == chars[i]:
                    continue  # the same letter, typed another way: not a typo
                typo = typed[:i] + other + typed[i + 1 :]
                text = f"SOS-{typo[:4]}-{typo[4:]}"
                assert references.find_codes(text) == [], (code, text)
            if i + 1 < len(typed) and chars[i] != chars[i + 1]:
                swapped = typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :]
                text = f"SOS-{swapped[:4]}-{swapped[4:]}"
                assert references.find_codes(text) == [], (code, text)
