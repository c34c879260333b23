from .pages import BasePage, image_alt_text_field

__all__ = ["BasePage", "image_alt_text_field"]
