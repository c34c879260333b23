"""Demo content of the public site for `manage.py load_demo`.

Locales and site, organisation settings, snippets, the page tree in three
languages and the demo superuser; each step is registered in
``home/wagtail_hooks.py`` and run by ``core.demo`` (which lists the order).
"""
