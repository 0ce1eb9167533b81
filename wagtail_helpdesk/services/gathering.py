"""Gathering what a block of work produces, to store or send it once at the block's end.

Intake's batch (``intake.receive_many``) changes many tickets in one
transaction; the events, outbound mail and tasks each change makes are
gathered (``events.recorded_together``, ``outbox.delivered_together``,
``queueing.queued_together``) and handled together instead of one by one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")


@contextlib.contextmanager
def gathering(into: ContextVar[list[T] | None]) -> Iterator[list[T] | None]:
    """Set a fresh list in ``into`` for the block and yield it.

    Yields ``None`` when an outer block is already gathering into ``into``:
    that block handles what is gathered.  The code after the ``with`` runs
    only if the block did not raise, so what a failed block gathered is
    never handled.
    """
    if into.get() is not None:
        yield None
        return
    items: list[T] = []
    token = into.set(items)
    try:
        yield items
    finally:
        into.reset(token)
