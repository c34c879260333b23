"""What the public site registers with core: its site-wide link and its demo steps."""

from wagtail import hooks

from core.demo import DEMO_HOOK
from core.links import SITE_LINK_HOOK

from .demo.accounts import load_demo_admin
from .demo.organisation import load_organisation_settings
from .demo.pages import load_pages
from .demo.site import ensure_locales
from .demo.snippets import load_snippets
from .models import PrivacyPage


@hooks.register(SITE_LINK_HOOK)
def privacy_link():
    """The privacy notice, linked from the footer, the forms and the receipt email."""
    return "privacy", PrivacyPage


hooks.register(DEMO_HOOK, ensure_locales, order=100)
hooks.register(DEMO_HOOK, load_organisation_settings, order=200)
hooks.register(DEMO_HOOK, load_snippets, order=300)
hooks.register(DEMO_HOOK, load_pages, order=400)
hooks.register(DEMO_HOOK, load_demo_admin, order=700)
