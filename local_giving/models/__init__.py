"""Local giving's models: bank accounts, bank statements, programme funds, reports, pages."""

from .bank_accounts import PLACEHOLDER, TEST_PAYMENT_SOM, TEST_REFERENCE, BankAccount
from .pages import TransparencyPage
from .programme_funds import ProgrammeFund
from .reports import AnnualReport
from .statements import StatementFormat, StatementImport, StatementLine

__all__ = [
    "PLACEHOLDER",
    "TEST_PAYMENT_SOM",
    "TEST_REFERENCE",
    "AnnualReport",
    "BankAccount",
    "ProgrammeFund",
    "StatementFormat",
    "StatementImport",
    "StatementLine",
    "TransparencyPage",
]
