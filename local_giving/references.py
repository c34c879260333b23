"""Payment reference codes: short, easy to read aloud and type, with a check character.

A code looks like ``SOS-7KQ4-9XPM``: seven random characters and one check
character from an alphabet without 0/O, 1/I/L (and U/V stay apart enough in
print). The check character is computed with the Luhn mod N algorithm, which
catches any single mistyped character and any swap of two neighbours, so a
typo in a bank app's "purpose" field never matches somebody else's pledge.
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
    """The Luhn mod N check character of ``body`` (characters of ALPHABET)."""
    base = len(ALPHABET)
    factor = 2
    total = 0
    for char in reversed(body):
        addend = factor * ALPHABET.index(char)
        factor = 1 if factor == 2 else 2
        total += addend // base + addend % base
    return ALPHABET[(base - total % base) % base]


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
