"""The retention sweep as a background task (django-tasks).

django-tasks has no scheduler of its own: cron runs `manage.py forget_unfinished_gifts`
once a day, which queues this task for the worker (docs/production.md has the line).
"""

from django_tasks import task

from .privacy import forget_unfinished_gifts


@task()
def forget_unfinished_gifts_task():
    """Forget the donors of gifts that never completed, past the retention period.

    Returns the counts (JSON, stored with the task's result by the database backend).
    """
    return forget_unfinished_gifts().counts()
