"""Bank transfer and bank-app gifts become pledges through the "donations_start_pledge" hook.

donations does not import the app that makes pledges (local_giving): that app registers
the hook, and without one the donor is told that transfers are unavailable.
"""

from wagtail import hooks

from donations.models import Donation
from donations.views import START_PLEDGE_HOOK


def test_the_first_registered_function_gets_the_gift_and_its_url_is_followed(
    client, donate_url, gift, funds
):
    calls = []

    def start_pledge(**pledge):
        calls.append(pledge)
        return "/somewhere/else/"

    with hooks.register_temporarily(START_PLEDGE_HOOK, start_pledge, order=-1):
        response = client.post(donate_url("ru"), gift(payment_method="bank_app"))

    assert response.status_code == 303
    assert response["Location"] == "/somewhere/else/"
    assert len(calls) == 1
    pledge = calls[0]
    assert pledge["language"] == "ru"
    assert pledge["channel"] == Donation.Channel.QR
    assert pledge["attempt_key"] is not None
    assert pledge["currency"] == "KGS" and pledge["fund"] in funds.values()
    assert not Donation.objects.exists()  # the hook made (here: did not make) the pledge


def test_without_the_hook_transfers_are_unavailable(client, donate_url, gift, monkeypatch):
    registered = hooks.get_hooks

    def get_hooks(name):
        return [] if name == START_PLEDGE_HOOK else registered(name)

    monkeypatch.setattr(hooks, "get_hooks", get_hooks)
    response = client.post(donate_url("en"), gift(payment_method="transfer"))

    assert response.status_code == 503
    assert "Bank transfer is not available right now." in response.content.decode()
    assert not Donation.objects.exists()
