from .donations import Donation, ReceiptSequence, donation_status_changed
from .funds import Currency, Fund, PresetAmount
from .pages import DonatePage
from .stripe_events import StripeEvent

__all__ = [
    "Currency",
    "DonatePage",
    "Donation",
    "Fund",
    "PresetAmount",
    "ReceiptSequence",
    "StripeEvent",
    "donation_status_changed",
]
