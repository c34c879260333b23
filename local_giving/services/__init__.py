"""Offline gifts: bank-transfer and QR pledges, and staff confirming their transfers."""

from .pledges import (
    OFFLINE_CHANNELS,
    bank_account,
    create_pledge,
    pledge_from_token,
    pledge_token,
    pledge_url,
)
from .transfers import TransferError, confirm_transfer

__all__ = [
    "OFFLINE_CHANNELS",
    "TransferError",
    "bank_account",
    "confirm_transfer",
    "create_pledge",
    "pledge_from_token",
    "pledge_token",
    "pledge_url",
]
