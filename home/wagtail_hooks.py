"""What the public site registers with core: its site-wide link."""

from wagtail import hooks

from core.links import SITE_LINK_HOOK

from .models import PrivacyPage


@hooks.register(SITE_LINK_HOOK)
def privacy_link():
    """The privacy notice, linked from the footer, the forms and the receipt email."""
    return "privacy", PrivacyPage

