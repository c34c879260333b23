from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Public site")

    def ready(self):
        from home import signals
        from sos_site import checks  # noqa: F401 (registers the deployment checks)

        signals.connect()
