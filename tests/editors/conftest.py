"""Fixtures for the editors' area: a three-language site with news, and the demo accounts."""

import datetime

from django.test import Client

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

import pytest

from core.accounts import create_demo_accounts
from home.models import NewsIndexPage, NewsPage, NewsPageTopic, NewsTopic


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate_copy(page, locale):
    """A plain Wagtail translation copy (no wagtail-localize), published."""
    return publish(page.copy_for_translation(locale).specific)


@pytest.fixture
def homes(home_page, locales):
    """The Kyrgyz home page and its Russian and English translations, all live."""
    return {
        "ky": home_page,
        "ru": translate_copy(home_page, locales["ru"]),
        "en": translate_copy(home_page, locales["en"]),
    }


@pytest.fixture
def news_indexes(homes, locales):
    """A live news index under each locale's home page."""
    ky = homes["ky"].add_child(
        instance=NewsIndexPage(title="Жаңылыктар", slug="news", intro="Фонддун жаңылыктары.")
    )
    publish(ky)
    return {
        "ky": ky,
        "ru": translate_copy(ky, locales["ru"]),
        "en": translate_copy(ky, locales["en"]),
    }


def news_topic(name, locale, slug=None):
    """The news topic called ``name`` in ``locale``, created if missing."""
    topic = NewsTopic.objects.filter(name=name, locale=locale).first()
    return topic or NewsTopic.objects.create(name=name, slug=slug or "", locale=locale)


def add_article(index, title, *, topics=(), date=None, intro="", image=None, live=True):
    """An article under ``index``; ``topics`` are topic names in the index's language."""
    article = NewsPage(
        title=title,
        date=date or datetime.date(2026, 5, 1),
        intro=intro,
        lead_image=image,
        live=False,
    )
    for name in topics:
        article.topic_links.add(NewsPageTopic(topic=news_topic(name, index.locale)))
    index.add_child(instance=article)
    if live:
        publish(article)
    return article


@pytest.fixture
def image(db):
    return Image.objects.create(title="Дети в деревне", file=get_test_image_file(size=(1600, 1000)))


@pytest.fixture
def demo_accounts(db):
    """{username: (user, password)} for editor, moderator, translator, donations."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    return {name: (users.get(username=name), pw) for name, _group, pw in create_demo_accounts()}


@pytest.fixture
def login(demo_accounts):
    """login("editor") -> a test Client logged in as that demo account."""

    def _login(username):
        client = Client()
        user, password = demo_accounts[username]
        assert client.login(username=user.username, password=password)
        return client

    return _login
