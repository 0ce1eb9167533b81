"""Celery tasks: take ids, call one service, safe to run twice.

The package never creates a Celery app; these are ``shared_task`` s that bind
to the host's app.
"""

from celery import shared_task

from .services import outbox


@shared_task(name="wagtail_helpdesk.deliver_outbox_message", bind=True, max_retries=None, ignore_result=False)
def deliver_outbox_message(self, outbound_id: int) -> str:
    outcome = outbox.deliver(outbound_id)
    # In eager mode a retry would run again at once; beat's flush_outbox retries instead.
    if outcome.retry_in is not None and not self.request.is_eager:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.state


@shared_task(name="wagtail_helpdesk.flush_outbox")
def flush_outbox() -> int:
    return outbox.flush_due()
