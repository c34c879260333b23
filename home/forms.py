"""Admin forms of the page types."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class NewsPageForm(WagtailAdminPageForm):
    """An article's topics are words of the article's language.

    A topic chosen in another language is replaced by its translation in the
    article's language; one that has no such translation yet is refused.
    """

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.locale_id is None:
            return cleaned_data
        locale = self.instance.locale
        for form in self.formsets["topic_links"].forms:
            topic = form.cleaned_data.get("topic") if form.is_valid() else None
            if topic is None or form.cleaned_data.get("DELETE") or topic.locale_id == locale.pk:
                continue
            translation = topic.get_translation_or_none(locale)
            if translation is not None:
                form.instance.topic = translation
                continue
            form.add_error(
                "topic",
                _(
                    "“%(topic)s” is not translated into %(language)s yet: translate it "
                    "under Snippets → News topics, or choose another topic."
                )
                % {"topic": topic, "language": locale.get_display_name()},
            )
        return cleaned_data
