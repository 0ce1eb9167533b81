"""Customer context panels contributed by plugins, beside the agent's ticket view.

This module is the one place that calls ``helpdesk_customer_context_panels``
(STYLE.md §4: UI hooks are called from one admin module, never from
templates).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from ..models import Customer, Ticket
from ..plugins.manager import hook
from ..types import ContextPanel

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RenderedPanel:
    """A panel ready for the template: its title (escaped there) and its HTML."""

    title: str
    html: SafeString


def customer_context_panels(customer: Customer, ticket: Ticket, request: HttpRequest) -> list[RenderedPanel]:
    """Collect every plugin's panels, sorted by ``order`` then title, and render them.

    A panel with ``template_name`` is rendered with its ``context``; otherwise
    its ``html`` is used as given, because the hook's contract says it is
    already escaped.  A plugin that fails is logged and left out: the agent
    still gets the ticket.
    """
    try:
        results = hook().helpdesk_customer_context_panels(customer=customer, ticket=ticket, request=request)
    except Exception:
        logger.exception("A helpdesk_customer_context_panels implementation failed for ticket %s", ticket.pk)
        return []
    panels: list[ContextPanel] = [panel for result in results for panel in (result or [])]
    panels.sort(key=lambda panel: (panel.order, str(panel.title)))
    rendered = []
    for panel in panels:
        try:
            rendered.append(RenderedPanel(title=str(panel.title), html=_render(panel, request)))
        except Exception:
            logger.exception("Customer context panel %r could not be rendered", panel.title)
    return rendered


def _render(panel: ContextPanel, request: HttpRequest) -> SafeString:
    if panel.template_name:
        return render_to_string(panel.template_name, panel.context, request=request)
    return mark_safe(panel.html)  # pre-escaped by contract (types.ContextPanel)
