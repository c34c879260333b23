from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "sos_site.caching"
    label = "sos_caching"
    verbose_name = _("Page cache")

    def ready(self):
        from sos_site.caching import signals

        signals.connect()
