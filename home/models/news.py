"""News: the index with its topic filter and feeds, each article, and its topics."""

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, TranslatableMixin

from core.caching.keys import understood_query
from core.caching.layout import generation_cached
from core.caching.restrictions import public_pages
from core.framework_internals import paginator_with_count
from core.models import BasePage
from home.feeds import NewsAtomFeed, NewsRssFeed
from home.forms import NewsPageForm
from home.models.illustrated import PageWithLeadImage
from home.models.snippets import NewsTopic


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news of one language, paginated and filterable by topic, with RSS and Atom feeds."""

    ARTICLES_PER_PAGE = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        return public_pages(NewsPage.objects.child_of(self).live()).order_by("-date", "-pk")

    def articles_with_topics(self):
        """The articles, each with its topics loaded in one query (for the feeds)."""
        return self.articles().prefetch_related(topic_links_with_topics())

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
        return NewsRssFeed()(request, index_page=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed()(request, index_page=self)


def topic_links_with_topics():
    """Prefetch for NewsPage querysets: each article's topic links with their topics."""
    return Prefetch("topic_links", queryset=NewsPageTopic.objects.select_related("topic"))


class NewsPage(PageWithLeadImage):
    date = models.DateField(_("date"), default=timezone.localdate)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        *PageWithLeadImage.image_panels,
        PageWithLeadImage.body_panel,
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
    base_form_class = NewsPageForm

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

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
