"""Payment reference codes: short, easy to read aloud and type, with a check character.

A code looks like ``SOS-7KQ4-9XPM``: seven random characters and one check
character from a 31-letter alphabet without 0/O and 1/I/L. The check character
catches any single mistyped character and any swap of two neighbours, so a typo
in a bank app's "purpose" field never matches somebody else's pledge.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "SOS"
RANDOM_LENGTH = 7

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


def find_codes(text):
    """Every well-formed code (valid check character) in a free text, in order, deduplicated."""
    codes = []
    for match in _FOUND.finditer((text or "").upper()):
        chars = match.group(1) + match.group(2)
        code = format_code(chars)
        if is_valid(chars) and code not in codes:
            codes.append(code)
    return codes
