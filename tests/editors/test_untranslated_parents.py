"""Absence, not alias: translating a page before its section keeps the section off the site.

Everything goes through the admin views: a Moderator creates a Kyrgyz section and
a page in it; a Translator translates only the page into English (wagtail-localize
creates the missing English section as an alias, which core.signals unpublishes);
later the section is translated too, and goes live when a Moderator publishes it.
"""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from home.models import ContentPage
from tests.site.test_languages import alternates, switcher

from .test_translation import fill_strings, sitemap_locations

ENGLISH = {
    "Долбоорлор": "Projects",
    "Биздин долбоорлор.": "Our projects.",
    "Жаңы долбоор": "A new project",
    "Долбоор тууралуу.": "About the project.",
    "Текст.": "Text.",
}


def content_form(title, slug, intro, **extra):
    data = {
        "title": title,
        "slug": slug,
        "intro": intro,
        "body": streamfield([("paragraph", rich_text("<p>Текст.</p>"))]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "social_image": "",
        "show_in_menus": "on",
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "publish",
    }
    data.update(extra)
    return nested_form_data(data)


def add_published_page(moderator, parent, title, slug, intro):
    add = reverse("wagtailadmin_pages:add", args=["home", "contentpage", parent.id])
    response = moderator.post(add, content_form(title, slug, intro))
    assert response.status_code == 302, response.content[:2000]
    page = ContentPage.objects.get(slug=slug, locale=parent.locale)
    assert page.live
    return page


def translate_into(translator, moderator, page, locale, capture):
    """Submit ``page`` for translation, translate its strings, and publish the translation."""
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.id])
    assert locale in translator.get(submit).context["form"].fields["locales"].queryset
    assert translator.post(submit, {"locales": [locale.id]}).status_code == 302
    target = page.get_translation(locale)
    assert target.alias_of_id is None and not target.live  # a draft until published
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    fill_strings(translator, translation, ENGLISH)
    edit = reverse("wagtailadmin_pages:edit", args=[target.id])
    with capture(execute=True):
        assert moderator.post(edit, {"action": "publish"}).status_code == 302
    target = Page.objects.get(pk=target.pk).specific
    assert target.live
    return target


def test_a_section_created_for_a_translated_page_stays_absent_until_translated(
    login, homes, locales, django_capture_on_commit_callbacks
):
    moderator, translator = login("moderator"), login("translator")
    visitor = login("donations")  # any reader: the public site needs no login
    en = locales["en"]
    section = add_published_page(
        moderator, homes["ky"], "Долбоорлор", "projects", "Биздин долбоорлор."
    )
    child = add_published_page(
        moderator, section, "Жаңы долбоор", "new-project", "Долбоор тууралуу."
    )

    # Only the page is translated: wagtail-localize makes the English section an alias.
    en_child = translate_into(translator, moderator, child, en, django_capture_on_commit_callbacks)
    en_section = Page.objects.get(translation_key=section.translation_key, locale=en)
    assert en_section.alias_of_id == section.pk
    assert not en_section.live

    # The page is served; the section is absent: 404, and in no switcher, hreflang or sitemap.
    assert en_child.url == "/en/projects/new-project/"
    page = visitor.get(en_child.url)
    assert page.status_code == 200
    assert "A new project" in page.text
    assert "Долбоорлор" not in page.text  # no breadcrumb or menu entry in Kyrgyz
    assert visitor.get("/en/projects/").status_code == 404
    ky_section = visitor.get("/ky/projects/").text
    assert switcher(ky_section)["en"] == "/language/en/?next=%2Fen%2F"
    assert [code for code, _url in alternates(ky_section)] == ["ky", "x-default"]
    assert [code for code, _url in alternates(visitor.get("/ky/projects/new-project/").text)] == [
        "ky",
        "en",
        "x-default",
    ]
    assert "Долбоорлор" not in visitor.get("/en/").text  # menu
    locations = sitemap_locations(visitor)
    assert "http://testserver/en/projects/new-project/" in locations
    assert "http://testserver/en/projects/" not in locations
    assert not visitor.get("/en/search/", {"q": "Долбоорлор"}).context["results"]

    # Publishing the Kyrgyz section again republishes its aliases: not this one.
    edit_section = reverse("wagtailadmin_pages:edit", args=[section.id])
    response = moderator.post(
        edit_section, content_form("Долбоорлор", "projects", "Биздин долбоорлор.")
    )
    assert response.status_code == 302
    en_section.refresh_from_db()
    assert en_section.alias_of_id == section.pk and not en_section.live
    assert visitor.get("/en/projects/").status_code == 404

    # Translating the section turns the alias into a real page, live once published.
    en_section = translate_into(
        translator, moderator, section, en, django_capture_on_commit_callbacks
    )
    assert en_section.alias_of_id is None
    assert en_section.title == "Projects"
    response = visitor.get("/en/projects/")
    assert response.status_code == 200
    assert "Our projects." in response.text
    assert visitor.get(en_child.url).status_code == 200
    ky_section = visitor.get("/ky/projects/").text
    assert switcher(ky_section)["en"] == "/language/en/?next=%2Fen%2Fprojects%2F"
    assert [code for code, _url in alternates(ky_section)] == ["ky", "en", "x-default"]
    assert "http://testserver/en/projects/" in sitemap_locations(visitor)
