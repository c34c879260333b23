from .pages import BasePage, image_alt_text_field
from .settings import OrganisationSettings

__all__ = ["BasePage", "OrganisationSettings", "image_alt_text_field"]
