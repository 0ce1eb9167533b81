"""Recording ticket events and announcing them to plugins after commit."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from typing import Any

from django.db import connection, transaction

from ..models import Customer, EventKind, Ticket, TicketEvent
from ..types import Reason, TicketEventPayload
from . import queueing
from .gathering import gathering

logger = logging.getLogger(__name__)

#: The automation rules whose actions are running (see :func:`caused_by`).
_origin: ContextVar[tuple[int, ...]] = ContextVar("helpdesk_event_origin", default=())
#: Events recorded inside :func:`recorded_together`, stored and announced at its end.
_gathered: ContextVar[list[TicketEvent] | None] = ContextVar("helpdesk_events_gathered", default=None)


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
    clock recalculates the deadlines of the tickets concerned.  Inside
    :func:`recorded_together` the clock still runs at once, but the rows are
    stored at the end of that block (until then their ``pk`` is ``None``).
    """
    from . import sla  # the clock imports the models this module is imported with

    gathered = _gathered.get()
    if gathered is not None:
        sla.on_events(events)
        gathered.extend(events)
        return list(events)
    saved = _insert(events)
    sla.on_events(saved)
    payloads = [_payload(event) for event in saved]
    transaction.on_commit(lambda: announce(payloads))
    return saved


@contextlib.contextmanager
def recorded_together() -> Iterator[None]:
    """Store every event recorded inside in one INSERT at the end, and announce them in one call after commit.

    For work that changes many tickets in one transaction (intake's batch of
    polled mail): nothing reads events back while tickets are being changed,
    so their rows can wait for the end of the block; plugins hear the same
    events in the same order.  Use it inside ``transaction.atomic()``; if the
    block raises, nothing is stored or announced.
    """
    with gathering(_gathered) as gathered:
        yield
    if gathered:
        payloads = [_payload(event) for event in _insert(gathered)]
        transaction.on_commit(lambda: announce(payloads))


def _insert(events: Sequence[TicketEvent]) -> list[TicketEvent]:
    if connection.features.can_return_rows_from_bulk_insert:
        return TicketEvent.objects.bulk_create(events)
    for event in events:  # the payloads need ids
        event.save()
    return list(events)


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
    """Call ``helpdesk_ticket_event`` once per payload; a failing plugin is logged, not fatal.

    The Celery tasks the implementations queue with ``queueing.queue_task``
    are sent together, in one broker message, when all have been called.
    """
    from ..plugins.manager import get_plugin_manager

    pm = get_plugin_manager()
    # Each implementation is called on its own so one failing plugin cannot
    # keep the others from hearing about the event.
    impls = list(reversed(pm.hook.helpdesk_ticket_event.get_hookimpls()))
    # The tasks the plugins queue (queueing.queue_task) leave in one broker message.
    with queueing.queued_together():
        for payload in payloads:
            for impl in impls:
                try:
                    impl.function(*[{"event": payload}[name] for name in impl.argnames])
                except Exception:
                    logger.exception("Plugin %s failed on ticket event %s", impl.plugin_name, payload.kind)


def reason_data(reasons: list[Reason]) -> dict[str, Any]:
    """A routing reason as an event stores it: message ids and parameters, translated only when shown.

    ``reason`` is the first part's message and ``reason_params`` its
    parameters; ``more_reasons`` lists the other parts as ``[message,
    params]`` pairs.  Keys without content are left out, so a plain-text
    reason is stored as ``{"reason": "..."}``, as before.
    """
    if not reasons or not reasons[0].message:
        return {"reason": ""}
    first, *rest = reasons
    data: dict[str, Any] = {"reason": first.message}
    if first.params:
        data["reason_params"] = _json_params(first.params)
    if rest:
        data["more_reasons"] = [[part.message, _json_params(part.params)] for part in rest]
    return data


def describe_reason(data: Mapping[str, Any]) -> str:
    """The routing reason in an event's ``data`` as text in the active language.

    Each part is ``gettext(message) % params``; a reason stored as plain text
    (events recorded before reasons had parameters, or a plugin's own
    sentence) is shown as it is, translated only if the catalogue has it.
    """
    parts = [Reason(data.get("reason") or "", dict(data.get("reason_params") or {}))]
    for item in data.get("more_reasons") or ():
        if isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[1], Mapping):
            parts.append(Reason(str(item[0]), dict(item[1])))
        else:  # not written by reason_data(): show what is there
            parts.append(Reason(str(item)))
    return "; ".join(text for text in (str(part) for part in parts if part.message) if text)


def _json_params(params: Mapping[str, Any]) -> dict[str, Any]:
    # Event data is JSON: keep numbers and strings, write anything else (a user, a queue) as text.
    return {
        str(key): value if isinstance(value, (str, int, float, bool)) or value is None else str(value)
        for key, value in params.items()
    }
