"""The language switcher's endpoint: remember the reader's choice, then go there.

Django's own ``set_language`` only stores the choice on POST and rewrites the
``next`` URL by swapping its prefix, which cannot work for Wagtail pages whose
slugs differ per language. The switcher already knows each target URL, so a
plain link to this view is enough and needs no JavaScript or CSRF token.
"""

import re

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

ONE_YEAR = 365 * 24 * 60 * 60


@never_cache
def switch_language(request, language_code):
    if language_code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    safe = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    response = HttpResponseRedirect(target if safe else f"/{language_code}/")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE or ONE_YEAR,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,4})?)(?:/|$)", re.IGNORECASE)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, with two changes for this site.

    The admin speaks Russian (or English) to an editor whose browser asks for Kyrgyz,
    since Wagtail has no Kyrgyz admin catalogue. And an unknown language prefix is a
    plain 404: Django would redirect /de/page/ to /ky/de/page/ because Wagtail's
    catch-all route makes any path look valid; a reader who typed a language we do not
    offer should get the localized "not found" page straight away instead.
    """

    def process_request(self, request):
        super().process_request(request)
        # Wagtail ships no Kyrgyz admin: a reader's Kyrgyz becomes the editors' Russian there.
        if request.path_info.startswith("/admin/"):
            admin_languages = dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES)
            if translation.get_language() not in admin_languages:
                translation.activate(settings.WAGTAILADMIN_DEFAULT_LANGUAGE)
                request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        if response.status_code == 404:
            match = LANGUAGE_LIKE_PREFIX.match(request.path_info)
            if match and match.group(1).lower() not in dict(settings.LANGUAGES):
                response.headers.setdefault("Content-Language", translation.get_language())
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        return super().process_response(request, response)
