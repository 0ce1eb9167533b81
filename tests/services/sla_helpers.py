"""Small helpers for SLA tests: policies and calendars in a few lines."""

from __future__ import annotations

from datetime import time

from wagtail_helpdesk.models import BusinessCalendar, BusinessHours, Holiday, Priority, SLAPolicy, SLATarget


def make_calendar(name="Warsaw office", zone="Europe/Warsaw", days=range(5), opens=8, closes=16, holidays=()):
    calendar = BusinessCalendar.objects.create(name=name, time_zone=zone)
    for day in days:
        BusinessHours.objects.create(calendar=calendar, weekday=day, opens=time(opens), closes=time(closes))
    for day in holidays:
        Holiday.objects.create(calendar=calendar, date=day, name="holiday")
    return calendar


def make_policy(targets=None, **fields) -> SLAPolicy:
    """``targets``: priority → (first response, next response, resolution) in minutes."""
    fields.setdefault("name", "Standard")
    policy = SLAPolicy.objects.create(**fields)
    targets = targets or {Priority.NORMAL: (60, 120, 480), Priority.HIGH: (30, 60, 240), Priority.URGENT: (15, 30, 120)}
    for priority, (first, nxt, resolution) in targets.items():
        SLATarget.objects.create(
            policy=policy,
            priority=priority,
            first_response_minutes=first,
            next_response_minutes=nxt,
            resolution_minutes=resolution,
        )
    return policy
