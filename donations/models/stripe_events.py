"""Every Stripe event received, stored once by its id before it is processed."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class StripeEvent(models.Model):
    stripe_id = models.CharField(_("Stripe event id"), max_length=255, unique=True)
    type = models.CharField(_("type"), max_length=100, db_index=True)
    livemode = models.BooleanField(_("live mode"), default=False)
    payload = models.JSONField(_("payload"))
    created = models.DateTimeField(_("created at Stripe"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)
    error = models.TextField(_("processing error"), blank=True)

    class Meta:
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.type} {self.stripe_id}"

    @classmethod
    def store(cls, event):
        """The row of ``event`` (a verified payload dict), made on first sight: (row, created)."""
        created_at = event.get("created")
        return cls.objects.get_or_create(
            stripe_id=event["id"],
            defaults={
                "type": event["type"],
                "livemode": bool(event.get("livemode")),
                "payload": event,
                "created": (
                    datetime.datetime.fromtimestamp(int(created_at), tz=datetime.UTC)
                    if created_at
                    else None
                ),
            },
        )
