"""The steps `load_demo` runs: each app registers its own, and they run in this order."""

from core.demo import demo_steps


def test_the_apps_register_their_steps_in_order():
    assert [f"{step.__module__}.{step.__name__}" for step in demo_steps()] == [
        "home.demo.site.ensure_locales",
        "home.demo.organisation.load_organisation_settings",
        "home.demo.snippets.load_snippets",
        "home.demo.pages.load_pages",
        "donations.demo.load_funds",
        "local_giving.demo.load_local_giving",
        "home.demo.accounts.load_demo_admin",
        "core.accounts.load_demo_accounts",
    ]
