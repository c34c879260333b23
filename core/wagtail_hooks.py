"""Admin hooks: Translators may change translations, never the source they come from.

Translators hold "change" on the whole page tree (the source of an article may
be Russian one day and Kyrgyz the next), so these hooks narrow it down: a
Translator who is not also an Editor or Moderator can edit, move or delete a
page or snippet only if it is the target of a wagtail-localize translation (or
an alias in another locale waiting to be translated).

Also core's demo step (``core.demo``): the editorial groups and accounts.
"""

from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail_localize.models import Translation

from core.accounts import EDITORS, MODERATORS, TRANSLATORS, load_demo_accounts
from core.demo import DEMO_HOOK


def is_translator_only(user):
    """True for users whose editing rights come from the Translators group alone."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS in names and not names & {EDITORS, MODERATORS}


def is_translation_target(instance):
    """True if ``instance`` (page or snippet) translates a source in another locale."""
    alias_of = getattr(instance, "alias_of", None)
    if alias_of is not None and alias_of.locale_id != instance.locale_id:
        return True
    return Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id
    ).exists()


def _deny_source_to_translators(request, instance):
    if is_translator_only(request.user) and not is_translation_target(instance):
        raise PermissionDenied


@hooks.register("before_edit_page")
def guard_source_page_edit(request, page):
    _deny_source_to_translators(request, page)


@hooks.register("before_delete_page")
def guard_source_page_delete(request, page):
    _deny_source_to_translators(request, page)


@hooks.register("before_move_page")
def guard_source_page_move(request, page, destination):
    _deny_source_to_translators(request, page)


@hooks.register("before_edit_snippet")
def guard_source_snippet_edit(request, instance):
    if hasattr(instance, "translation_key"):
        _deny_source_to_translators(request, instance)


# The last demo step: the groups need the locale home pages the other steps create.
hooks.register(DEMO_HOOK, load_demo_accounts, order=800)
