"""A cached snapshot of the small configuration intake reads for every message.

Queues (and which of them have agent groups), reply templates and routing
rules change rarely but are read on every new ticket; looking them up costs
round trips per ticket.  The snapshot lives in
Django's cache framework (shared between processes when the site uses Redis or
Memcached, which production does), is dropped when a queue, template or routing rule is
saved or deleted, or a queue's groups change (again after commit, so a reader cannot re-cache the old
rows in between), and expires after a minute in any case, which bounds
staleness on sites whose cache is per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction

CACHE_KEY = "wagtail_helpdesk:config:3"
TIMEOUT = 60


@dataclass(frozen=True)
class TemplateData:
    name: str
    event: str
    language: str
    subject: str
    body: str


@dataclass(frozen=True)
class RuleData:
    """An active routing rule, with its conditions pre-parsed for matching in Python."""

    name: str
    channel: str
    category: str
    tag: str
    priority: int | None
    words: tuple[str, ...]
    shop_account_pattern: str
    target_queue_id: int | None
    assignee_id: int | None
    set_priority: int | None
    add_tags: tuple[str, ...]


@dataclass(frozen=True)
class QueueRouting:
    strategy: str
    sticky: bool


@dataclass(frozen=True)
class ConfigSnapshot:
    #: Queue slug → id, for every queue.
    queue_ids: dict[str, int]
    #: Ids of queues marked default, lowest first.
    default_queue_ids: tuple[int, ...]
    #: Active reply templates.
    reply_templates: tuple[TemplateData, ...]
    #: Active routing rules, in the order they are tried.
    routing_rules: tuple[RuleData, ...] = ()
    #: Queue id → its assignment strategy and sticky flag.
    queue_routing: dict[int, QueueRouting] = field(default_factory=dict)
    #: Ids of the queues with at least one agent group (whether the groups have members or not).
    staffed_queue_ids: frozenset[int] = frozenset()

    def queue_slug(self, queue_id: int | None) -> str:
        """The slug of queue ``queue_id``, or ``""`` (a page can name its queue without a query)."""
        return next((slug for slug, pk in self.queue_ids.items() if pk == queue_id), "")

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
    from ..models import Queue, ReplyTemplate, RoutingRule

    queues = list(Queue.objects.order_by("pk").values_list("pk", "slug", "is_default", "assignment_strategy", "sticky"))
    templates = ReplyTemplate.objects.filter(is_active=True).order_by("pk")
    return ConfigSnapshot(
        queue_ids={row[1]: row[0] for row in queues},
        default_queue_ids=tuple(row[0] for row in queues if row[2]),
        reply_templates=tuple(
            TemplateData(name=t.name, event=t.event, language=t.language, subject=t.subject, body=t.body)
            for t in templates
        ),
        routing_rules=tuple(
            _rule_data(rule) for rule in RoutingRule.objects.filter(active=True).order_by("order", "pk")
        ),
        queue_routing={row[0]: QueueRouting(strategy=row[3], sticky=row[4]) for row in queues},
        staffed_queue_ids=frozenset(Queue.groups.through.objects.values_list("queue_id", flat=True).distinct()),
    )


def _rule_data(rule) -> RuleData:
    return RuleData(
        name=rule.name,
        channel=rule.channel.strip(),
        category=rule.category.strip(),
        tag=rule.tag.strip(),
        priority=rule.priority,
        words=tuple(line.strip().casefold() for line in rule.words.splitlines() if line.strip()),
        shop_account_pattern=rule.shop_account_pattern.strip(),
        target_queue_id=rule.target_queue_id,
        assignee_id=rule.assignee_id,
        set_priority=rule.set_priority,
        add_tags=tuple(name.strip() for name in rule.add_tags.split(",") if name.strip()),
    )


def invalidate(**kwargs) -> None:
    """Signal receiver: forget the snapshot now and once more after commit."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))
