from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app of the site builds on: base page, blocks, caches, security, logs."""

    name = "core"
    verbose_name = _("Site foundation")

    def ready(self):
        from core import (
            checks,  # noqa: F401 (registers the deployment checks)
            signals,
        )
        from core.caching import signals as cache_signals

        signals.connect()
        cache_signals.connect()
