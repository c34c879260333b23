"""The DonatePage's routes are served by donations.views and donations.result_views.

The page module does not import those views (they import the models): the app hands
them over in DonationsConfig.ready(). Every route must have its view.
"""

from donations import result_views, views
from donations.models import DonatePage


def test_every_route_has_its_view():
    names = {pattern.name for pattern in DonatePage.get_subpage_urls()}
    assert names - {"index_route"} == {"donate", "thank_you", "cancelled", "demo_checkout"}
    assert DonatePage.route_views == {
        "donate": views.donate,
        "thank_you": result_views.thank_you,
        "cancelled": result_views.cancelled,
        "demo_checkout": result_views.demo_checkout,
    }
