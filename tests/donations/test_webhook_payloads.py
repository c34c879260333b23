"""What a webhook's payload may bring into the database: no NUL byte, no bidi controls."""

from donations.checkout import create_checkout_session
from donations.models import Donation, StripeEvent
from tests.stripe_double.events import event

URLS = {"success_url": "https://example.org/thanks", "cancel_url": "https://example.org/back"}
UNSAFE = ["\x00", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069"]


def test_nul_and_bidi_controls_in_metadata_never_reach_the_database(
    stripe_double, webhook, pending_donation
):
    donation = pending_donation()
    create_checkout_session(donation, **URLS)
    session = stripe_double.complete_session(donation.stripe_checkout_session_id)
    session["metadata"] = {
        **session["metadata"],
        "note": "a\x00b",
        "donor_name": "Ali\u202egnp.exe",
        "bad\x00key": "\u2066x\u2069",
    }
    session["customer_details"] = {"name": "Ali\u202egnp.exe", "email": "ali@example.org"}

    response = webhook(event("checkout.session.completed", session))

    # PostgreSQL cannot store NUL in jsonb: before, this was a 500 and Stripe retried forever.
    assert response.status_code == 200
    assert response.json()["outcome"] == "processed"
    stored = StripeEvent.objects.get().payload["data"]["object"]
    assert stored["metadata"]["note"] == "ab"
    assert stored["metadata"]["donor_name"] == "Alignp.exe"
    assert stored["metadata"]["badkey"] == "x"
    assert stored["customer_details"]["name"] == "Alignp.exe"
    assert not any(char in str(stored) for char in UNSAFE)
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID
