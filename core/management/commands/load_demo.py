"""Load the demo content: safe to run on every start, it only adds what is missing.

The steps are those the apps register (``core.demo``), run in order, each in its
own transaction.
"""

import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo import DemoContext, demo_steps

# Loggers that report every page save and background task at INFO; at the default
# verbosity they would bury the summary and the demo admin's password.
CHATTY_LOGGERS = ["django_tasks", "wagtail", "wagtail_localize"]


@contextmanager
def quiet_loggers(names, level=logging.WARNING):
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(level, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        for logger, old_level in zip(loggers, levels, strict=True):
            logger.setLevel(old_level)


class Command(BaseCommand):
    help = (
        "Create the demo content in Kyrgyz, Russian and English and a demo admin account. "
        "Idempotent: existing objects, and editors' changes to them, are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force-accounts",
            action="store_true",
            help="Create the demo accounts even when DEBUG is off.",
        )

    def handle(self, *args, force_accounts=False, verbosity=1, **options):
        ctx = DemoContext(stdout=self.stdout, force_accounts=force_accounts)
        with quiet_loggers(CHATTY_LOGGERS if verbosity < 2 else []):
            for step in demo_steps():
                with transaction.atomic():
                    step(ctx)
        if ctx.created:
            self.stdout.write(self.style.SUCCESS("Demo content: created"))
            for what, number in ctx.created.items():
                self.stdout.write(f"  {what}: {number}")
        else:
            self.stdout.write("Demo content: everything was already there, nothing changed.")
