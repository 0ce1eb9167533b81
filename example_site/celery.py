"""The site's Celery app; wagtail-helpdesk only ships ``shared_task`` s and never creates one.

Run a worker and beat in production with::

    celery -A example_site worker --loglevel=info
    celery -A example_site beat --loglevel=info
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.dev")

app = Celery("example_site")
# Every CELERY_* Django setting configures the app (CELERY_BROKER_URL, CELERY_BEAT_SCHEDULE...).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
