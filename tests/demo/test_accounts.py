"""The demo admin account: only in development unless forced; the password is shown once."""

import re

from django.contrib.auth import get_user_model

from core.demo import DemoContext
from home.demo.accounts import load_demo_admin


def test_no_demo_admin_when_debug_is_off(db, settings):
    settings.DEBUG = False
    ctx = DemoContext()
    load_demo_admin(ctx)
    assert not get_user_model().objects.filter(username="admin").exists()
    assert "--force-accounts" in ctx.notes[0]


def test_demo_admin_in_development_with_a_fresh_password(db, settings):
    settings.DEBUG = True
    first, second = DemoContext(), DemoContext()
    load_demo_admin(first)
    load_demo_admin(second)

    password = re.fullmatch(r"Demo admin: admin / (\S+)  \(\S+/admin/\)", first.notes[0]).group(1)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert len(password) >= 16
    assert password not in " ".join(second.notes)
    assert "manage.py changepassword admin" in second.notes[0]
