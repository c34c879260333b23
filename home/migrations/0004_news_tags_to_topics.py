"""Move the free tags of news articles to news topics.

wagtail-localize copied an article's tags unchanged into its translations, so a
Russian article may carry a Kyrgyz word. Each tag becomes one topic in every
language in which an article used it, with the same word; the topics made from
one tag are translations of one another (one translation key, one slug). Editors
then correct each language's word in Snippets → News topics. Tags that nothing
else uses any more (images and documents keep theirs) are deleted.

Also grants the editorial groups their permissions on the new snippet.
"""

import uuid

from django.db import migrations
from django.utils.text import slugify

from anyascii import anyascii

# Stable keys, so the topics of a tag and the links of an article's translations match.
NAMESPACE = uuid.UUID("c2df7e32-b1d0-4406-8b26-6e658c64f6c0")


def _unique(base, taken):
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    taken.add(slug)
    return slug


def tags_to_topics(apps, schema_editor):
    news_page = apps.get_model("home", "NewsPage")
    news_page_tag = apps.get_model("home", "NewsPageTag")
    news_topic = apps.get_model("home", "NewsTopic")
    news_page_topic = apps.get_model("home", "NewsPageTopic")
    tag_model = apps.get_model("taggit", "Tag")
    tagged_item = apps.get_model("taggit", "TaggedItem")

    items = list(news_page_tag.objects.select_related("tag").order_by("content_object_id", "pk"))
    pages = news_page.objects.only("locale", "translation_key").in_bulk(
        {item.content_object_id for item in items}
    )
    slugs, taken, topics, positions = {}, set(), {}, {}
    for item in items:
        page, tag = pages[item.content_object_id], item.tag
        if tag.pk not in slugs:
            base = slugify(anyascii(tag.name))[:72].strip("-") or f"topic-{tag.pk}"
            slugs[tag.pk] = _unique(base, taken)
        topic = topics.get((tag.pk, page.locale_id))
        if topic is None:
            topic = topics[tag.pk, page.locale_id] = news_topic.objects.create(
                name=tag.name[:80],
                slug=slugs[tag.pk],
                locale_id=page.locale_id,
                translation_key=uuid.uuid5(NAMESPACE, f"tag:{tag.pk}"),
            )
        position = positions.get(page.pk, 0)
        positions[page.pk] = position + 1
        news_page_topic.objects.create(
            page_id=page.pk,
            topic=topic,
            locale_id=page.locale_id,
            sort_order=position,
            translation_key=uuid.uuid5(NAMESPACE, f"link:{page.translation_key}:{tag.pk}"),
        )
    used_elsewhere = tagged_item.objects.values("tag_id")
    tag_model.objects.filter(pk__in={item.tag_id for item in items}).exclude(
        pk__in=used_elsewhere
    ).delete()


def topics_to_tags(apps, schema_editor):
    news_page_tag = apps.get_model("home", "NewsPageTag")
    news_page_topic = apps.get_model("home", "NewsPageTopic")
    tag_model = apps.get_model("taggit", "Tag")

    taken = set(tag_model.objects.values_list("slug", flat=True))
    links = news_page_topic.objects.select_related("topic").order_by("page_id", "sort_order")
    for link in links:
        name = link.topic.name
        tag = tag_model.objects.filter(name=name).first()
        if tag is None:
            base = slugify(name, allow_unicode=True) or f"tag-{link.topic_id}"
            tag = tag_model.objects.create(name=name, slug=_unique(base, taken))
        news_page_tag.objects.get_or_create(content_object_id=link.page_id, tag=tag)


def grant_topic_permissions(apps, schema_editor):
    from home.accounts import setup_editorial_groups

    setup_editorial_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_news_topics"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(tags_to_topics, topics_to_tags),
        migrations.RunPython(grant_topic_permissions, migrations.RunPython.noop),
    ]
