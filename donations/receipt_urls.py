"""The donor's signed links (donations/receipt_views.py).

Included from sos_site/urls.py outside i18n_patterns: the token already names the
donation, whose language the responses use, so the URL needs no language prefix.
"""

from django.urls import path

from . import receipt_views

app_name = "receipts"

urlpatterns = [
    path("receipt/<str:token>/", receipt_views.receipt_pdf, name="pdf"),
    path("portal/<str:token>/", receipt_views.customer_portal, name="portal"),
]
