# News topics: a translatable snippet, linked from articles through a translatable inline.

import uuid

import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_editorial_groups_and_moderation_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="NewsTopic",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(max_length=80, verbose_name="name")),
                ("slug", models.SlugField(blank=True, help_text="The topic's address in the news filter (…/news/?tag=family): Latin letters, digits and hyphens, the same in every language. Made from the name if left empty.", max_length=80, verbose_name="slug")),
                ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
            ],
            options={
                "verbose_name": "news topic",
                "verbose_name_plural": "news topics",
                "ordering": ["name"],
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
                "constraints": [
                    models.UniqueConstraint(fields=("locale", "slug"), name="unique_news_topic_slug_per_locale")
                ],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="NewsPageTopic",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
                ("page", modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="topic_links", to="home.newspage")),
                ("topic", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="article_links", to="home.newstopic", verbose_name="topic")),
            ],
            options={
                "verbose_name": "article topic",
                "verbose_name_plural": "article topics",
                "ordering": ["sort_order"],
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
    ]
