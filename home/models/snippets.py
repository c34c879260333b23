"""Translatable snippets shared across pages: offices, partners, site-wide figures, news topics."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from anyascii import anyascii


@register_snippet
class Office(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=160)
    address = models.TextField(_("address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    is_head_office = models.BooleanField(
        _("national coordination office"),
        default=False,
        help_text=_("Shown first and in the footer of every page."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("fax"),
        FieldPanel("email"),
        FieldPanel("is_head_office"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["-is_head_office", "sort_order", "name"]

    def __str__(self):
        return self.name


@register_snippet
class Partner(TranslatableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        DONOR = "donor", _("Donor")
        PARTNER = "partner", _("Partner")
        FEDERATION = "federation", _("Federation")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PARTNER)
    url = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("url"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner or donor")
        verbose_name_plural = _("partners and donors")
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class SiteFigure(TranslatableMixin, models.Model):
    """A site-wide figure, such as the federation's countries and programmes."""

    value = models.CharField(_("figure"), max_length=24)
    label = models.CharField(_("what it counts"), max_length=160)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("value"), FieldPanel("label"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site-wide figure")
        verbose_name_plural = _("site-wide figures")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.value} {self.label}"


@register_snippet
class NewsTopic(TranslatableMixin, index.Indexed, models.Model):
    """A topic of the news, as a word of one language.

    Its translations (through wagtail-localize) are the same topic in the other
    languages: they share its slug, and a translated article points to the
    topic's translation in the article's language.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        blank=True,
        help_text=_(
            "The topic's address in the news filter (…/news/?tag=family): Latin letters, "
            "digits and hyphens, the same in every language. Made from the name if left empty."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The translator translates the name; the slug is the source's in every language.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news topic")
        verbose_name_plural = _("news topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_news_topic_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.fill_slug()
        super().save(*args, **kwargs)
        self.relink_articles()

    def clean(self):
        super().clean()
        self.fill_slug()
        if not self.slug:
            raise ValidationError({"slug": _("Enter a slug in Latin letters, e.g. family.")})
        others = NewsTopic.objects.filter(locale_id=self.locale_id, slug=self.slug)
        if self.locale_id and others.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"slug": _("Another topic in this language already has this slug.")}
            )

    def fill_slug(self):
        """An empty slug is made from the name, transliterated (үй-бүлө: uy-bulo)."""
        if not self.slug:
            self.slug = slugify(anyascii(self.name))[:80].strip("-")

    def relink_articles(self):
        """Articles of this language still linked to the topic in another language get this one.

        Such links come from a translation saved before its topic was translated
        (wagtail-localize keeps the source's topic then) and from tags migrated to
        topics; they are not shown (NewsPage.topics) until the topic has a translation.
        """
        self.article_links.model.objects.filter(
            locale_id=self.locale_id, topic__translation_key=self.translation_key
        ).exclude(topic=self).update(topic=self)
