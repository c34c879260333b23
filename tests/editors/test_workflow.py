"""Groups, the Moderation workflow, demo accounts and who may do what in the admin."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from core.accounts import (
    DONATIONS,
    EDITORS,
    MODERATORS,
    TRANSLATORS,
    WORKFLOW_NAME,
    create_demo_accounts,
    setup_editorial_groups,
)
from home.models import NewsPage, Office

from .conftest import add_article


def assert_denied(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    assert (response.status_code, response.get("Location")) in [(302, "/admin/"), (403, None)]


def page_perms(group):
    return set(
        GroupPagePermission.objects.filter(group__name=group, page__depth=1).values_list(
            "permission__codename", flat=True
        )
    )


def test_migration_created_groups_and_permissions(db):
    assert page_perms(EDITORS) == {"add_page", "change_page"}
    assert "publish_page" in page_perms(MODERATORS)
    assert page_perms(TRANSLATORS) == {"change_page"}
    assert page_perms(DONATIONS) == set()
    translators = Group.objects.get(name=TRANSLATORS)
    codenames = set(translators.permissions.values_list("codename", flat=True))
    assert {"access_admin", "submit_translation", "change_office"} <= codenames
    assert "add_office" not in codenames
    assert Group.objects.get(name=DONATIONS).permissions.filter(codename="access_admin").exists()


def test_setup_is_idempotent_and_assigns_the_workflow_to_every_home(homes):
    setup_editorial_groups()
    setup_editorial_groups()
    assert Group.objects.filter(name__in=[EDITORS, MODERATORS, TRANSLATORS, DONATIONS]).count() == 4
    assert GroupPagePermission.objects.filter(group__name=EDITORS).count() == 2
    for home in homes.values():
        assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW_NAME
        workflow = home.get_workflow()
        assert workflow.name == WORKFLOW_NAME
        (task,) = workflow.tasks.all()
        assert list(task.specific.groups.values_list("name", flat=True)) == [MODERATORS]
    root = Page.get_first_root_node()
    assert WorkflowPage.objects.get(page=root).workflow.name == WORKFLOW_NAME


def test_demo_accounts_get_generated_passwords_once(db):
    first = create_demo_accounts()
    assert [(name, group) for name, group, _ in first] == [
        ("editor", EDITORS),
        ("moderator", MODERATORS),
        ("translator", TRANSLATORS),
        ("donations", DONATIONS),
    ]
    passwords = [password for _, _, password in first]
    assert all(password and len(password) >= 12 for password in passwords)
    assert len(set(passwords)) == 4
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="editor")
    assert editor.check_password(passwords[0])
    assert not editor.is_superuser
    assert [password for _, _, password in create_demo_accounts()] == [None] * 4
    editor.refresh_from_db()
    assert editor.check_password(passwords[0])


def news_form(title, *, topics=(), **extra):
    """The page editor's POST data for a news article; ``topics`` are NewsTopic objects."""
    data = {
        "title": title,
        "slug": "",
        "intro": "",
        "date": "2026-06-01",
        "lead_image": "",
        "topic_links": inline_formset([{"topic": topic.pk} for topic in topics]),
        "body": streamfield([("paragraph", rich_text("<p>Текст статьи.</p>"))]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "social_image": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(extra)
    return nested_form_data(data)


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["home", "newspage", parent.id])


def test_editor_cannot_publish_without_approval(login, news_indexes):
    editor = login("editor")
    response = editor.post(
        add_url(news_indexes["ru"]),
        news_form("Попытка опубликовать", slug="popytka", **{"action-publish": "publish"}),
    )
    assert response.status_code == 302, response.content[:2000]
    page = NewsPage.objects.get(slug="popytka")
    assert not page.live
    assert not page.permissions_for_user(editor_user(login)).can_publish()
    assert editor.get("/ru/news/popytka/").status_code == 404

    # Editing an existing live page and asking to publish keeps the change a draft.
    live = add_article(news_indexes["ru"], "Опубликованная")
    edit = reverse("wagtailadmin_pages:edit", args=[live.id])
    response = editor.post(
        edit, news_form("Изменено редактором", slug=live.slug, **{"action-publish": "publish"})
    )
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.title == "Опубликованная"
    assert live.has_unpublished_changes


def editor_user(login):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="editor")


def test_editor_submits_and_moderator_approves(login, news_indexes):
    editor = login("editor")
    response = editor.post(
        add_url(news_indexes["ru"]),
        news_form("На модерацию", slug="na-moderatsiiu", **{"action-submit": "submit"}),
    )
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="na-moderatsiiu")
    assert not page.live
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    task_state = page.current_workflow_task_state

    # An editor cannot approve their own submission.
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id])
    assert editor.post(url, {"comment": ""}).status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live

    moderator = login("moderator")
    response = moderator.post(url, {"comment": "Хорошо"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert moderator.get(page.url).status_code == 200


def test_translator_cannot_edit_the_source(login, news_indexes):
    source = add_article(news_indexes["ru"], "Исходная статья")
    translator = login("translator")
    edit = reverse("wagtailadmin_pages:edit", args=[source.id])
    assert_denied(translator.get(edit))
    assert_denied(translator.post(edit, news_form("Подмена", slug=source.slug)))
    source.refresh_from_db()
    assert source.title == "Исходная статья"
    assert not source.has_unpublished_changes
    delete = reverse("wagtailadmin_pages:delete", args=[source.id])
    assert_denied(translator.post(delete))
    assert NewsPage.objects.filter(pk=source.pk).exists()
    # ... nor create pages.
    assert_denied(translator.get(add_url(news_indexes["ru"])))


def test_translator_cannot_edit_a_source_snippet(login, locales):
    office = Office.objects.create(name="Бишкек", address="Исанова, 94/3", locale=locales["ru"])
    translator = login("translator")
    url = reverse("wagtailsnippets_home_office:edit", args=[office.pk])
    assert_denied(translator.get(url))
    assert_denied(translator.post(url, {"name": "Подмена", "address": "x"}))
    office.refresh_from_db()
    assert office.name == "Бишкек"


@pytest.mark.parametrize("username", ["editor", "moderator", "translator", "donations"])
def test_every_demo_account_reaches_the_admin(login, homes, username):
    assert login(username).get("/admin/").status_code == 200
