"""Load the demo content: safe to run on every start, it only adds what is missing."""

import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from home.demo import DEMO_LOADERS
from home.demo.base import DemoContext

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


def get_demo_loaders():
    return [import_string(step) if isinstance(step, str) else step for step in DEMO_LOADERS]


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
            for step in get_demo_loaders():
                with transaction.atomic():
                    step(ctx)
        if ctx.created:
            self.stdout.write(self.style.SUCCESS("Demo content: created"))
            for what, number in ctx.created.items():
                self.stdout.write(f"  {what}: {number}")
        else:
            self.stdout.write("Demo content: everything was already there, nothing changed.")
