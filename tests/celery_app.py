"""The Celery app the tests' real worker runs (the package itself never creates one)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

app = Celery("helpdesk_tests")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["wagtail_helpdesk"])
