"""Built-in classifier: the knowledge-base articles that may answer a new ticket.

One search query per new ticket (``services.kb.suggest_for_text``); intake
stores the ids and this plugin's context panel lists the articles beside the
ticket in the agent's view.  Disable it
with ``WAGTAIL_HELPDESK_DISABLED_PLUGINS = ["kb_suggester"]``.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from .. import hookimpl
from ..services import kb, kb_suggestions
from ..types import Classification, ContextPanel, InboundMessage

logger = logging.getLogger(__name__)

#: How many articles the agent is shown.
SUGGESTIONS = 3


@hookimpl
def helpdesk_classify_message(message: InboundMessage, ticket) -> Classification | None:
    if message.channel == "kb-feedback":  # the customer has just read the article
        return None
    try:
        hits = kb.suggest_for_text(
            message.subject, message.body_text, language=ticket.language, limit=SUGGESTIONS, prefix_fallback=False
        )
    except Exception:  # a search backend outage must never stop a ticket from opening
        logger.exception("Knowledge-base suggestions failed for an inbound %s message", message.channel)
        return None
    return Classification(articles=[hit.id for hit in hits]) if hits else None


@hookimpl
def helpdesk_customer_context_panels(customer, ticket, request) -> list[ContextPanel]:
    """The articles found at intake, beside the ticket, so the agent can answer with a link."""
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
