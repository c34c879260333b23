"""manage.py forget_unfinished_gifts: the daily retention sweep (donations/privacy.py).

    17 3 * * * cd /srv/sos && .venv/bin/python manage.py forget_unfinished_gifts

Queues donations.retention.forget_unfinished_gifts_task for the worker (or, with
--now or a backend that runs tasks at once, runs it here and prints what it changed).
Gifts that never completed lose the donor's name, email and dedication once they are
older than DONATION_PENDING_RETENTION_DAYS; their amounts stay. Idempotent.
"""

from django.core.management.base import BaseCommand

from donations.privacy import forget_unfinished_gifts
from donations.retention import forget_unfinished_gifts_task


class Command(BaseCommand):
    help = (
        "Forget the donor's name, email and dedication of gifts that never completed and are "
        "older than DONATION_PENDING_RETENTION_DAYS (amounts are kept)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Run the sweep here instead of queueing it."
        )

    def handle(self, *args, now=False, **options):
        if now:
            counts = forget_unfinished_gifts().counts()
        else:
            result = forget_unfinished_gifts_task.enqueue()
            if not result.is_finished:
                self.stdout.write("Queued the sweep of unfinished gifts.")
                return
            counts = result.return_value
        self.stdout.write(
            f"Forgot the donor of {counts['donations']} unfinished gift(s); "
            f"{counts['statement_lines']} bank statement line(s) and "
            f"{counts['stripe_events']} stored Stripe event(s) cleaned."
        )
