"""Built-in classifier: the knowledge-base articles that may answer a new ticket.

One search query per new ticket (``services.kb.suggest_for_text``); intake
stores the ids and the agent's ticket view lists the articles.  Disable it
with ``WAGTAIL_HELPDESK_DISABLED_PLUGINS = ["kb_suggester"]``.
"""

from __future__ import annotations

import logging

from wagtail.models import Locale

from .. import hookimpl
from ..services import kb
from ..types import Classification, InboundMessage

logger = logging.getLogger(__name__)

#: How many articles the agent is shown.
SUGGESTIONS = 3


@hookimpl
def helpdesk_classify_message(message: InboundMessage, ticket) -> Classification | None:
    if message.channel == "kb-feedback":  # the customer has just read the article
        return None
    locale = _locale(ticket.language)
    try:
        hits = kb.suggest_for_text(message.subject, message.body_text, locale=locale, limit=SUGGESTIONS)
    except Exception:  # a search backend outage must never stop a ticket from opening
        logger.exception("Knowledge-base suggestions failed for an inbound %s message", message.channel)
        return None
    return Classification(articles=[hit.id for hit in hits]) if hits else None


def _locale(language: str) -> Locale | None:
    code = (language or "").split("-")[0].lower()
    if code:
        locale = Locale.objects.filter(language_code__iexact=code).first()
        if locale is not None:
            return locale
    return Locale.get_default()
