"""Recording ticket events and announcing them to plugins after commit."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

from django.db import connection, transaction

from ..models import Customer, EventKind, Ticket, TicketEvent
from ..types import TicketEventPayload

logger = logging.getLogger(__name__)

#: The automation rules whose actions are running (see :func:`caused_by`).
_origin: ContextVar[tuple[int, ...]] = ContextVar("helpdesk_event_origin", default=())


@contextlib.contextmanager
def caused_by(rule_chain: tuple[int, ...]) -> Iterator[None]:
    """Mark every event built inside as caused by these automation rules.

    The chain travels in the event's ``data["automation"]``, so the rules
    hearing about the event know who started it and a rule's own action can
    never trigger it again (``services.automation``).
    """
    token = _origin.set(tuple(rule_chain))
    try:
        yield
    finally:
        _origin.reset(token)


def build(
    ticket: Ticket,
    kind: EventKind | str,
    *,
    user=None,
    customer: Customer | None = None,
    **data: Any,
) -> TicketEvent:
    """An unsaved event; pass several to :func:`record` to store them in one query."""
    if _origin.get():
        data.setdefault("automation", {"rules": list(_origin.get()), "depth": len(_origin.get())})
    return TicketEvent(ticket=ticket, kind=kind, actor_user=user, actor_customer=customer, data=data)


def record(*events: TicketEvent) -> list[TicketEvent]:
    """Store events (one INSERT where the database returns ids) and call
    ``helpdesk_ticket_event`` for each after commit.

    Every ticket change passes through here, so this is also where the SLA
    clock recalculates the deadlines of the tickets concerned.
    """
    if connection.features.can_return_rows_from_bulk_insert:
        saved = TicketEvent.objects.bulk_create(events)
    else:  # the payloads need ids
        for event in events:
            event.save()
        saved = list(events)
    from . import sla  # the clock imports the models this module is imported with

    sla.on_events(saved)
    payloads = [_payload(event) for event in saved]
    transaction.on_commit(lambda: announce(payloads))
    return saved


def _payload(event: TicketEvent) -> TicketEventPayload:
    return TicketEventPayload(
        event_id=event.pk,
        kind=str(event.kind),
        ticket_id=event.ticket_id,
        ticket_reference=event.ticket.reference or "",
        actor_user_id=event.actor_user_id,
        actor_customer_id=event.actor_customer_id,
        data=dict(event.data),
    )


def announce(payloads: Iterable[TicketEventPayload]) -> None:
    """Call ``helpdesk_ticket_event`` once per payload; a failing plugin is logged, not fatal."""
    from ..plugins.manager import get_plugin_manager

    pm = get_plugin_manager()
    # Each implementation is called on its own so one failing plugin cannot
    # keep the others from hearing about the event.
    impls = list(reversed(pm.hook.helpdesk_ticket_event.get_hookimpls()))
    for payload in payloads:
        for impl in impls:
            try:
                impl.function(*[{"event": payload}[name] for name in impl.argnames])
            except Exception:
                logger.exception("Plugin %s failed on ticket event %s", impl.plugin_name, payload.kind)
