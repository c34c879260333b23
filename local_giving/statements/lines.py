"""What every reader produces: one ParsedLine per statement line, or a StatementError."""

import datetime
from dataclasses import dataclass
from decimal import Decimal


class StatementError(ValueError):
    """The statement cannot be imported; ``problems`` lists what is wrong (nothing was written)."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class ParsedLine:
    line_number: int
    booked_on: datetime.date
    amount: Decimal  # money received is positive, money paid out negative
    currency: str
    purpose: str
    payer: str
    transaction_id: str
    fingerprint: str
