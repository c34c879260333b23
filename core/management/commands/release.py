"""The one command a deploy runs before the new code serves: `manage.py release`.

Checks the deployment settings, applies migrations, compiles the catalogues,
collects the static files, then retires every page, fragment and route that
the page cache holds for this release. Run it once per deploy, before the
new app servers start (compose.yaml's `release` service, docs/production.md).
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.caching.store import generation_key, page_cache
from core.release import release_id


class Command(BaseCommand):
    help = "Deploy steps: check, migrate, compile catalogues, collect static, retire caches."

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        self.stdout.write("Checking the deployment settings")
        call_command("check", deploy=True, verbosity=verbosity)
        self.stdout.write("Applying migrations")
        call_command("migrate", interactive=False, verbosity=verbosity)
        self.stdout.write("Compiling the translation catalogues")
        call_command("compile_catalogues", verbosity=verbosity)
        self.stdout.write("Collecting the static files")
        call_command("collectstatic", interactive=False, verbosity=verbosity)
        # The id is taken afresh: the static manifest may have changed just now.
        release_id.cache_clear()
        release = release_id()
        # Without a generation the next request starts a new one: nothing cached before
        # this command, under this release's key, is served again.
        page_cache().delete(generation_key(release))
        self.stdout.write(self.style.SUCCESS(f"Release {release} is ready to serve"))
