"""Editorial groups, the moderation workflow, and the demo accounts.

``setup_editorial_groups(apps)`` is idempotent and takes an app registry, so
the data migration (historical models) and the demo loader (live models) run
the same code:

- Editors: add and edit pages anywhere, submit them for moderation; cannot publish.
- Moderators: everything Editors do, plus approve, publish, unpublish, lock.
- Translators: translate pages and snippets through wagtail-localize. They may
  edit a page or snippet only where it is the *target* of a translation; the
  source, in whatever language it was written, stays out of reach
  (enforced by core/wagtail_hooks.py).
- Donations (the finance team): admin access; the donations and local_giving apps add
  their own permissions. Images and documents only in their own "Finance" collection
  (add, choose, change): the bank's QR code image and the annual reports, nothing
  elsewhere in the media library.

The "Moderation" workflow (one GroupApprovalTask for Moderators) is assigned
to the tree root and to each locale's home page, so it covers pages of every
language, including home pages created later.
"""

import secrets

from django.apps import apps as global_apps

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
DONATIONS = "Donations"
FINANCE_COLLECTION = "Finance"
WORKFLOW_NAME = "Moderation"
TASK_NAME = "Moderators approve"

SNIPPET_MODELS = ["office", "partner", "sitefigure", "newstopic"]

# Model permissions per group, as (app_label, model, codename).
_MEDIA = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
]
_ADMIN = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtail_localize", "translation", "submit_translation"),
]
_SNIPPETS_EDIT = [
    ("home", model, f"{action}_{model}") for model in SNIPPET_MODELS for action in ("add", "change")
]
_SNIPPETS_DELETE = [("home", model, f"delete_{model}") for model in SNIPPET_MODELS]
_SNIPPETS_CHANGE = [("home", model, f"change_{model}") for model in SNIPPET_MODELS]

MODEL_PERMISSIONS = {
    EDITORS: _ADMIN + _MEDIA + _SNIPPETS_EDIT,
    MODERATORS: _ADMIN + _MEDIA + _SNIPPETS_EDIT + _SNIPPETS_DELETE,
    TRANSLATORS: [
        *_ADMIN,
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "choose_document"),
        *_SNIPPETS_CHANGE,
    ],
    DONATIONS: [("wagtailadmin", "admin", "access_admin")],
}

# Page permissions per group, granted on the tree root (so on every locale's tree).
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
    TRANSLATORS: ["change_page"],
    DONATIONS: [],
}

# Permissions per group on its own collection (a child of the root collection).
COLLECTION_PERMISSIONS = {
    DONATIONS: [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "change_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "change_document"),
        ("wagtaildocs", "document", "choose_document"),
    ],
}
COLLECTION_NAMES = {DONATIONS: FINANCE_COLLECTION}

DEMO_ACCOUNTS = [
    ("editor", EDITORS),
    ("moderator", MODERATORS),
    ("translator", TRANSLATORS),
    ("donations", DONATIONS),
]


def _permission(apps, app_label, model, codename):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = permission_model.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def setup_editorial_groups(apps=global_apps):
    """Create or complete the groups, their permissions and the Moderation workflow."""
    group_model = apps.get_model("auth", "Group")
    page_model = apps.get_model("wagtailcore", "Page")
    group_page_permission = apps.get_model("wagtailcore", "GroupPagePermission")

    root = page_model.objects.filter(depth=1).order_by("path").first()
    groups = {}
    for name, permissions in MODEL_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*[_permission(apps, *spec) for spec in permissions])
        if root is None:
            continue
        for codename in PAGE_PERMISSIONS[name]:
            group_page_permission.objects.get_or_create(
                group=group,
                page=root,
                permission=_permission(apps, "wagtailcore", "page", codename),
            )
    # Editors never publish, even if an older setup granted it.
    group_page_permission.objects.filter(
        group=groups[EDITORS], permission__codename="publish_page"
    ).delete()
    group_page_permission.objects.filter(
        group=groups[TRANSLATORS], permission__codename__in=["add_page", "publish_page"]
    ).delete()

    for name in COLLECTION_PERMISSIONS:
        setup_group_collection(apps, groups[name])
    if root is not None:
        setup_moderation_workflow(apps, groups[MODERATORS], root)
    return groups


