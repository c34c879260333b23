from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalGivingConfig(AppConfig):
    name = "local_giving"
    verbose_name = _("Local giving")

    def ready(self):
        from . import receivers  # noqa: F401
