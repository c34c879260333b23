"""Payment reference codes: short, easy to read aloud and type, with a check character.

A code looks like ``SOS-7KQ4-9XPM``: seven random characters and one check
character from a 31-letter alphabet without 0/O and 1/I/L. The check character
catches any single mistyped character and any swap of two neighbours, so a typo
in a bank app's "purpose" field never matches somebody else's pledge.

Donors in Kyrgyzstan often type the purpose on a Cyrillic keyboard: ``fold``
turns letters that look like the Latin letters of a code (Cyrillic А В Е К М Н
Р С Т Х У Ү and the lower case ones, Greek capitals, full-width forms) into
those Latin letters before a code is looked for, so ``SОS-7КQ4-9ХРМ`` typed with
Cyrillic letters is the same code as its Latin twin.
"""

import re
import secrets
import unicodedata

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "SOS"
RANDOM_LENGTH = 7

# Upper-case look-alikes of Latin letters (lower case is upper-cased first). О, І and Ӏ
# fold too: O and I are not in the alphabet, but O is in the prefix "SOS".
LOOKALIKES = str.maketrans(
    {
        # Cyrillic, including the Kyrgyz Ү and the Serbian/Macedonian Ѕ and Ј
        "А": "A",
        "В": "B",
        "С": "C",
        "Е": "E",
        "Н": "H",
        "І": "I",
        "Ӏ": "I",
        "Ј": "J",
        "К": "K",
        "М": "M",
        "О": "O",
        "Р": "P",
        "Ѕ": "S",
        "Т": "T",
        "Х": "X",
        "У": "Y",
        "Ү": "Y",
        "З": "3",
        # Greek capitals
        "Α": "A",
        "Β": "B",
        "Ε": "E",
        "Ζ": "Z",
        "Η": "H",
        "Ι": "I",
        "Κ": "K",
        "Μ": "M",
        "Ν": "N",
        "Ο": "O",
        "Ρ": "P",
        "Τ": "T",
        "Υ": "Y",
        "Χ": "X",
    }
)

# In a bank statement's purpose text: SOS, then two groups of four, any separators.
_FOUND = re.compile(
    rf"{PREFIX}[\s\-_.:/#]*([{ALPHABET}]{{4}})[\s\-_.]*([{ALPHABET}]{{4}})(?![{ALPHABET}])"
)


def check_character(body):
    """The check character of ``body``: position-weighted sum modulo 31 (a prime).

    With weights 1, 2, ... (the check character last) and a prime modulus, any
    single changed character and any swap of two neighbours changes the sum.
    """
    base = len(ALPHABET)  # 31
    total = sum(weight * ALPHABET.index(char) for weight, char in enumerate(body, start=1))
    weight = len(body) + 1
    # Solve total + weight * check = 0 (mod 31).
    return ALPHABET[(-total * pow(weight, -1, base)) % base]


def is_valid(body_with_check):
    body_with_check = fold(body_with_check)
    body, check = body_with_check[:-1], body_with_check[-1]
    return all(c in ALPHABET for c in body_with_check) and check_character(body) == check


def format_code(chars):
    return f"{PREFIX}-{chars[:4]}-{chars[4:]}"


def new_code():
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return format_code(body + check_character(body))


def normalize(text):
    """The canonical ``SOS-XXXX-XXXX`` form of a typed code, or None if it is not one."""
    found = find_codes(text)
    return found[0] if len(found) == 1 else None


def fold(text):
    """``text`` in upper case with look-alike letters and full-width forms made Latin."""
    return unicodedata.normalize("NFKC", text or "").upper().translate(LOOKALIKES)


def find_codes(text):
    """Every well-formed code (valid check character) in a free text, in order, deduplicated.

    Look-alike letters are folded first (``fold``), so a code typed in Cyrillic is found.
    """
    codes = []
    for match in _FOUND.finditer(fold(text)):
        chars = match.group(1) + match.group(2)
        code = format_code(chars)
        if is_valid(chars) and code not in codes:
            codes.append(code)
    return codes
