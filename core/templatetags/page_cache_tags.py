"""``{% editor_userbar %}``: Wagtail's user bar, for requests that can come from an editor.

Wagtail's ``{% wagtailuserbar %}`` reads ``request.user``, which reads the session, and
Django's session middleware then adds ``Vary: Cookie`` to every page, anonymous ones
included. A request without a session cookie cannot be an editor's: it gets no user
bar and its page does not touch the session, so it varies on nothing a visitor sends.
"""

from django import template
from django.conf import settings

from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context, position)
