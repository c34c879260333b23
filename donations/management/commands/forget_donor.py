"""manage.py forget_donor EMAIL: remove a donor's personal data, keep the accounting record.

See donations/privacy.py for what is removed and what is kept. The email is never
printed in full (a***@example.org), so the command's output can go to a ticket or log.
"""

from django.core.management.base import BaseCommand, CommandError

from donations.privacy import forget_donor, mask_email


class Command(BaseCommand):
    help = (
        "Remove the personal data (name, email, dedication, Stripe customer id) of every "
        "donation made with EMAIL; amounts, funds, dates and receipt numbers are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The donor's email address (any letter case).")

    def handle(self, *args, email, **options):
        if "@" not in email:
            raise CommandError("Give the donor's email address, e.g. forget_donor a@example.org")
        masked = mask_email(email)
        result = forget_donor(email)
        if not result.changed:
            self.stdout.write(f"No personal data stored for {masked}; nothing changed.")
            return
        self.stdout.write(
            f"Forgot {masked}: {result.donations} donation(s) anonymised "
            f"({result.receipts_kept} with a receipt number, kept), "
            f"{result.statement_lines} bank statement line(s) and "
            f"{result.stripe_events} stored Stripe event(s) cleaned."
        )
        for subscription in result.active_subscriptions:
            self.stdout.write(
                self.style.WARNING(
                    f"Monthly gift {subscription} is still active at Stripe: cancel it and "
                    "delete the customer in the Stripe Dashboard."
                )
            )
        if not result.active_subscriptions:
            self.stdout.write(
                "Stripe keeps its own copy: delete the customer in the Stripe Dashboard if the "
                "donor paid by card."
            )
