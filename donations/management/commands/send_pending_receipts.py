"""Enqueue the receipt email of every paid donation that has not had it yet.

The safety net behind the send_receipt task: after a mail outage that outlasted the
retries, or on a backend that cannot retry later. Idempotent: send_receipt claims each
donation before sending, so running this twice sends nothing twice.
"""

from django.core.management.base import BaseCommand

from donations.tasks import receipt_owed, send_receipt


class Command(BaseCommand):
    help = "Enqueue receipt emails still owed to donors (paid, not voided, not yet emailed)."

    def handle(self, *args, **options):
        ids = list(receipt_owed().order_by("paid_at", "pk").values_list("pk", flat=True))
        for donation_id in ids:
            send_receipt.enqueue(donation_id)
        self.stdout.write(f"Enqueued {len(ids)} receipt email(s).")
