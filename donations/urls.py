"""Donation URLs outside the language prefix (webhooks, signed links).

Included at the site root by sos_site/urls.py, before i18n_patterns. The donor's
pages (form, thank-you, cancelled, demo checkout) are routes of the DonatePage.
"""

from django.urls import path

from . import webhooks

app_name = "donations"

urlpatterns = [
    path("stripe/webhook/", webhooks.stripe_webhook, name="stripe_webhook"),
]
