"""Every Django setting wagtail-helpdesk reads, with its default.

Settings are read lazily with the ``WAGTAIL_HELPDESK_`` prefix and cached; a
``setting_changed`` receiver drops the cache so ``override_settings`` works in
tests.  Nothing else in the package reads ``django.conf.settings`` for our names.

Django settings wire a deployment (plugins, storage, limits).  Things a manager
changes day to day (queues, templates, rules) are data edited in the admin.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings as django_settings
from django.core.signals import setting_changed
from django.dispatch import receiver

PREFIX = "WAGTAIL_HELPDESK_"

DEFAULTS: dict[str, Any] = {
    # Dotted module paths of extra plugin modules to register.
    "PLUGINS": [],
    # Plugin names (built-in module names or entry-point names) never to register.
    "DISABLED_PLUGINS": [],
    # HTML sanitizer engine: "bleach" (default) or "nh3".
    "SANITIZER": "bleach",
    # Prefix and format of ticket references; {number} is the ticket's id.
    "REFERENCE_PREFIX": "HD",
    "REFERENCE_FORMAT": "{prefix}-{number:06d}",
    # Storage alias (a key of settings.STORAGES) for attachments; None means a
    # private FileSystemStorage under PRIVATE_MEDIA_ROOT, never public media.
    "ATTACHMENT_STORAGE": None,
    "PRIVATE_MEDIA_ROOT": None,
    # Inbound limits applied by intake to every channel.
    "MAX_BODY_CHARS": 200_000,
    "MAX_SUBJECT_CHARS": 255,
    "MAX_ATTACHMENTS": 10,
    "MAX_ATTACHMENT_BYTES": 10 * 1024 * 1024,
    "ALLOWED_ATTACHMENT_TYPES": [
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "application/pdf",
        "text/plain",
        "text/csv",
        "application/zip",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "message/rfc822",
    ],
    # Display labels for the fixed status values; stored values never change.
    "STATUS_LABELS": {},
    # Sender address for mail to customers; None means DEFAULT_FROM_EMAIL.
    "FROM_EMAIL": None,
    # Outbox delivery: attempts before a message is marked failed, and the
    # base of the exponential back-off in seconds.
    "OUTBOX_MAX_ATTEMPTS": 8,
    "OUTBOX_RETRY_BACKOFF": 30,
    # Slug of the queue a ticket lands in when no router decides.
    "DEFAULT_QUEUE": None,
    # Acknowledgements per sender address ("<count>/<s|m|h|d>", or None for no limit).
    "ACKNOWLEDGEMENT_RATE_LIMIT": "5/h",
    # Customer portal: seconds a signed ticket link stays valid (30 days).
    "PORTAL_LINK_MAX_AGE": 30 * 24 * 60 * 60,
    # Rate limits ("<count>/<s|m|h|d>", or None for none), counted per client IP
    # and per email address in the Django cache.
    "PORTAL_LINK_RATE_LIMIT": "5/h",
    "CONTACT_RATE_LIMIT": "5/h",
    # Knowledge base: article views are counted in the cache and written to the
    # daily counter every KB_VIEW_BATCH views; popularity sums KB_POPULAR_DAYS days.
    "KB_VIEW_BATCH": 10,
    "KB_POPULAR_DAYS": 30,
    # Per client IP: searches through the JSON endpoint, feedback votes and
    # deflection events ("<count>/<s|m|h|d>", or None for none).
    "KB_SEARCH_RATE_LIMIT": "300/h",
    "KB_FEEDBACK_RATE_LIMIT": "30/h",
    "KB_DEFLECTION_RATE_LIMIT": "200/h",
}

_cache: dict[str, Any] = {}


class HelpdeskSettings:
    """Attribute access to our settings: ``helpdesk_settings.MAX_ATTACHMENTS``."""

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"Unknown wagtail-helpdesk setting: {name}")
        if name not in _cache:
            _cache[name] = getattr(django_settings, PREFIX + name, DEFAULTS[name])
        return _cache[name]


helpdesk_settings = HelpdeskSettings()


@receiver(setting_changed)
def _reload(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith(PREFIX):
        _cache.pop(setting[len(PREFIX) :], None)
        if setting in (PREFIX + "PLUGINS", PREFIX + "DISABLED_PLUGINS"):
            from .plugins.manager import reset_plugin_manager

            reset_plugin_manager()
