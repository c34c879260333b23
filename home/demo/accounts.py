"""The demo superuser, with a generated password shown once."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model

USERNAME = "admin"


def load_demo_admin(ctx):
    """Create the superuser "admin" in development (or with --force-accounts)."""
    user_model = get_user_model()
    if user_model.objects.filter(username=USERNAME).exists():
        ctx.note(
            f"Demo admin {USERNAME!r} exists; to set a new password run "
            f"`manage.py changepassword {USERNAME}`."
        )
        return
    if not settings.DEBUG and not ctx.force_accounts:
        ctx.note("No demo admin created: DEBUG is off (pass --force-accounts to create one).")
        return
    password = secrets.token_urlsafe(12)
    user_model.objects.create_superuser(USERNAME, email="", password=password)
    ctx.count("demo admin accounts")
    admin_url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
    ctx.note(f"Demo admin: {USERNAME} / {password}  ({admin_url})")
