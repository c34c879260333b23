"""The translation cycle through the admin: Russian article -> moderation -> Kyrgyz and English.

Everything goes through the admin views as the demo groups' users: the page
editor, Wagtail's workflow actions, and wagtail-localize's submit, string
editing, PO export/import and publish views.
"""

import xml.etree.ElementTree as ET

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

import polib

from home.models import NewsPage, NewsTopic, Office

from .test_workflow import add_url, assert_denied, news_form

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
TRANSLATION_EDITOR = "wagtail_localize/admin/edit_translation.html"

TRANSLATIONS = {
    "ky": {
        "Дети вернулись в семьи": "Балдар үй-бүлөлөргө кайтышты",
        "Двадцать детей вернулись домой.": "Жыйырма бала үйүнө кайтты.",
        "Текст статьи.": "Макаланын тексти.",
        "семья": "үй-бүлө",
    },
    "en": {
        "Дети вернулись в семьи": "Children returned to their families",
        "Двадцать детей вернулись домой.": "Twenty children went back home.",
        "Текст статьи.": "The article's text.",
        "семья": "family",
    },
}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    return [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]


def fill_strings(client, translation, strings):
    """Translate every string segment through the translation editor's API."""
    segments = translation.source.stringsegment_set.select_related("string")
    assert segments.exists()
    for segment in segments:
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
        value = strings.get(segment.string.data, segment.string.data)
        response = client.put(
            url, f"value={value}".encode(), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (200, 201), response.content


def test_full_translation_cycle(login, news_indexes, locales, django_capture_on_commit_callbacks):
    # 1. An Editor writes the article in Russian, with a Russian topic, and submits it.
    editor = login("editor")
    family = NewsTopic.objects.create(name="семья", slug="family", locale=locales["ru"])
    response = editor.post(
        add_url(news_indexes["ru"]),
        news_form(
            "Дети вернулись в семьи",
            slug="deti-vernulis",
            intro="Двадцать детей вернулись домой.",
            topics=[family],
            **{"action-submit": "submit"},
        ),
    )
    assert response.status_code == 302
    source = NewsPage.objects.get(slug="deti-vernulis", locale=locales["ru"])
    assert not source.live

    # 2. A Moderator approves it; it goes live in Russian only.
    moderator = login("moderator")
    task_state = source.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[source.id, "approve", task_state.id]
    )
    assert moderator.post(approve, {"comment": ""}).status_code in (200, 302)
    source.refresh_from_db()
    assert source.live
    anonymous = login("donations")  # any visitor; the public site needs no login
    assert "Дети вернулись в семьи" in anonymous.get("/ru/news/").text

    # 3. A Translator submits it for translation into Kyrgyz and English.
    translator = login("translator")
    submit = reverse("wagtail_localize:submit_page_translation", args=[source.id])
    assert translator.get(submit).status_code == 200
    response = translator.post(submit, {"locales": [locales["ky"].id, locales["en"].id]})
    assert response.status_code == 302

    for code in ("ky", "en"):
        locale = locales[code]
        target = source.get_translation(locale)
        # Absence, not alias: a real page, but a draft until the translation is published.
        assert target.alias_of_id is None
        assert not target.live
        assert f"/{code}/news/deti-vernulis/" not in " ".join(sitemap_locations(anonymous))

        translation = Translation.objects.get(
            source__object_id=source.translation_key, target_locale=locale
        )
        # 4. The Translator opens the translation editor and translates the strings,
        # then the article's topic, which wagtail-localize submitted along with it.
        edit = reverse("wagtailadmin_pages:edit", args=[target.id])
        page_editor = translator.get(edit)
        assert page_editor.status_code == 200
        assert TRANSLATION_EDITOR in [template.name for template in page_editor.templates]
        fill_strings(translator, translation, TRANSLATIONS[code])
        translate_topic(translator, family, locale, TRANSLATIONS[code]["семья"])

        # Translators do not publish: that stays with Moderators.
        assert_denied(translator.post(edit, {"action": "publish"}))
        target.refresh_from_db()
        assert not target.live

        # 5. A Moderator publishes the translation.
        # wagtail-localize publishes on commit; the test's transaction never commits.
        with django_capture_on_commit_callbacks(execute=True):
            response = moderator.post(edit, {"action": "publish"})
        assert response.status_code == 302
        target = Page.objects.get(pk=target.pk).specific
        assert target.live
        assert target.title == TRANSLATIONS[code]["Дети вернулись в семьи"]
        assert target.intro == TRANSLATIONS[code]["Двадцать детей вернулись домой."]
        # The article's topic is the topic's translation: a word of this language.
        topic_word = TRANSLATIONS[code]["семья"]
        assert [topic.name for topic in target.topics()] == [topic_word]
        assert {link.topic.locale_id for link in target.topic_links.all()} == {locale.pk}

        # 6. The article is found in that language's index, feeds, sitemap and search.
        title = target.title
        index = anonymous.get(f"/{code}/news/")
        assert title in index.text
        assert [topic.name for topic in index.context["topics"]] == [topic_word]
        filtered = anonymous.get(f"/{code}/news/", {"tag": "family"}).context["articles"]
        assert [article.pk for article in filtered] == [target.pk]
        assert f"<category>{topic_word}</category>" in anonymous.get(f"/{code}/news/rss/").text
        assert title in anonymous.get(f"/{code}/news/rss/").content.decode()
        assert title in anonymous.get(f"/{code}/news/atom/").content.decode()
        assert f"http://testserver{target.url}" in sitemap_locations(anonymous)
        first_word = title.split()[0]
        results = anonymous.get(f"/{code}/search/", {"q": first_word}).context["results"]
        assert [r["page"].pk for r in results] == [target.pk]

    # The sitemap links the three versions to one another.
    sitemap = anonymous.get("/sitemap.xml").content.decode()
    assert sitemap.count('hreflang="ky"') >= 1
    ru_entry = sitemap.split(f"<loc>http://testserver{source.url}</loc>")[1].split("</url>")[0]
    for code in ("ky", "en"):
        assert f'hreflang="{code}" href="http://testserver/{code}/news/' in ru_entry


