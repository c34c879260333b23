"""Wagtail settings read once per cache generation, not once per request."""

from django.http import HttpRequest

from core.caching.layout import generation_cached


class GenerationCachedSettingMixin:
    """For a BaseGenericSetting that every page shows (the footer, the title).

    Wagtail keeps a setting on the request only, so each page view queries it.
    Any save of a setting bumps the page cache's generation
    (core.caching.signals), which retires this copy too.
    """

    @classmethod
    def load(cls, request_or_site=None):
        if not isinstance(request_or_site, HttpRequest):
            return super().load(request_or_site)
        # Wagtail's own attribute, not core.request_memo: a setting's preview puts
        # the edited instance there for the context processor to find.
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request_or_site, attr_name):
            setting = generation_cached(
                request_or_site, "setting", (cls._meta.label,), cls._get_or_create
            )
            setattr(request_or_site, attr_name, setting)
        return getattr(request_or_site, attr_name)
