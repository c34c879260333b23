# The free tags of news articles are replaced by news topics (0003, 0004).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_news_tags_to_topics"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="newspage",
            name="tags",
        ),
        migrations.DeleteModel(
            name="NewsPageTag",
        ),
    ]
