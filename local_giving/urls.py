"""Public URLs of local giving, included inside i18n_patterns under give/."""

from django.urls import path

from . import views

app_name = "local_giving"

urlpatterns = [
    path("transfer/<str:token>/", views.pledge, name="pledge"),
]
