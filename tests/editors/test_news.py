"""News index (pagination, topics, locale), articles (images, topics, related) and feeds."""

import datetime
import xml.etree.ElementTree as ET

from django.core.exceptions import ValidationError

import pytest

from home.models import HomePage, NewsIndexPage, NewsPage, NewsPageTopic, NewsTopic

from .conftest import add_article, news_topic, publish, translate_copy

ATOM = "{http://www.w3.org/2005/Atom}"


def test_news_page_types():
    assert NewsIndexPage.parent_page_types == ["home.HomePage"]
    assert NewsIndexPage.subpage_types == ["home.NewsPage"]
    assert NewsPage.parent_page_types == ["home.NewsIndexPage"]
    assert NewsPage.subpage_types == []
    assert "home.NewsIndexPage" in HomePage.subpage_types


@pytest.fixture
def twelve_articles(news_indexes):
    return [
        add_article(
            news_indexes["ru"],
            f"Новость номер {n:02d}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            topics=["семья"] if n % 3 == 0 else ["молодёжь"],
        )
        for n in range(12)
    ]


def test_index_paginates_newest_first(client, twelve_articles):
    first = client.get("/ru/news/")
    assert first.status_code == 200
    assert list(first.context["articles"]) == twelve_articles[::-1][:10]
    assert 'rel="next"' in first.text
    second = client.get("/ru/news/?page=2")
    assert list(second.context["articles"]) == twelve_articles[1::-1]


@pytest.mark.parametrize(
    ("page", "expected_number"),
    [("999999999999999999999999", 2), ("abc", 1), ("-3", 2), ("0", 2), ("", 1), ("2.5", 1)],
)
def test_index_never_fails_on_odd_page_numbers(client, twelve_articles, page, expected_number):
    response = client.get("/ru/news/", {"page": page})
    assert response.status_code == 200
    assert response.context["articles"].number == expected_number


def test_index_filters_by_topic_slug(client, twelve_articles):
    response = client.get("/ru/news/", {"tag": "semya"})
    articles = list(response.context["articles"])
    assert len(articles) == 4
    assert all([t.name for t in a.topics()] == ["семья"] for a in articles)
    assert '<a href="/ru/news/?tag=semya" aria-current="page">семья</a>' in response.text
    assert response.context["current_topic"].name == "семья"
    # The links of the old free tags (?tag=<word>) still lead to the topic.
    assert list(client.get("/ru/news/", {"tag": "семья"}).context["articles"]) == articles
    assert list(client.get("/ru/news/", {"tag": "net-takogo"}).context["articles"]) == []


def test_index_lists_and_filters_only_its_languages_topics(client, news_indexes, locales):
    family = {
        code: news_topic(word, locales[code], slug="family")
        for code, word in [("ky", "үй-бүлө"), ("ru", "семья"), ("en", "family")]
    }
    for code, topic in family.items():
        add_article(news_indexes[code], f"Article {code}", topics=[topic.name])
    news_topic("спорт", locales["ru"])  # used by no article: not listed
    for code, topic in family.items():
        response = client.get(f"/{code}/news/")
        assert response.context["topics"] == [topic]
        filtered = client.get(f"/{code}/news/", {"tag": "family"}).context["articles"]
        assert [a.title for a in filtered] == [f"Article {code}"]


def test_index_lists_only_its_own_locale_and_live_articles(client, news_indexes):
    add_article(news_indexes["ru"], "Русская новость")
    add_article(news_indexes["ky"], "Кыргызча жаңылык")
    add_article(news_indexes["ru"], "Черновик", live=False)
    ru = client.get("/ru/news/")
    assert [a.title for a in ru.context["articles"]] == ["Русская новость"]
    ky = client.get("/ky/news/")
    assert [a.title for a in ky.context["articles"]] == ["Кыргызча жаңылык"]
    assert "Черновик" not in ru.text


def test_article_shows_lead_image_renditions_and_topic_links(client, news_indexes, image):
    article = add_article(news_indexes["ru"], "С картинкой", image=image, topics=["семья"])
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.text
    assert "<picture" in html
    assert 'type="image/webp"' in html
    assert "srcset=" in html and ".webp" in html
    assert '<a href="/ru/news/?tag=semya" rel="tag">семья</a>' in html


def test_related_articles_share_a_topic_and_the_locale(news_indexes):
    article = add_article(news_indexes["ru"], "Главная", topics=["семья", "права"])
    same_topic = add_article(news_indexes["ru"], "Тоже о семье", topics=["семья"])
    add_article(news_indexes["ru"], "О другом", topics=["спорт"])
    add_article(news_indexes["ru"], "Черновик о семье", topics=["семья"], live=False)
    add_article(news_indexes["ky"], "Үй-бүлө", topics=["семья"])
    assert list(article.related_articles()) == [same_topic]
    assert list(add_article(news_indexes["ru"], "Без темы").related_articles()) == []


def test_article_page_lists_related_articles(client, news_indexes):
    article = add_article(news_indexes["ru"], "Главная", topics=["семья"])
    add_article(news_indexes["ru"], "Тоже о семье", topics=["семья"])
    response = client.get(article.url)
    assert "Тоже о семье" in response.text


