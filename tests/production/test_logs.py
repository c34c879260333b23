"""Logs: card numbers, e-mails and keys are masked everywhere, bank accounts are kept."""

import json
import logging

import pytest
import requests

from core.logs import RedactingFilter, passes_luhn, redact

from .servers import HEADERS, gunicorn, production_env

# Card numbers from the schemes' published test ranges (all pass Luhn).
CARDS = [
    "4242 4242 4242 4242",  # Visa
    "4000-0566-5566-5556",  # Visa debit, dashes
    "5555555555554444",  # Mastercard
    "2223003122003222",  # Mastercard 2-series
    "378282246310005",  # American Express, 15 digits
    "6011111111111117",  # Discover
    "4111111111111111110",  # Visa, 19 digits
]
# Bank account numbers as finance reads them in statement imports.
ACCOUNTS = [
    "1280016034117021",  # Kyrgyz account (bank code 128)
    "1090000123456781",  # Kyrgyz account (bank code 109) that happens to pass Luhn
    "4400123456789012",  # a foreign 16-digit account that fails Luhn
]


@pytest.mark.parametrize("card", CARDS)
def test_card_numbers_are_masked(card):
    assert redact(f"paid with {card} today") == "paid with [card number removed] today"


@pytest.mark.parametrize("account", ACCOUNTS)
def test_bank_account_numbers_are_kept(account):
    line = f"statement row: account {account}, 1500.00 KGS"
    assert redact(line) == line


def test_luhn():
    assert passes_luhn("4242424242424242")
    assert not passes_luhn("4242424242424241")
    assert not passes_luhn("4400123456789012")


def test_the_filter_masks_the_formatted_message():
    record = logging.LogRecord(
        "sos_site.test", logging.INFO, __file__, 1, "%s paid %s into %s", None, None
    )
    record.args = ("donor.name@example.org", "4242424242424242", "1280016034117021")
    RedactingFilter().filter(record)
    assert (
        record.getMessage() == "d***@example.org paid [card number removed] into 1280016034117021"
    )


def test_gunicorn_access_log_is_redacted(tmp_path):
    """The access log line goes through the same filter as Django's logs."""
    env = production_env(tmp_path, LOG_LEVEL="WARNING")
    path = "/en/donor.name@example.org/4242424242424242/1280016034117021/"
    with gunicorn(env, tmp_path / "gunicorn.log") as base:
        requests.get(base + path, headers=HEADERS, timeout=30, allow_redirects=False)
    lines = [
        json.loads(line)
        for line in (tmp_path / "gunicorn.log").read_text().splitlines()
        if line.startswith("{")
    ]
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert access, lines
    message = access[-1]["message"]
    assert message.startswith("GET /en/d***@example.org/[card number removed]/1280016034117021/ ")
    assert "donor.name" not in json.dumps(lines)
    assert "4242424242424242" not in json.dumps(lines)
