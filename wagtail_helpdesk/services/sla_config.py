"""A cached snapshot of SLA policies and business calendars.

The SLA clock runs on every new ticket and on most ticket changes, so it must
not read five tables each time.  Like ``config_cache``, the snapshot lives in
Django's cache, is dropped when a policy, target, calendar, interval or
holiday is saved or deleted (again after commit), and expires after a minute.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.db import transaction

CACHE_KEY = "wagtail_helpdesk:sla:1"
TIMEOUT = 60


@dataclass(frozen=True)
class CalendarData:
    """Working intervals per weekday (Monday = 0) as minutes after local midnight."""

    time_zone: str
    #: Seven tuples of ``(opens, closes)`` minutes; closes may be 1440 (midnight).
    hours: tuple[tuple[tuple[int, int], ...], ...]
    holidays: frozenset[date] = frozenset()

    @property
    def always_open(self) -> bool:
        return not any(self.hours)


@dataclass(frozen=True)
class TargetData:
    first_response: int | None
    next_response: int | None
    resolution: int | None


@dataclass(frozen=True)
class PolicyData:
    id: int
    name: str
    calendar: CalendarData | None
    queue_id: int | None
    customer_segment: str
    warning_percent: int
    pause_on_hold: bool
    targets: dict[int, TargetData] = field(default_factory=dict)
    notify_group_id: int | None = None
    raise_priority: bool = False
    reassign_to_queue_id: int | None = None
    reassign_to_user_id: int | None = None

    def matches(self, ticket) -> bool:
        if self.queue_id is not None and ticket.queue_id != self.queue_id:
            return False
        if self.customer_segment:
            account = ticket.customer.shop_account if ticket.customer_id else ""
            return fnmatch.fnmatchcase(account.casefold(), self.customer_segment.casefold())
        return True


def snapshot() -> tuple[PolicyData, ...]:
    """Active policies in the order they are tried."""
    data = cache.get(CACHE_KEY)
    if data is None:
        data = _load()
        cache.set(CACHE_KEY, data, TIMEOUT)
    return data


def policy_for(ticket) -> PolicyData | None:
    """The first active policy whose conditions match ``ticket``."""
    for policy in snapshot():
        if policy.matches(ticket):
            return policy
    return None


def calendar_data(calendar) -> CalendarData:
    """Plain data for one :class:`~wagtail_helpdesk.models.BusinessCalendar` (hours and holidays loaded)."""
    days: list[list[tuple[int, int]]] = [[] for _ in range(7)]
    for interval in calendar.hours.all():
        opens = interval.opens.hour * 60 + interval.opens.minute
        closes = interval.closes.hour * 60 + interval.closes.minute or 1440
        if closes > opens:
            days[interval.weekday].append((opens, closes))
    return CalendarData(
        time_zone=calendar.time_zone,
        hours=tuple(tuple(sorted(day)) for day in days),
        holidays=frozenset(h.date for h in calendar.holidays.all()),
    )


def _load() -> tuple[PolicyData, ...]:
    from ..models import SLAPolicy

    policies = (
        SLAPolicy.objects.filter(active=True)
        .select_related("calendar")
        .prefetch_related("targets", "calendar__hours", "calendar__holidays")
        .order_by("order", "pk")
    )
    return tuple(
        PolicyData(
            id=p.pk,
            name=p.name,
            calendar=calendar_data(p.calendar) if p.calendar else None,
            queue_id=p.queue_id,
            customer_segment=p.customer_segment.strip(),
            warning_percent=p.warning_percent,
            pause_on_hold=p.pause_on_hold,
            targets={
                t.priority: TargetData(t.first_response_minutes, t.next_response_minutes, t.resolution_minutes)
                for t in p.targets.all()
            },
            notify_group_id=p.notify_group_id,
            raise_priority=p.raise_priority,
            reassign_to_queue_id=p.reassign_to_queue_id,
            reassign_to_user_id=p.reassign_to_user_id,
        )
        for p in policies
    )


def invalidate(**kwargs) -> None:
    """Signal receiver: forget the snapshot now and once more after commit."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))
