from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LocalGivingConfig(AppConfig):
    name = "local_giving"
    verbose_name = _("Local giving")

    def ready(self):
        from . import receivers

        # For every app: the permissions exist only after their own app's post_migrate.
        post_migrate.connect(receivers.grant_finance_permissions, dispatch_uid="local_giving.group")
