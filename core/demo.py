"""The demo content steps that `manage.py load_demo` runs, registered by each app.

An app registers a step with a Wagtail hook in its ``wagtail_hooks.py``; the
command runs the steps in hook order, each in its own transaction, passing a
``DemoContext``. A step must be idempotent: create only what is missing, never
overwrite what exists (editors may have changed it). The orders in use:

    100 home          locales and the default site (home.demo.site.ensure_locales)
    200 home          organisation settings
    300 home          snippets
    400 home          pages, in three languages
    500 donations     funds and preset amounts
    600 local_giving  bank accounts, transparency page, demo gifts
    700 home          the demo superuser
    800 core          editorial groups, workflow and demo accounts
"""

from dataclasses import dataclass, field

from wagtail import hooks

DEMO_HOOK = "load_demo_content"


@dataclass
class DemoContext:
    """Passed to every step: options, output and a tally of what was created."""

    stdout: object = None
    force_accounts: bool = False
    created: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    def count(self, what, number=1):
        if number:
            self.created[what] = self.created.get(what, 0) + number

    def note(self, message):
        self.notes.append(message)
        if self.stdout is not None:
            self.stdout.write(message)


def demo_steps():
    """The registered steps, in the order they run."""
    return hooks.get_hooks(DEMO_HOOK)
