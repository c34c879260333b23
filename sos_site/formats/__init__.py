"""Project overrides of Django's locale formats (settings.FORMAT_MODULE_PATH).

Django looks a format name up here first and falls back to its own module for the language,
so each file sets only what differs from Django's.
"""
