"""Refuse a NUL character (U+0000) anywhere in a request's path, query or form.

No database column can hold it: PostgreSQL text refuses NUL, so ``/en/search/?q=%00``
used to end in a 500. Nobody types NUL, so a request carrying one -- in the URL path,
a query-string or form field (name or value), or an uploaded file's name -- gets a
short 400 page in the visitor's language before any view runs, whatever the view
and whichever database. Forms' CharFields refuse NUL as well (Django's
ProhibitNullCharactersValidator); this catches every other way in (search, admin
filters, page routes). What is *inside* an upload (a bank statement) or a JSON body
(a Stripe webhook) is read by the code that parses it, which refuses NUL there.
"""

from django.conf import settings
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

NUL = "\x00"


def _has_nul(data):
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


def carries_nul(request):
    """True if the path, the query string, a form field or an upload's name holds NUL."""
    if NUL in request.path_info or _has_nul(request.GET):
        return True
    if request.method != "POST":
        return False
    try:
        post, files = request.POST, request.FILES
    except MultiPartParserError:
        return False  # malformed body: the view answers it as before
    return _has_nul(post) or any(
        NUL in key or NUL in (upload.name or "") for key, upload in files.items()
    )


def bad_request(request):
    """The small localized 400 page; needs neither the database nor a template context.

    Its own template, not 400.html: Django's other 400s (too many fields, a body too
    big) keep their plain answer.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    body = loader.get_template("null_character.html").render({"LANGUAGE_CODE": language})
    response = HttpResponse(body, status=400)
    add_never_cache_headers(response)
    return response


class NullCharacterMiddleware:
    """After the locale middleware (the 400 is in the page's language), before CSRF."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request):
            return bad_request(request)
        return self.get_response(request)
