from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonationsConfig(AppConfig):
    name = "donations"
    verbose_name = _("Donations")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import receivers
        from .models import donation_status_changed

        donation_status_changed.connect(
            receivers.on_donation_status_changed, dispatch_uid="donations.receipts"
        )
        post_migrate.connect(receivers.ensure_donations_group, dispatch_uid="donations.group")
