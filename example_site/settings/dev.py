"""Development: runs with nothing but Python.

SQLite in ``example_site/var/``, Celery tasks run in-process, and every mail
a customer would get is written to ``example_site/var/sent-mail/`` (Django's
file-based backend) so you can read it.  ``DATABASE_URL`` and ``CELERY_BROKER_URL``
switch to PostgreSQL and a real broker, as they do for the test suite.
"""

import os

import django

from wagtail_helpdesk.beat import BEAT_SCHEDULE

from .base import *  # noqa: F403
from .base import VAR_DIR, database_from_url, sqlite_database

VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = True
SECRET_KEY = "example-site-development-only-not-secret"
ALLOWED_HOSTS = ["*"]
# The demo users have trivial passwords on purpose.
AUTH_PASSWORD_VALIDATORS = []

# DATABASE_URL=postgresql://... runs the development site against PostgreSQL.
DATABASES = {
    "default": database_from_url(os.environ["DATABASE_URL"])
    if os.environ.get("DATABASE_URL")
    else sqlite_database(VAR_DIR / "db.sqlite3")
}

if os.environ.get("CELERY_BROKER_URL"):
    # A real broker (e.g. redis://127.0.0.1:6379/0): run `celery -A example_site worker -B` next to runserver.
    CELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"]
    CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL)
    CELERY_BEAT_SCHEDULE = {**BEAT_SCHEDULE}
else:
    # No services: tasks (mail delivery) run in-process as soon as the transaction commits.
    CELERY_TASK_ALWAYS_EAGER = True
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = "cache+memory://"

SENT_MAIL_DIR = VAR_DIR / "sent-mail"
if django.VERSION >= (6, 1):
    # Django 6.1 deprecates EMAIL_* in favour of MAILERS (and refuses both at once).
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(SENT_MAIL_DIR)},
        }
    }
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(SENT_MAIL_DIR)
