"""The language switcher's endpoint: remember the reader's choice, then go there.

Django's own ``set_language`` only stores the choice on POST and rewrites the
``next`` URL by swapping its prefix, which cannot work for Wagtail pages whose
slugs differ per language. The switcher already knows each target URL, so a
plain link to this view is enough and needs no JavaScript or CSRF token.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
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
