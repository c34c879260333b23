"""Queue the sweep of refunds that arrived before their payment (donations.tasks).

    */5 * * * * cd /srv/sos && .venv/bin/python manage.py retry_waiting_refunds

django-tasks has no scheduler of its own, so cron (or the worker container's loop)
runs this every few minutes; the worker then applies every waiting refund that now
matches a gift. Idempotent: a refund is applied once however often it runs.
"""

from django.core.management.base import BaseCommand

from donations.tasks import retry_waiting_refunds


class Command(BaseCommand):
    help = "Queue the sweep that applies refunds which arrived before their payment."

    def handle(self, *args, **options):
        result = retry_waiting_refunds.enqueue()
        if result.is_finished:
            self.stdout.write(f"Applied {result.return_value} waiting refund(s).")
        else:
            self.stdout.write("Queued the sweep of waiting refunds.")