def translate_topic(translator, topic, locale, word):
    """Translate a news topic in its translation editor and save it (snippets publish at once)."""
    target = topic.get_translation(locale)
    translation = Translation.objects.get(
        source__object_id=topic.translation_key, target_locale=locale
    )
    edit = reverse("wagtailsnippets_home_newstopic:edit", args=[target.pk])
    response = translator.get(edit)
    assert TRANSLATION_EDITOR in [template.name for template in response.templates]
    fill_strings(translator, translation, {topic.name: word})
    assert translator.post(edit, {"action": "publish"}).status_code == 302
    target.refresh_from_db()
    assert (target.name, target.slug) == (word, topic.slug)


def test_po_export_and_import(login, news_indexes, locales):
    source = NewsPage.objects.get(
        pk=news_indexes["ru"]
        .add_child(instance=NewsPage(title="Новость для переводчика", intro="Вступление."))
        .pk
    )
    source.save_revision().publish()
    translator = login("translator")
    submit = reverse("wagtail_localize:submit_page_translation", args=[source.id])
    translator.post(submit, {"locales": [locales["en"].id]})
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=locales["en"]
    )

    download = reverse("wagtail_localize:download_pofile", args=[translation.id])
    response = translator.get(download)
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert {entry.msgid for entry in po} >= {"Новость для переводчика", "Вступление."}

    for entry in po:
        entry.msgstr = {"Новость для переводчика": "News for the translator"}.get(
            entry.msgid, "Introduction."
        )
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = translator.post(
        upload,
        {"file": SimpleUploadedFile("news.po", str(po).encode()), "next": "/admin/"},
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        locale=locales["en"], data="News for the translator"
    ).exists()


def test_snippets_translate_through_wagtail_localize(login, locales):
    for model in ("office", "partner", "sitefigure"):
        assert reverse(
            "wagtail_localize:submit_snippet_translation", args=["home", model, 1]
        ).startswith("/admin/localize/")
    office = Office.objects.create(
        name="Улуттук координациялык кеңсе",
        address="Бишкек, Исанов көч., 94/3",
        locale=locales["ky"],
    )
    translator = login("translator")
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["home", "office", office.pk]
    )
    assert translator.get(submit).status_code == 200
    assert translator.post(submit, {"locales": [locales["ru"].id]}).status_code == 302
    ru_office = office.get_translation(locales["ru"])
    translation = Translation.objects.get(
        source__object_id=office.translation_key, target_locale=locales["ru"]
    )
    edit = reverse("wagtailsnippets_home_office:edit", args=[ru_office.pk])
    response = translator.get(edit)
    assert response.status_code == 200
    assert TRANSLATION_EDITOR in [template.name for template in response.templates]
    fill_strings(
        translator,
        translation,
        {
            "Улуттук координациялык кеңсе": "Национальный координационный офис",
            "Бишкек, Исанов көч., 94/3": "Бишкек, ул. Исанова, 94/3",
        },
    )
    assert translator.post(edit, {"action": "publish"}).status_code == 302
    ru_office.refresh_from_db()
    assert ru_office.name == "Национальный координационный офис"
    # The Kyrgyz source stays out of the Translator's reach.
    assert_denied(translator.get(reverse("wagtailsnippets_home_office:edit", args=[office.pk])))


def test_sync_after_the_source_changes(login, news_indexes, locales):
    source = news_indexes["ru"].add_child(instance=NewsPage(title="Первая версия"))
    source.save_revision().publish()
    translator = login("translator")
    submit = reverse("wagtail_localize:submit_page_translation", args=[source.id])
    translator.post(submit, {"locales": [locales["en"].id]})
    translation_source = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=locales["en"]
    ).source

    source.title = "Вторая версия"
    source.save_revision().publish()
    update = reverse("wagtail_localize:update_translations", args=[translation_source.id])
    assert translator.get(update).status_code == 200
    assert translator.post(update, {}).status_code == 302
    translation_source.refresh_from_db()
    strings = set(translation_source.stringsegment_set.values_list("string__data", flat=True))
    assert "Вторая версия" in strings


def test_no_aliases_appear_in_other_locales(news_indexes, login):
    editor = login("editor")
    editor.post(add_url(news_indexes["ru"]), news_form("Только по-русски", slug="tolko-po-russki"))
    page = NewsPage.objects.get(slug="tolko-po-russki")
    assert page.get_translations().count() == 0
    assert not Page.objects.filter(alias_of__isnull=False).exists()


def test_machine_translation_is_off(settings):
    from wagtail_localize.machine_translators import get_machine_translator

    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    assert get_machine_translator() is None
