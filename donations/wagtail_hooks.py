"""Donations in the Wagtail admin (donations/admin_views.py, donations/dashboard.py), the
donate link of the site's menu, and the demo funds.
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.demo import DEMO_HOOK
from core.links import SITE_LINK_HOOK

from .admin_views import DonationsViewSetGroup, ReadOnlyPermissionPolicy
from .dashboard import DonationTotalsPanel
from .demo import load_funds
from .models import DonatePage, Donation

# Registered before the viewsets, which pick up the policy of their model.
register_permission_policy(Donation, ReadOnlyPermissionPolicy(Donation), exact_class=True)


@hooks.register("register_admin_viewset")
def register_donations_viewsets():
    return DonationsViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_donation_totals_panel(request, panels):
    if request.user.has_perm("donations.view_donation"):
        panels.append(DonationTotalsPanel())


@hooks.register(SITE_LINK_HOOK)
def donate_link():
    """The donate page, linked from the header of every page."""
    return "donate", DonatePage


hooks.register(DEMO_HOOK, load_funds, order=500)
