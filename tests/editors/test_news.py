"""News index (pagination, tags, locale), articles (images, tags, related) and feeds."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from home.models import HomePage, NewsIndexPage, NewsPage

from .conftest import add_article

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
            tags=["семья"] if n % 3 == 0 else ["молодёжь"],
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


def test_index_filters_by_tag(client, twelve_articles):
    response = client.get("/ru/news/", {"tag": "семья"})
    articles = list(response.context["articles"])
    assert len(articles) == 4
    assert all("семья" in [t.name for t in a.tags.all()] for a in articles)
    assert 'aria-current="page">семья</a>' in response.text
    assert list(client.get("/ru/news/", {"tag": "нет-такого"}).context["articles"]) == []


def test_index_lists_only_its_own_locale_and_live_articles(client, news_indexes):
    add_article(news_indexes["ru"], "Русская новость")
    add_article(news_indexes["ky"], "Кыргызча жаңылык")
    add_article(news_indexes["ru"], "Черновик", live=False)
    ru = client.get("/ru/news/")
    assert [a.title for a in ru.context["articles"]] == ["Русская новость"]
    ky = client.get("/ky/news/")
    assert [a.title for a in ky.context["articles"]] == ["Кыргызча жаңылык"]
    assert "Черновик" not in ru.text


def test_article_shows_lead_image_renditions_and_tag_links(client, news_indexes, image):
    article = add_article(news_indexes["ru"], "С картинкой", image=image, tags=["семья"])
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.text
    assert "<picture" in html
    assert 'type="image/webp"' in html
    assert "srcset=" in html and ".webp" in html
    assert 'href="/ru/news/?tag=%D1%81%D0%B5%D0%BC%D1%8C%D1%8F" rel="tag"' in html


def test_related_articles_share_a_tag_and_the_locale(news_indexes):
    article = add_article(news_indexes["ru"], "Главная", tags=["семья", "права"])
    same_tag = add_article(news_indexes["ru"], "Тоже о семье", tags=["семья"])
    add_article(news_indexes["ru"], "О другом", tags=["спорт"])
    add_article(news_indexes["ru"], "Черновик о семье", tags=["семья"], live=False)
    add_article(news_indexes["ky"], "Үй-бүлө", tags=["семья"])
    assert list(article.related_articles()) == [same_tag]


def test_article_page_lists_related_articles(client, news_indexes):
    article = add_article(news_indexes["ru"], "Главная", tags=["семья"])
    add_article(news_indexes["ru"], "Тоже о семье", tags=["семья"])
    response = client.get(article.url)
    assert "Тоже о семье" in response.text


def test_rss_feed_per_language(client, news_indexes):
    add_article(news_indexes["ru"], "Русская новость", intro="Коротко о главном.", tags=["семья"])
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
