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
    # The queue counts matching tickets up to this many (or to the end of the page shown), then
    # says "more than"; None counts them all (slow on a large helpdesk).
    "QUEUE_COUNT_LIMIT": 1000,
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
    # The first agent who opens a new, unassigned ticket becomes its owner
    # (through workflow.claim); False for teams that claim explicitly.
    "AUTO_CLAIM_ON_OPEN": True,
    # Threading (docs/email.rst): a message that points at a ticket whose customer
    # or follower the sender is not either opens a "new_ticket" or is "hold"-en
    # in quarantine for a manager's decision.
    "UNKNOWN_SENDER_REPLY": "new_ticket",
    # A customer's message to a closed ticket: "reopen" it, or open a linked "follow_up".
    "CLOSED_TICKET_REPLY": "reopen",
    # Seconds within which a message from another channel with a similar subject
    # joins the customer's open ticket, e.g. 259200 (3 days); None: off.
    "CROSS_CHANNEL_WINDOW": None,
    # REST API: page size of list endpoints (a client may ask for up to the maximum).
    "API_PAGE_SIZE": 50,
    "API_MAX_PAGE_SIZE": 200,
    # REST API throttle rates per scope ("<count>/<second|minute|hour|day>", or None
    # for no limit), counted in the Django cache per user, per channel token or per IP.
    "API_THROTTLE_RATES": {"read": "600/minute", "write": "120/minute", "gateway": "600/minute"},
    # Outgoing webhooks and gateway callbacks: attempts before a delivery is marked
    # failed, base of the exponential back-off in seconds, HTTP timeout in seconds,
    # and how old (seconds) a signature may be before receivers should refuse it.
    "WEBHOOK_MAX_ATTEMPTS": 8,
    "WEBHOOK_RETRY_BACKOFF": 30,
    "WEBHOOK_TIMEOUT": 10,
    "WEBHOOK_SIGNATURE_TOLERANCE": 300,
    # Knowledge base: article views are counted in the cache and written to the
    # daily counter every KB_VIEW_BATCH views; popularity sums KB_POPULAR_DAYS days.
    "KB_VIEW_BATCH": 10,
    "KB_POPULAR_DAYS": 30,
    # Per client IP: searches through the JSON endpoint, feedback votes and
    # deflection events ("<count>/<s|m|h|d>", or None for none).
    "KB_SEARCH_RATE_LIMIT": "300/h",
    "KB_FEEDBACK_RATE_LIMIT": "30/h",
    "KB_DEFLECTION_RATE_LIMIT": "200/h",
    # Secrets the mailbox passwords are encrypted with (first encrypts, all
    # decrypt); None: SECRET_KEY, then SECRET_KEY_FALLBACKS.
    "SECRET_KEYS": None,
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
