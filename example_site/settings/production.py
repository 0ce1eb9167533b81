"""Production: PostgreSQL, a Redis broker, Celery workers and beat.

Required environment: ``SECRET_KEY``, ``DATABASE_URL``, ``ALLOWED_HOSTS``
(comma-separated).  Optional: ``CELERY_BROKER_URL`` (default
``redis://127.0.0.1:6379/0``), ``SMTP_HOST``/``SMTP_PORT``/``SMTP_USER``/
``SMTP_PASSWORD``, ``SITE_URL``.
"""

import os

import django

from wagtail_helpdesk.beat import BEAT_SCHEDULE

from .base import *  # noqa: F403
from .base import database_from_url

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [host.strip() for host in os.environ.get("ALLOWED_HOSTS", "").split(",") if host.strip()]
DATABASES = {"default": database_from_url(os.environ["DATABASE_URL"])}

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL)
# The helpdesk's periodic tasks (outbox flush...) plus the shop's own, if any.
CELERY_BEAT_SCHEDULE = {**BEAT_SCHEDULE}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

_smtp = {
    "host": os.environ.get("SMTP_HOST", "localhost"),
    "port": int(os.environ.get("SMTP_PORT", "587")),
    "username": os.environ.get("SMTP_USER", ""),
    "password": os.environ.get("SMTP_PASSWORD", ""),
    "use_tls": os.environ.get("SMTP_USE_TLS", "1") == "1",
    "timeout": 20,
}
if django.VERSION >= (6, 1):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": _smtp}}
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _smtp["host"]
    EMAIL_PORT = _smtp["port"]
    EMAIL_HOST_USER = _smtp["username"]
    EMAIL_HOST_PASSWORD = _smtp["password"]
    EMAIL_USE_TLS = _smtp["use_tls"]
    EMAIL_TIMEOUT = _smtp["timeout"]