def setup_group_collection(apps, group):
    """Give ``group`` its own collection with COLLECTION_PERMISSIONS[group.name]; return it.

    The collection is the one the group already has permissions on (it may have been
    renamed), else the root's child named COLLECTION_NAMES[group.name], else a new one.
    """
    collection_model = apps.get_model("wagtailcore", "Collection")
    group_collection_permission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    held = (
        group_collection_permission.objects.filter(group=group, collection__depth__gt=1)
        .order_by("collection__path")
        .first()
    )
    if held is not None:
        collection = held.collection
    else:
        collection = _root_child(collection_model, COLLECTION_NAMES[group.name])
    for spec in COLLECTION_PERMISSIONS[group.name]:
        group_collection_permission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(apps, *spec)
        )
    return collection


def _root_child(collection_model, name):
    """The root collection's child called ``name``, created if missing.

    Written with plain fields (path, depth, numchild as treebeard keeps them), so it
    works on a migration's historical model, which has no add_child().
    """
    root = collection_model.objects.filter(depth=1).order_by("path").first()
    if root is None:
        root = collection_model.objects.create(name="Root", path="0001", depth=1, numchild=0)
    children = collection_model.objects.filter(depth=2, path__startswith=root.path)
    existing = children.filter(name=name).order_by("path").first()
    if existing is not None:
        return existing
    last = children.order_by("-path").values_list("path", flat=True).first()
    step = int(last[len(root.path) :], 36) + 1 if last else 1
    collection = collection_model.objects.create(
        name=name, path=root.path + _base36(step).rjust(4, "0"), depth=2, numchild=0
    )
    collection_model.objects.filter(pk=root.pk).update(numchild=children.count())
    return collection


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while True:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
        if not number:
            return text


def setup_moderation_workflow(apps, moderators, root):
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    page_model = apps.get_model("wagtailcore", "Page")
    content_type_model = apps.get_model("contenttypes", "ContentType")

    workflow, _ = workflow_model.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    task = task_model.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _ = content_type_model.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = task_model.objects.create(name=TASK_NAME, active=True, content_type=content_type)
    task.groups.add(moderators)
    workflow_task_model.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )

    previous = set(
        workflow_page_model.objects.filter(page__depth__lte=2)
        .exclude(workflow=workflow)
        .values_list("workflow_id", flat=True)
    )
    for page in page_model.objects.filter(depth__lte=2):
        workflow_page_model.objects.update_or_create(page=page, defaults={"workflow": workflow})
    # Wagtail's own "Moderators approval" workflow is replaced: deactivate it once unused.
    for workflow_id in previous:
        if not workflow_page_model.objects.filter(workflow_id=workflow_id).exists():
            workflow_model.objects.filter(pk=workflow_id).update(active=False)
    return workflow


def create_demo_accounts():
    """Create the missing demo users, one per group; return [(username, group, password)].

    Development only. A new account gets a generated password, returned once;
    an existing account keeps its password and is returned with ``None``.
    """
    from django.contrib.auth import get_user_model

    groups = setup_editorial_groups()
    user_model = get_user_model()
    accounts = []
    for username, group_name in DEMO_ACCOUNTS:
        user = user_model.objects.filter(username=username).first()
        password = None
        if user is None:
            password = secrets.token_urlsafe(12)
            user = user_model.objects.create_user(
                username,
                email=f"{username}@example.org",
                password=password,
                first_name=username.capitalize(),
            )
        user.groups.add(groups[group_name])
        accounts.append((username, group_name, password))
    return accounts


def load_demo_accounts(ctx):
    """Demo loader step: complete groups and workflow, create the demo editorial accounts.

    The groups and the workflow are completed every time (the locale home pages
    now exist); accounts only in development or with --force-accounts.
    """
    from django.conf import settings

    if not settings.DEBUG and not ctx.force_accounts:
        setup_editorial_groups()
        ctx.note("No demo editorial accounts created: DEBUG is off (pass --force-accounts).")
        return
    for username, group_name, password in create_demo_accounts():
        if password is None:
            ctx.note(f"Demo account {username!r} ({group_name}) exists; keep its password.")
        else:
            ctx.count("demo editorial accounts")
            ctx.note(f"Demo account ({group_name}): {username} / {password}")
