"""Donations in the Wagtail admin (donations/admin_views.py, donations/dashboard.py)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import DonationsViewSetGroup, ReadOnlyPermissionPolicy
from .dashboard import DonationTotalsPanel
from .models import Donation

# Registered before the viewsets, which pick up the policy of their model.
register_permission_policy(Donation, ReadOnlyPermissionPolicy(Donation), exact_class=True)


@hooks.register("register_admin_viewset")
def register_donations_viewsets():
    return DonationsViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_donation_totals_panel(request, panels):
    if request.user.has_perm("donations.view_donation"):
        panels.append(DonationTotalsPanel())
