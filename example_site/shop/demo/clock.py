"""Moving the demo history to the moments it stands for.

Demo only: the history is recorded in seconds, so "created" and "last
activity" would all say "just now".  A live site never does this.
"""

from __future__ import annotations

import bisect
import random
from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone

from wagtail_helpdesk.models import Attachment, Customer, InboundRecord, Message, OutboundMessage, Ticket, TicketEvent


class DemoClock:
    """Maps the real moments the actions ran at to the moments they stand for.

    Before each action :meth:`mark` records (now, demo moment).  A timestamp
    written during an action keeps its tiny real offset from the action's
    start, so rows written by one action stay in order.
    """

    def __init__(self) -> None:
        self.real: list[datetime] = []
        self.demo: list[datetime] = []

    def mark(self, moment: datetime) -> None:
        self.real.append(timezone.now())
        self.demo.append(moment)

    def __call__(self, moment: datetime | None) -> datetime | None:
        if moment is None or not self.real or moment < self.real[0]:
            return moment
        i = bisect.bisect_right(self.real, moment) - 1
        mapped = self.demo[i] + (moment - self.real[i])
        return min(mapped, self.demo[i + 1]) if i + 1 < len(self.demo) else mapped


def rewrite_history(clock: DemoClock, *, since: datetime, rng: random.Random) -> None:
    """Move every timestamp written since ``since`` to the demo moment it stands for.

    Demo only: the history was recorded in seconds, so "created" and "last
    activity" would all say "just now".  A live site never does this.  It uses
    ``bulk_update()`` (a queryset UPDATE) rather than ``save()`` on purpose:
    ``save()`` would reset the ``auto_now`` fields, and ticket events are
    append-only (``TicketEvent.save()`` refuses to change one).
    """
    _remap(
        Ticket.objects.filter(created_at__gte=since),
        ["created_at", "updated_at", "last_activity_at", "first_responded_at", "resolved_at", "closed_at"],
        clock,
    )
    _remap(Message.objects.filter(created_at__gte=since), ["created_at"], clock)
    _remap(TicketEvent.objects.filter(created_at__gte=since), ["created_at"], clock)
    _remap(InboundRecord.objects.filter(received_at__gte=since), ["received_at", "processed_at"], clock)
    _remap(Customer.objects.filter(created_at__gte=since), ["created_at"], clock)
    _remap(Attachment.objects.filter(created_at__gte=since), ["created_at"], clock)
    # Mail is delivered after the history's transaction commits: "sent" becomes a few seconds after "queued".
    outbound = list(OutboundMessage.objects.filter(created_at__gte=since))
    for row in outbound:
        row.created_at = clock(row.created_at)
        if row.sent_at is not None:
            row.sent_at = row.created_at + timedelta(seconds=rng.uniform(1, 20))
    OutboundMessage.objects.bulk_update(outbound, ["created_at", "sent_at"], batch_size=300)


def _remap(queryset: models.QuerySet, fields: list[str], clock: DemoClock) -> None:
    rows = list(queryset.only("pk", *fields))
    for row in rows:
        for name in fields:
            setattr(row, name, clock(getattr(row, name)))
    queryset.model.objects.bulk_update(rows, fields, batch_size=300)
