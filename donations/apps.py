from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonationsConfig(AppConfig):
    name = "donations"
    verbose_name = _("Donations")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import receivers, result_views, views
        from .models import DonatePage, donation_status_changed

        DonatePage.connect_views(
            donate=views.donate,
            thank_you=result_views.thank_you,
            cancelled=result_views.cancelled,
            demo_checkout=result_views.demo_checkout,
        )

        donation_status_changed.connect(
            receivers.on_donation_status_changed, dispatch_uid="donations.receipts"
        )
        post_migrate.connect(receivers.ensure_donations_group, dispatch_uid="donations.group")
