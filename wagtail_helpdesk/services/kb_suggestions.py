"""Articles suggested to the agent for a new ticket.

Two ways in: a classifier plugin returns ``Classification.articles`` and intake
stores them with the ticket; the built-in ``kb_suggester`` searches the
knowledge base after the ticket is committed (:func:`suggest_for_ticket`, in
the ``wagtail_helpdesk.suggest_articles`` task), so no customer waits for
a search while their message is taken in.
"""

from __future__ import annotations

import logging

from django.db.models import Exists, OuterRef, Subquery

from ..models import KBArticlePage, Message, Ticket, TicketArticleSuggestion
from . import kb

logger = logging.getLogger(__name__)

#: How many articles the agent is shown.
SUGGESTIONS = 3


def store_suggestions(ticket: Ticket, article_ids: list[int]) -> None:
    """Remember the articles suggested for a new ticket, best first (called by intake once it is saved)."""
    rows = [
        TicketArticleSuggestion(ticket=ticket, article_id=article_id, rank=rank)
        for rank, article_id in enumerate(dict.fromkeys(article_ids))
    ]
    TicketArticleSuggestion.objects.bulk_create(rows, ignore_conflicts=True)


def suggestions_for(ticket: Ticket) -> list[KBArticlePage]:
    """The live articles suggested for ``ticket``, best first (one query)."""
    ranks = {s.article_id: s.rank for s in ticket.article_suggestions.all()}
    pages = KBArticlePage.objects.live().filter(pk__in=list(ranks))
    return sorted(pages, key=lambda page: ranks[page.pk])


def suggest_for_ticket(ticket_id: int, *, limit: int = SUGGESTIONS) -> list[int]:
    """Search the knowledge base with the ticket's first customer message and store the best articles.

    Safe to run twice: a ticket that has suggestions keeps them.  A search
    backend outage is logged and leaves the ticket without suggestions; it
    never fails the ticket.  Returns the stored article ids, best first.
    """
    first = Message.objects.filter(ticket_id=OuterRef("pk"), kind=Message.Kind.INBOUND).order_by("created_at", "pk")
    ticket = (
        Ticket.objects.filter(pk=ticket_id)
        .annotate(
            suggested=Exists(TicketArticleSuggestion.objects.filter(ticket_id=OuterRef("pk"))),
            first_subject=Subquery(first.values("subject")[:1]),
            first_body=Subquery(first.values("body_text")[:1]),
        )
        .only("pk", "language", "subject")
        .first()
    )  # the ticket, whether it has suggestions already and its first message: one query
    if ticket is None or ticket.suggested or not kb.has_live_articles(language=ticket.language):
        return []
    subject, body = ticket.first_subject or ticket.subject, ticket.first_body or ""
    try:
        hits = kb.suggest_for_text(subject, body, language=ticket.language, limit=limit, prefix_fallback=False)
    except Exception:
        logger.exception("Knowledge-base suggestions failed for ticket %s", ticket_id)
        return []
    found = [hit.id for hit in hits]
    store_suggestions(ticket, found)
    return found


def might_suggest() -> bool:
    """Is there a live article in any locale?  Answered from the cache: without one
    :func:`suggest_for_ticket` finds nothing, and ``kb_suggester`` queues no task."""
    return bool(kb.live_locale_ids())
