"""Locales and the default Site."""

from django.conf import settings

from wagtail.models import Locale, Page, Site

from .base import LANGUAGES


def ensure_locales(ctx):
    """The content locales ky, ru and en (Kyrgyz is created by Wagtail's migrations)."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    for code in LANGUAGES:
        if code not in codes:
            raise RuntimeError(f"{code} is missing from WAGTAIL_CONTENT_LANGUAGES")
        _locale, created = Locale.objects.get_or_create(language_code=code)
        ctx.count("locales", int(created))


def remove_welcome_page():
    """Delete Wagtail's "Welcome to your new Wagtail site!" page if it is untouched."""
    for page in Page.objects.filter(depth=2, numchild=0):
        if page.specific_class is Page and page.slug == "home":
            Site.objects.filter(root_page=page).update(root_page=Page.get_first_root_node())
            page.delete()


def use_as_default_site_root(home):
    """Make ``home`` the root of the default Site, which answers for any host name."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
        return True
    if site.root_page.specific_class is type(home):
        return False  # already a home page (perhaps one an editor chose): leave it
    site.root_page = home
    site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
    site.save()
    return True
