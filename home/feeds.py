"""RSS and Atom feeds of a news index, one pair per language.

NewsIndexPage serves them as its routes ``rss/`` and ``atom/`` (for example
/ru/news/rss/), so each feed lists the live articles of that index's locale.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from core.seo import absolute_page_url

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index_page):
        # Feed.language is a plain attribute: the feed speaks its index's language.
        self.language = index_page.locale.language_code
        return index_page

    def title(self, index_page):
        return f"{index_page.title} · {index_page.get_site().site_name or ''}".rstrip(" ·")

    def link(self, index_page):
        return absolute_page_url(index_page, self.request)

    def feed_url(self, index_page):
        kind = "atom" if self.feed_type is Atom1Feed else "rss"
        return self.request.build_absolute_uri(index_page.feed_url(kind))

    def description(self, index_page):
        return index_page.intro or _("News of SOS Children's Villages Kyrgyzstan")

    def items(self, index_page):
        return index_page.articles_with_topics()[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.search_description or article.intro

    def item_link(self, article):
        return absolute_page_url(article, self.request)

    def item_guid(self, article):
        return absolute_page_url(article, self.request)

    def item_pubdate(self, article):
        # The article's date is a calendar day; publish it at local midnight.
        return timezone.make_aware(datetime.datetime.combine(article.date, datetime.time.min))

    def item_updateddate(self, article):
        return article.last_published_at

    def item_categories(self, article):
        return [topic.name for topic in article.topics()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index_page):
        return self.description(index_page)
