"""Articles suggested to the agent for a new ticket (stored by intake from the classifiers' results)."""

from __future__ import annotations

from ..models import KBArticlePage, Ticket, TicketArticleSuggestion


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
