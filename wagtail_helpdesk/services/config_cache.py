"""A cached snapshot of the small configuration intake reads for every message.

Queues and reply templates change rarely but are read on every new ticket;
looking them up costs two round trips per ticket.  The snapshot lives in
Django's cache framework (shared between processes when the site uses Redis or
Memcached, which production does), is dropped when a queue or template is
saved or deleted (again after commit, so a reader cannot re-cache the old
rows in between), and expires after a minute in any case, which bounds
staleness on sites whose cache is per process.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

CACHE_KEY = "wagtail_helpdesk:config:1"
TIMEOUT = 60


@dataclass(frozen=True)
class TemplateData:
    name: str
    event: str
    language: str
    subject: str
    body: str


@dataclass(frozen=True)
class ConfigSnapshot:
    #: Queue slug → id, for every queue.
    queue_ids: dict[str, int]
    #: Ids of queues marked default, lowest first.
    default_queue_ids: tuple[int, ...]
    #: Active reply templates.
    reply_templates: tuple[TemplateData, ...]

    def reply_template(self, event: str, language: str) -> TemplateData | None:
        """The template for ``event`` in ``language``, else the one for every language."""
        candidates = [t for t in self.reply_templates if t.event == event and t.language in (language, "")]
        candidates.sort(key=lambda t: t.language == "")
        return candidates[0] if candidates else None


def snapshot() -> ConfigSnapshot:
    """The current snapshot, loaded from the database when the cache has none."""
    data = cache.get(CACHE_KEY)
    if data is None:
        data = _load()
        cache.set(CACHE_KEY, data, TIMEOUT)
    return data


def _load() -> ConfigSnapshot:
    from ..models import Queue, ReplyTemplate

    queues = list(Queue.objects.order_by("pk").values_list("pk", "slug", "is_default"))
    templates = ReplyTemplate.objects.filter(is_active=True).order_by("pk")
    return ConfigSnapshot(
        queue_ids={slug: pk for pk, slug, _default in queues},
        default_queue_ids=tuple(pk for pk, _slug, is_default in queues if is_default),
        reply_templates=tuple(
            TemplateData(name=t.name, event=t.event, language=t.language, subject=t.subject, body=t.body)
            for t in templates
        ),
    )


def invalidate(**kwargs) -> None:
    """Signal receiver: forget the snapshot now and once more after commit."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))
