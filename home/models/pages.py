"""Page types of the public site."""

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index

from core.blocks import BodyStreamBlock, DirectionBlock, FigureBlock
from core.caching.keys import understood_query
from core.caching.layout import generation_cached
from core.caching.restrictions import public_pages
from core.framework_internals import paginator_with_count
from core.models import BasePage, image_alt_text_field
from home.forms import NewsPageForm
from home.models.snippets import NewsTopic, Office

CURRENCY_CHOICES = [("KGS", "KGS"), ("USD", "USD"), ("EUR", "EUR")]


class HomePage(BasePage):
    slogan = models.CharField(_("slogan"), max_length=160, blank=True)
    mission = RichTextField(_("mission"), blank=True, features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = image_alt_text_field(_("alternative text of the hero image"))
    donate_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("donate page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the call to donate leads."),
    )
    donate_text = models.CharField(_("call to donate"), max_length=200, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("slogan"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("mission"),
        MultiFieldPanel(
            [FieldPanel("donate_text"), FieldPanel("donate_page")], heading=_("Donate")
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("mission"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.AdvocacyPage",
        "home.OfficesPage",
        "home.ProgrammeIndexPage",
        "home.StoryIndexPage",
        "home.NewsIndexPage",
        "home.ContentPage",
        "donations.DonatePage",
        "local_giving.TransparencyPage",
        "home.PrivacyPage",
    ]
    max_count_per_parent = 1
    image_alt_fields = {"hero_image": "hero_image_alt"}

    class Meta:
        verbose_name = _("home page")


class ContentPage(BasePage):
    """A generic page: about us, cross-cutting themes, sister associations."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class AdvocacyPage(BasePage):
    directions = StreamField(
        [("direction", DirectionBlock())], verbose_name=_("directions of advocacy"), blank=True
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("directions"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("directions"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("advocacy page")


class OfficesPage(BasePage):
    """Lists the offices (snippets) with address, phone and fax."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("offices page")

    def offices(self):
        return Office.objects.filter(locale_id=self.locale_id)


class ProgrammeIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ProgrammePage"]

    class Meta:
        verbose_name = _("programmes index")

    def programmes(self):
        return ProgrammePage.objects.child_of(self).live().order_by("-start_date")


class ProgrammePage(BasePage):
    """A programme or project, with the structured facts donors ask about."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")

    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_currency = models.CharField(
        _("budget currency"), max_length=3, choices=CURRENCY_CHOICES, default="EUR"
    )
    region = models.CharField(_("region"), max_length=160, blank=True)
    target_figures = StreamField(
        [("figure", FigureBlock())],
        verbose_name=_("target figures"),
        blank=True,
    )
    objectives = StreamField(
        [("objective", DirectionBlock())], verbose_name=_("objectives"), blank=True
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = image_alt_text_field(_("alternative text of the image"))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("image"),
        FieldPanel("image_alt"),
        MultiFieldPanel(
            [
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("budget"),
                FieldPanel("budget_currency"),
                FieldPanel("region"),
            ],
            heading=_("Key facts"),
        ),
        InlinePanel("partners", label=_("Donors and implementing partners")),
        InlinePanel("fund_links", label=_("Fund and targets"), max_num=1),
        FieldPanel("target_figures"),
        FieldPanel("objectives"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("region"),
        index.SearchField("objectives"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.ProgrammeIndexPage"]
    subpage_types = []
    image_alt_fields = {"image": "image_alt"}

    class Meta:
        verbose_name = _("programme or project")

    @property
    def status(self):
        today = timezone.localdate()
        if self.start_date and self.start_date > today:
            return self.Status.PLANNED
        if self.end_date and self.end_date < today:
            return self.Status.COMPLETED
        return self.Status.ONGOING

    def get_status_display(self):
        return self.Status(self.status).label

    def donors(self):
        return self._partners_in_role(ProgrammePartner.Role.DONOR)

    def implementing_partners(self):
        return self._partners_in_role(ProgrammePartner.Role.IMPLEMENTING)

    def _partners_in_role(self, role):
        links = self._localized_partner_links()
        return [partner for link_role, partner in links if link_role == role]

    def _localized_partner_links(self):
        """(role, partner) pairs in a fixed number of queries, however many partners.

        Partner rows are copied unchanged into translations: show each partner in the
        page's language where the snippet is translated (like ``.localized``, in bulk).
        """
        if not hasattr(self, "_partner_links_cache"):
            links = list(self.partners.all().select_related("partner"))
            locale = Locale.get_active()
            keys = {
                link.partner.translation_key
                for link in links
                if link.partner.locale_id != locale.pk
            }
            translated = {}
            if keys:
                model = links[0].partner.__class__
                translated = {
                    partner.translation_key: partner
                    for partner in model.objects.filter(translation_key__in=keys, locale=locale)
                }
            self._partner_links_cache = [
                (link.role, translated.get(link.partner.translation_key, link.partner))
                for link in links
            ]
        return self._partner_links_cache


class ProgrammePartner(Orderable):
    class Role(models.TextChoices):
        DONOR = "donor", _("Donor")
        IMPLEMENTING = "implementing", _("Implementing partner")

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="partners")
    partner = models.ForeignKey(
        "home.Partner", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.DONOR)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("programme partner")


class StoryIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StoryPage"]

    class Meta:
        verbose_name = _("stories index")

    def stories(self):
        return StoryPage.objects.child_of(self).live().order_by("-date")


class StoryPage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = image_alt_text_field(_("alternative text of the image"))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.StoryIndexPage"]
    subpage_types = []
    image_alt_fields = {"image": "image_alt"}

    class Meta:
        verbose_name = _("story")


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news of one language, paginated and filterable by topic, with RSS and Atom feeds."""

    ARTICLES_PER_PAGE = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        return public_pages(NewsPage.objects.child_of(self).live()).order_by("-date", "-pk")

    def topics(self):
        """The topics of this index's live articles, in its language, for the filter links."""
        return (
            NewsTopic.objects.filter(
                locale_id=self.locale_id, article_links__page__in=self.articles()
            )
            .distinct()
            .order_by("name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The topics and the number of articles per filter are kept per cache generation;
        # the page of articles is a lazy slice that the template's listing fragment
        # (rendered once per filter, page number and generation) reads only when it renders.
        topics = generation_cached(request, "news-topics", (self.pk,), lambda: list(self.topics()))
        # ?tag=<slug>; a topic's name is accepted too, as the links of the old free tags were.
        wanted = request.GET.get("tag", "").strip()
        current = next((t for t in topics if wanted in (t.slug, t.name)), None) if wanted else None
        # Each card shows its lead image: one join instead of a query per article.
        articles = self.articles().select_related("lead_image")
        listing = "all"
        if wanted:
            listing = f"topic-{current.pk}" if current else "none"
            articles = (
                articles.filter(topic_links__topic=current).distinct()
                if current
                else articles.none()
            )
        count = generation_cached(request, "news-count", (self.pk, listing), articles.count)
        paginator = paginator_with_count(articles, self.ARTICLES_PER_PAGE, count)
        # get_page() never fails: junk gives the first page, too large a number the last one.
        page_of_articles = paginator.get_page(request.GET.get("page"))
        # Only these values are kept by the page cache: ?page=abc, ?page=999 or an
        # unknown topic are rendered for the asker but never fill the cache.
        understood_query(
            request,
            tag=current.slug if current else None,
            page=page_of_articles.number if request.GET.get("page") else None,
        )
        context["articles"] = page_of_articles
        context["listing_key"] = f"{listing}-{page_of_articles.number}"
        context["topics"] = topics
        context["current_topic"] = current
        context["rss_url"] = self.feed_url("rss")
        context["atom_url"] = self.feed_url("atom")
        return context

    def feed_url(self, kind):
        """The URL of the "rss" or "atom" feed of this index."""
        return self.url + self.reverse_subpage(kind)

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from home.feeds import NewsRssFeed

        return NewsRssFeed()(request, index_page=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from home.feeds import NewsAtomFeed

        return NewsAtomFeed()(request, index_page=self)


def topic_links_with_topics():
    """Prefetch for NewsPage querysets: each article's topic links with their topics."""
    return Prefetch("topic_links", queryset=NewsPageTopic.objects.select_related("topic"))


class NewsPage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = image_alt_text_field(_("alternative text of the lead image"))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("lead_image"),
        FieldPanel("lead_image_alt"),
        FieldPanel("body"),
        MultipleChooserPanel(
            "topic_links",
            chooser_field_name="topic",
            heading=_("Topics"),
            label=_("Topic"),
            help_text=_(
                "Topics in the article's language (Snippets → News topics). A translation "
                "of the article gets the topics' translations."
            ),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    base_form_class = NewsPageForm

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    image_alt_fields = {"lead_image": "lead_image_alt"}

    class Meta:
        verbose_name = _("news article")

    def topics(self):
        """The article's topics in its own language, in the editor's order.

        A link to a topic of another language (one not yet translated when the
        article's translation was saved) is left out: each language shows its own words.
        """
        prefetch_related_objects([self], topic_links_with_topics())
        return [
            link.topic for link in self.topic_links.all() if link.topic.locale_id == self.locale_id
        ]

    def related_articles(self, count=3):
        """Live articles of the same language sharing a topic with this one, newest first."""
        topic_ids = [topic.pk for topic in self.topics()]
        if not topic_ids:
            return NewsPage.objects.none()
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, topic_links__topic__in=topic_ids)
            .exclude(pk=self.pk)
            .select_related("lead_image")
            .distinct()
            .order_by("-date", "-pk")[:count]
        )

    def clean(self):
        super().clean()
        self.localize_topic_links()

    def localize_topic_links(self):
        """Point links to topics of another language at their translations in this one.

        wagtail-localize maps the topics of a translated article itself, but only
        from a source whose segments list them: a translation saved from an older
        source (before topics existed, or before a sync) keeps the source's topics.
        A topic without a translation here stays as it is, and is not shown (see
        ``topics``). The page editor's form does the same for drafts (NewsPageForm).
        """
        topic_ids = {link.topic_id for link in self.topic_links.all()}
        foreign = dict(
            NewsTopic.objects.filter(pk__in=topic_ids)
            .exclude(locale_id=self.locale_id)
            .values_list("pk", "translation_key")
        )
        if not foreign:
            return
        local = {
            topic.translation_key: topic
            for topic in NewsTopic.objects.filter(
                locale_id=self.locale_id, translation_key__in=foreign.values()
            )
        }
        for link in self.topic_links.get_object_list():
            translation = local.get(foreign.get(link.topic_id))
            if translation is not None:
                link.topic = translation


class NewsPageTopic(TranslatableMixin, Orderable):
    """One topic of an article.

    Translatable, so wagtail-localize points the translated article's link at
    the topic's translation in the target language.
    """

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        NewsTopic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="article_links"
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("article topic")
        verbose_name_plural = _("article topics")
