"""Demo content for `manage.py load_demo`.

DEMO_LOADERS is the ordered list of steps the command runs, each in its own
transaction. A step is a callable (or its dotted path) taking a
``home.demo.base.DemoContext``; it must be idempotent: create only what is
missing, never overwrite what exists (editors may have changed it). To add a
step, add one line here.
"""

DEMO_LOADERS = [
    "home.demo.site.ensure_locales",
    "home.demo.organisation.load_organisation_settings",
    "home.demo.snippets.load_snippets",
    "home.demo.pages.load_pages",
    "donations.demo.load_funds",
    "local_giving.demo.load_local_giving",
    "home.demo.accounts.load_demo_admin",
    "core.accounts.load_demo_accounts",
]
