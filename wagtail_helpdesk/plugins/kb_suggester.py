"""Built-in plugin: the knowledge-base articles that may answer a new ticket, beside it in the agent's view.

When a ticket is opened (``helpdesk_ticket_event``, after commit) it queues the
``wagtail_helpdesk.suggest_articles`` task, which runs one search with the
customer's first message (``services.kb_suggestions.suggest_for_ticket``) and
stores the best articles; its context panel lists them.  The search never runs
inside intake, so taking in a message never waits for it.  Disable it with
``WAGTAIL_HELPDESK_DISABLED_PLUGINS = ["kb_suggester"]``.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from .. import hookimpl
from ..models import EventKind
from ..services import kb_suggestions, queueing
from ..types import ContextPanel, TicketEventPayload


@hookimpl
def helpdesk_ticket_event(event: TicketEventPayload) -> None:
    """A new ticket: search for its articles in the ``wagtail_helpdesk.suggest_articles`` task."""
    if event.kind != EventKind.CREATED or event.data.get("channel") == "kb-feedback":
        return  # a kb-feedback ticket's customer has just read the article
    if not kb_suggestions.might_suggest():
        return  # no live article anywhere: the task would find nothing
    from ..tasks import suggest_articles

    queueing.queue_task(
        suggest_articles, event.ticket_id, fallback=lambda: kb_suggestions.suggest_for_ticket(event.ticket_id)
    )


@hookimpl
def helpdesk_customer_context_panels(customer, ticket, request) -> list[ContextPanel]:
    """The articles found for the ticket, beside it, so the agent can answer with a link."""
    articles = kb_suggestions.suggestions_for(ticket)
    if not articles:
        return []
    return [
        ContextPanel(
            title=_("Suggested articles"),
            template_name="wagtail_helpdesk/admin/includes/kb_suggestions_panel.html",
            context={"articles": [{"title": a.title, "full_url": a.get_full_url(request)} for a in articles]},
            order=50,
        )
    ]
