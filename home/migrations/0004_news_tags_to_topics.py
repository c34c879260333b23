"""Move the free tags of news articles to news topics.

wagtail-localize copied an article's tags unchanged into its translations, so a
Russian article may carry a Kyrgyz word. Each tag becomes a topic in the
language of the article's source (the locale wagtail-localize translated it
from, else that of its first version), and every version of the article links
to that topic. A translation therefore shows no topic until an editor
translates the topic into its language (Snippets → News topics → Translate);
saving that translation moves the links over (NewsTopic.save). A tag found only
on a translation, not on its source, becomes a topic in that translation's
language. Tags that nothing else uses any more (images and documents keep
theirs) are deleted.

Also grants the editorial groups their permissions on the new snippet.
"""

import uuid
from collections import defaultdict

from django.db import migrations
from django.utils.text import slugify

from anyascii import anyascii

# Stable keys: the links of an article's versions share one, as wagtail-localize expects.
NAMESPACE = uuid.UUID("c2df7e32-b1d0-4406-8b26-6e658c64f6c0")


def _unique(base, taken):
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    taken.add(slug)
    return slug


def _source_locales(apps, pages):
    """{translation_key: locale id} of each article's source version."""
    translation_source = apps.get_model("wagtail_localize", "TranslationSource")
    keys = {page.translation_key for page in pages}
    sources = {}
    for key, locale_id in (
        translation_source.objects.filter(object_id__in=keys)
        .order_by("created_at", "pk")
        .values_list("object_id", "locale_id")
    ):
        sources.setdefault(key, locale_id)
    for page in sorted(pages, key=lambda page: page.pk):
        sources.setdefault(page.translation_key, page.locale_id)
    return sources


def tags_to_topics(apps, schema_editor):
    news_page = apps.get_model("home", "NewsPage")
    news_page_tag = apps.get_model("home", "NewsPageTag")
    news_topic = apps.get_model("home", "NewsTopic")
    news_page_topic = apps.get_model("home", "NewsPageTopic")
    tag_model = apps.get_model("taggit", "Tag")
    tagged_item = apps.get_model("taggit", "TaggedItem")

    tags_of = defaultdict(list)
    for item in news_page_tag.objects.select_related("tag").order_by("content_object_id", "pk"):
        tags_of[item.content_object_id].append(item.tag)
    if not tags_of:
        return
    pages = list(news_page.objects.only("locale", "translation_key"))
    sources = _source_locales(apps, pages)
    source_tags = {
        page.translation_key: {tag.pk for tag in tags_of[page.pk]}
        for page in pages
        if page.locale_id == sources[page.translation_key]
    }

    taken, topics = set(), {}
    for page in sorted(pages, key=lambda page: page.pk):
        source_locale = sources[page.translation_key]
        for position, tag in enumerate(tags_of[page.pk]):
            on_source = tag.pk in source_tags.get(page.translation_key, ())
            locale_id = source_locale if on_source else page.locale_id
            topic = topics.get((tag.pk, locale_id))
            if topic is None:
                base = slugify(anyascii(tag.name))[:72].strip("-") or f"topic-{tag.pk}"
                topic = topics[tag.pk, locale_id] = news_topic.objects.create(
                    name=tag.name[:80],
                    slug=_unique(base, taken),
                    locale_id=locale_id,
                    translation_key=uuid.uuid5(NAMESPACE, f"tag:{tag.pk}:{locale_id}"),
                )
            news_page_topic.objects.create(
                page_id=page.pk,
                topic=topic,
                locale_id=page.locale_id,
                sort_order=position,
                translation_key=uuid.uuid5(NAMESPACE, f"link:{page.translation_key}:{tag.pk}"),
            )

    used_elsewhere = tagged_item.objects.values("tag_id")
    news_tags = {tag.pk for tags in tags_of.values() for tag in tags}
    tag_model.objects.filter(pk__in=news_tags).exclude(pk__in=used_elsewhere).delete()


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
    from core.accounts import setup_editorial_groups

    setup_editorial_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_news_topics"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(tags_to_topics, topics_to_tags),
        migrations.RunPython(grant_topic_permissions, migrations.RunPython.noop),
    ]