def test_rss_feed_per_language(client, news_indexes):
    add_article(news_indexes["ru"], "Русская новость", intro="Коротко о главном.", topics=["семья"])
    add_article(news_indexes["ky"], "Кыргызча жаңылык")
    response = client.get("/ru/news/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    rss = ET.fromstring(response.content)  # noqa: S314 - our own output
    channel = rss.find("channel")
    assert channel.findtext("language") == "ru"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Русская новость"]
    assert items[0].findtext("link").startswith("http://testserver/ru/news/")
    assert items[0].findtext("description") == "Коротко о главном."
    assert items[0].findtext("category") == "семья"


def test_atom_feed_per_language(client, news_indexes):
    add_article(news_indexes["ky"], "Кыргызча жаңылык")
    response = client.get("/ky/news/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ky"
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert titles == ["Кыргызча жаңылык"]


def test_feeds_are_linked_from_the_head(client, news_indexes):
    html = client.get("/en/").text
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/en/news/rss/"' in html
    assert 'href="/en/news/atom/"' in html


def test_topic_slug_is_made_from_the_name_and_unique_per_language(locales):
    topic = NewsTopic(name="Үй-бүлөнү бекемдөө", locale=locales["ky"])
    topic.full_clean()
    topic.save()
    assert topic.slug == "uy-bulonu-bekemdoo"
    twin = NewsTopic(name="Башка", slug="uy-bulonu-bekemdoo", locale=locales["ky"])
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert "slug" in error.value.message_dict
    # A translation shares the slug: the same filter address in every language.
    translation = topic.copy_for_translation(locales["ru"])
    translation.name = "укрепление семьи"
    translation.full_clean()
    translation.save()
    assert translation.slug == topic.slug


def test_article_topics_must_exist_in_the_articles_language(login, news_indexes, locales):
    from .test_workflow import add_url, news_form

    editor = login("editor")
    kyrgyz = news_topic("үй-бүлө", locales["ky"], slug="family")
    form = news_form("Новость о семье", slug="o-seme", topics=[kyrgyz])
    response = editor.post(add_url(news_indexes["ru"]), form)
    assert response.status_code == 200
    assert "is not translated into" in response.text
    assert not NewsPage.objects.filter(slug="o-seme").exists()

    # Once the topic has a Russian translation, choosing the Kyrgyz one gives the Russian one.
    russian = kyrgyz.copy_for_translation(locales["ru"])
    russian.name = "семья"
    russian.save()
    assert editor.post(add_url(news_indexes["ru"]), form).status_code == 302
    draft = NewsPage.objects.get(slug="o-seme").get_latest_revision_as_object()
    assert [topic.pk for topic in draft.topics()] == [russian.pk]


def test_a_copied_translation_gets_the_topics_translations(news_indexes, locales):
    """A translation saved with the source's topics (a plain copy, or wagtail-localize
    working from a source older than its topics) shows the topics of its own language."""
    article = add_article(news_indexes["ru"], "О семье", topics=["семья", "спорт"])
    family = NewsTopic.objects.get(name="семья")
    kyrgyz = family.copy_for_translation(locales["ky"])
    kyrgyz.name = "үй-бүлө"
    kyrgyz.save()
    copy = translate_copy(article, locales["ky"])
    # "спорт" has no Kyrgyz translation: it stays linked but is not shown in Kyrgyz.
    assert [topic.name for topic in copy.topics()] == ["үй-бүлө"]
    assert [topic.name for topic in article.topics()] == ["семья", "спорт"]


def test_translating_a_topic_relinks_articles_that_waited_for_it(news_indexes, locales):
    """A translation saved before its topic was translated (or an article migrated from the
    old tags) links to the topic in another language: hidden until the topic is translated."""
    kyrgyz = news_topic("үй-бүлө", locales["ky"], slug="family")
    article = NewsPage(title="О семье", date=datetime.date(2026, 5, 1))
    article.topic_links.add(NewsPageTopic(topic=kyrgyz))
    publish(news_indexes["ru"].add_child(instance=article))
    assert article.topics() == []

    russian = kyrgyz.copy_for_translation(locales["ru"])
    russian.name = "семья"
    russian.save()
    assert NewsPage.objects.get(pk=article.pk).topics() == [russian]
    assert NewsPage.objects.get(pk=article.pk).topics()[0].slug == "family"


def test_editors_see_topics_in_the_article_editor_and_the_snippets(login, news_indexes):
    from django.urls import reverse

    article = add_article(news_indexes["ru"], "С темами", topics=["семья"])
    editor = login("editor")
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[article.id]))
    assert response.status_code == 200
    assert 'name="topic_links-TOTAL_FORMS" value="1"' in response.text
    topics = editor.get(reverse("wagtailsnippets_home_newstopic:list"), {"locale": "ru"})
    assert topics.status_code == 200
    assert "семья" in topics.text
    assert editor.get(reverse("wagtailsnippets_home_newstopic:add")).status_code == 200
