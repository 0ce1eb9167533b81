"""Celery tasks: take ids, call one service, safe to run twice.

The package never creates a Celery app; these are ``shared_task`` s that bind
to the host's app.
"""

from celery import shared_task

from .models import Mailbox
from .services import (
    agent_notifications,
    assignment,
    automation_timed,
    kb_activity,
    kb_suggestions,
    mailboxes,
    outbox,
    queueing,
    saved_views,
    sla_sweep,
    webhooks,
)
from .types import TicketEventPayload


@shared_task(name="wagtail_helpdesk.deliver_outbox_message", bind=True, max_retries=None, ignore_result=False)
def deliver_outbox_message(self, outbound_id: int) -> str:
    outcome = outbox.deliver(outbound_id)
    # In eager mode a retry would run again at once; beat's flush_outbox retries instead.
    if outcome.retry_in is not None and not self.request.is_eager:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.state


@shared_task(name="wagtail_helpdesk.deliver_outbox_messages", bind=True, ignore_result=False)
def deliver_outbox_messages(self, outbound_ids: list[int]) -> dict[str, str]:
    """Deliver the outbound messages one event queued together; each failure is retried on its own."""
    outcomes = outbox.deliver_many(outbound_ids)
    for outbound_id, outcome in outcomes.items():
        if outcome.retry_in is not None and not self.request.is_eager:
            deliver_outbox_message.apply_async((outbound_id,), countdown=outcome.retry_in)
    return {str(outbound_id): outcome.state for outbound_id, outcome in outcomes.items()}


@shared_task(name="wagtail_helpdesk.run_tasks")
def run_tasks(calls: list[list]) -> int:
    """Run the tasks one announcement queued together (``services.queueing``), in order."""
    return queueing.run(calls)


@shared_task(name="wagtail_helpdesk.flush_outbox")
def flush_outbox() -> int:
    return outbox.flush_due()


@shared_task(name="wagtail_helpdesk.poll_mailboxes")
def poll_mailboxes() -> int:
    """Fan out: one task per active mailbox, so a slow or unreachable server delays only itself."""
    ids = mailboxes.poll_active()
    for mailbox_id in ids:
        poll_mailbox.delay(mailbox_id)
    return len(ids)


@shared_task(name="wagtail_helpdesk.poll_mailbox")
def poll_mailbox(mailbox_id: int) -> int:
    """Poll one mailbox; a server error is recorded on the mailbox and the next beat tries again."""
    mailbox = Mailbox.objects.select_related("queue").filter(pk=mailbox_id, is_active=True).first()
    if mailbox is None:
        return 0
    try:
        return mailboxes.poll(mailbox).processed
    except mailboxes.MailboxError:
        return 0


@shared_task(name="wagtail_helpdesk.assign_waiting_tickets")
def assign_waiting_tickets() -> int:
    """Hand tickets that wait unassigned (every agent was at their limit) to agents who freed up."""
    return assignment.assign_all_waiting()


@shared_task(name="wagtail_helpdesk.sla_sweep")
def sla_sweep_task() -> dict:
    """Record SLA warnings and breaches that are due (each exactly once) and escalate breaches."""
    result = sla_sweep.sweep()
    return {"checked": result.checked, "warnings": result.warnings, "breaches": result.breaches}


@shared_task(name="wagtail_helpdesk.run_timed_rules")
def run_timed_rules() -> int:
    """Apply time-based automation rules (reminders, auto-close, satisfaction surveys), each once per occasion."""
    return automation_timed.run()


@shared_task(name="wagtail_helpdesk.notify_agents")
def notify_agents(event: dict) -> int:
    """Notify the agents a committed ticket event concerns; running it twice notifies nobody twice."""
    return len(agent_notifications.notify_for_event(TicketEventPayload(**event)))


@shared_task(name="wagtail_helpdesk.flush_kb_views")
def flush_kb_views() -> int:
    """Write yesterday's article views still below a batch (``KB_VIEW_BATCH``) in the cache."""
    return kb_activity.flush_views()


@shared_task(name="wagtail_helpdesk.recount_saved_views", ignore_result=True)
def recount_saved_views(user_id: int) -> None:
    """Count an agent's saved views again, after a page showed stale counts (``services.saved_views``)."""
    saved_views.recount(user_id)


@shared_task(name="wagtail_helpdesk.suggest_articles")
def suggest_articles(ticket_id: int) -> list[int]:
    """Find and store the knowledge-base articles for a new ticket; running it twice changes nothing."""
    return kb_suggestions.suggest_for_ticket(ticket_id)


@shared_task(name="wagtail_helpdesk.deliver_webhook", bind=True, max_retries=None, ignore_result=False)
def deliver_webhook(self, delivery_id: int) -> str:
    """POST one webhook delivery; a retryable failure comes back after the back-off."""
    outcome = webhooks.deliver(delivery_id)
    # In eager mode a retry would run again at once; beat's flush_webhooks retries instead.
    if outcome.retry_in is not None and not self.request.is_eager:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.state


@shared_task(name="wagtail_helpdesk.flush_webhooks")
def flush_webhooks() -> int:
    return webhooks.flush_due()
