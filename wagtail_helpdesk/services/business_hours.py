"""Business-time arithmetic on a :class:`~.sla_config.CalendarData`.

Deadlines are counted in business minutes: only minutes inside the weekly
hours, outside holidays, in the calendar's own time zone.  Intervals are
built from local wall-clock times and then turned into UTC, so a working day
that contains a daylight-saving change has as many real minutes as the clock
on the wall shows (8:00-16:00 is eight hours on both sides of the change);
an interval that spans the change itself (e.g. 00:00-24:00) has 23 or 25.

``None`` as calendar means "always open": plain elapsed time.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from .sla_config import CalendarData

#: How far the search for working time goes before giving up (a calendar
#: without a single working day would otherwise loop forever).
MAX_DAYS = 3 * 366


class NoBusinessHours(ValueError):
    """The calendar has no working time within :data:`MAX_DAYS`."""


@lru_cache(maxsize=64)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def _local(day: date, minute: int, tz: zoneinfo.ZoneInfo) -> datetime:
    if minute >= 1440:
        return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    # A wall time inside the spring-forward gap resolves with the offset in
    # force before the change (fold=0), i.e. to the first real minute after it.
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz).astimezone(UTC)


def intervals(calendar: CalendarData, day: date) -> list[tuple[datetime, datetime]]:
    """The working intervals of one local date, in UTC, in order."""
    if day in calendar.holidays:
        return []
    tz = _zone(calendar.time_zone)
    return [(_local(day, a, tz), _local(day, b, tz)) for a, b in calendar.hours[day.weekday()]]


def _days(calendar: CalendarData, moment: datetime, step: int) -> Iterator[date]:
    day = moment.astimezone(_zone(calendar.time_zone)).date()
    for _ in range(MAX_DAYS):
        yield day
        day += timedelta(days=step)
    raise NoBusinessHours(calendar.time_zone)


def add(calendar: CalendarData | None, start: datetime, amount: timedelta) -> datetime:
    """The moment ``amount`` of business time after ``start``.

    A start outside working hours counts from the next opening; a negative
    amount counts backwards (see :func:`subtract`).
    """
    if amount < timedelta(0):
        return subtract(calendar, start, -amount)
    if calendar is None or calendar.always_open:
        return start + amount
    remaining = amount
    for day in _days(calendar, start, 1):
        for opens, closes in intervals(calendar, day):
            begin = max(opens, start)
            if begin >= closes:
                continue
            if remaining <= closes - begin:
                return begin + remaining
            remaining -= closes - begin
    raise AssertionError("unreachable")


def subtract(calendar: CalendarData | None, end: datetime, amount: timedelta) -> datetime:
    """The moment ``amount`` of business time before ``end``."""
    if calendar is None or calendar.always_open:
        return end - amount
    remaining = amount
    for day in _days(calendar, end, -1):
        for opens, closes in reversed(intervals(calendar, day)):
            finish = min(closes, end)
            if finish <= opens:
                continue
            if remaining <= finish - opens:
                return finish - remaining
            remaining -= finish - opens
    raise AssertionError("unreachable")


def between(calendar: CalendarData | None, start: datetime, end: datetime) -> timedelta:
    """Business time from ``start`` to ``end`` (zero when ``end`` is not later)."""
    if end <= start:
        return timedelta(0)
    if calendar is None or calendar.always_open:
        return end - start
    total = timedelta(0)
    last = end.astimezone(_zone(calendar.time_zone)).date()
    for day in _days(calendar, start, 1):
        if day > last:
            break
        for opens, closes in intervals(calendar, day):
            overlap = min(closes, end) - max(opens, start)
            if overlap > timedelta(0):
                total += overlap
    return total


def add_minutes(calendar: CalendarData | None, start: datetime, minutes: int) -> datetime:
    """``start`` plus ``minutes`` business minutes."""
    return add(calendar, start, timedelta(minutes=minutes))


def minutes_between(calendar: CalendarData | None, start: datetime, end: datetime) -> int:
    """Whole business minutes from ``start`` to ``end``."""
    return int(between(calendar, start, end).total_seconds() // 60)
