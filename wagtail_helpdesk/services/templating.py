"""Rendering text that managers write (reply templates, canned responses).

Only ``{{ name }}`` and ``{{ name.attribute }}`` placeholders are understood,
looked up in a dict of plain values.  No tags, no filters, no attribute access
on objects: a template cannot reach anything it was not handed.
"""

from __future__ import annotations

import re
from typing import Any

from ..models import Customer, Ticket

_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)\s*\}\}", re.IGNORECASE)


def render(source: str, context: dict[str, Any]) -> str:
    """Substitute placeholders; an unknown name renders as an empty string."""

    def substitute(match: re.Match[str]) -> str:
        value: Any = context
        for part in match.group(1).split("."):
            if not isinstance(value, dict) or part not in value:
                return ""
            value = value[part]
        return "" if value is None else str(value)

    return _PLACEHOLDER.sub(substitute, source or "")


def unknown_placeholders(source: str, context: dict[str, Any]) -> list[str]:
    """Placeholders in ``source`` that ``context`` cannot fill (for form validation)."""
    missing = []
    for match in _PLACEHOLDER.finditer(source or ""):
        value: Any = context
        for part in match.group(1).split("."):
            if not isinstance(value, dict) or part not in value:
                missing.append(match.group(1))
                break
            value = value[part]
    return missing


def ticket_context(ticket: Ticket, customer: Customer | None = None, **extra: Any) -> dict[str, Any]:
    """The variables every customer-facing template may use."""
    from .portal import portal_url  # the portal imports intake, which imports this module

    customer = customer or ticket.customer
    return {
        "ticket": {
            "reference": ticket.reference or "",
            "subject": ticket.subject,
            "status": ticket.status_label,
            "priority": ticket.get_priority_display(),
        },
        "customer": {"name": customer.name or customer.email, "email": customer.email},
        "portal_url": portal_url(ticket, customer),
        **extra,
    }


#: A context with every variable set, for validating templates in forms.
SAMPLE_CONTEXT: dict[str, Any] = {
    "ticket": {"reference": "", "subject": "", "status": "", "priority": ""},
    "customer": {"name": "", "email": ""},
    "portal_url": "",
    "agent": {"name": ""},
    "csat": {"url_1": "", "url_2": "", "url_3": "", "url_4": "", "url_5": ""},
}
