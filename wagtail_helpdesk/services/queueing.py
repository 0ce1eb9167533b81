"""Queueing Celery tasks from hooks: one broker message for all the tasks one announcement queues.

A new ticket's ``created`` event makes several plugins queue a task each (the
agent notifier, the article suggester, a site's own); a mailbox poll announces
fifty such tickets at once.  Each ``delay()`` is a broker round trip paid by
the customer's request or the poll.  :func:`queue_task` is ``delay()`` for
hook implementations: inside :func:`queued_together` (which
:func:`~wagtail_helpdesk.services.events.announce` opens around every
announcement) the calls are gathered and sent as one ``run_tasks`` message,
which a worker runs in order.  Third-party plugins use the same function.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from .gathering import gathering

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Call:
    task: Any  # a Celery task
    args: tuple
    fallback: Callable[[], object] | None


_gathered: ContextVar[list[_Call] | None] = ContextVar("helpdesk_tasks_gathered", default=None)


def queue_task(task, *args: Any, fallback: Callable[[], object] | None = None) -> None:
    """Queue ``task(*args)``: at once, or with the others at the end of :func:`queued_together`.

    The arguments must be JSON-serialisable, as for any task.  If the broker
    cannot take the message, ``fallback`` runs instead (do the work now rather
    than lose it), or, without one, the error is logged.
    """
    gathered = _gathered.get()
    if gathered is not None:
        gathered.append(_Call(task, args, fallback))
    else:
        _send([_Call(task, args, fallback)])


@contextlib.contextmanager
def queued_together() -> Iterator[None]:
    """Send the tasks queued inside as one ``wagtail_helpdesk.run_tasks`` message when the block ends.

    Nested blocks send with the outermost.  If the block raises, nothing is sent.
    """
    with gathering(_gathered) as gathered:
        yield
    if gathered:
        _send(gathered)


def _send(calls: list[_Call]) -> None:
    if not calls:
        return
    from ..tasks import run_tasks

    try:
        if len(calls) == 1:
            calls[0].task.delay(*calls[0].args)
        else:
            run_tasks.delay([[call.task.name, list(call.args)] for call in calls])
    except Exception:
        logger.exception("Could not queue %s", ", ".join(call.task.name for call in calls))
        for call in calls:
            if call.fallback is not None:
                try:
                    call.fallback()
                except Exception:
                    logger.exception("The fallback of %s failed too", call.task.name)


def run(calls: list[list]) -> int:
    """Run gathered ``[task name, args]`` calls in order (the ``run_tasks`` task); return how many succeeded.

    A call that raises is logged and queued again on its own, so it gets its
    task's own retries and one failure never costs the calls after it.  A
    call this worker cannot run (a task it does not know, such as a plugin's
    that is not installed here, or an entry that is not a name and arguments)
    is logged and skipped, for the same reason.
    """
    from celery import current_app

    succeeded = 0
    for call in calls:
        try:
            name, args = call
            task = current_app.tasks[name]
        except (KeyError, TypeError, ValueError):
            logger.error("Skipping %r in a batch of tasks: this worker has no such task", call)
            continue
        try:
            task(*args)
        except Exception:
            logger.exception("Task %s failed in a batch; queueing it on its own", name)
            try:
                task.delay(*args)
            except Exception:
                logger.exception("Could not queue %s again", name)
        else:
            succeeded += 1
    return succeeded


__all__ = ["queue_task", "queued_together"]
