"""Who may call what: the admin's and the portal's rules, not new ones.

* agents (``services.permissions.is_agent``) see the tickets of their queues and
  those assigned to them (``Ticket.objects.visible_to``); superusers (managers)
  see every ticket;
* customers (a site user linked to a :class:`~wagtail_helpdesk.models.Customer`)
  see their own and followed tickets (``services.portal.tickets_for``), never
  internal notes;
* channel tokens reach the gateway only.

Objects a caller may not see are answered with 404, never 403, so ids and
references reveal nothing (the queryset simply does not contain them).
"""

from __future__ import annotations

from rest_framework.permissions import BasePermission

from ..admin.permissions import user_is_agent
from ..models import ChannelToken, Customer
from ..services.permissions import customer_of

_CUSTOMER_CACHE = "_helpdesk_api_customer"


def is_agent(request) -> bool:
    """An authenticated agent (a channel token is never one)."""
    return not isinstance(request.auth, ChannelToken) and user_is_agent(request.user)


def api_customer(request) -> Customer | None:
    """The customer the logged-in user is, unless they are an agent; remembered per request."""
    try:
        return getattr(request, _CUSTOMER_CACHE)
    except AttributeError:
        customer = None
        if request.user.is_authenticated and not isinstance(request.auth, ChannelToken) and not is_agent(request):
            customer = customer_of(request.user)
        setattr(request, _CUSTOMER_CACHE, customer)
        return customer


class IsAgent(BasePermission):
    """Agents and managers."""

    def has_permission(self, request, view) -> bool:
        return is_agent(request)


class IsAgentOrCustomer(BasePermission):
    """Agents, managers, and site users linked to a customer."""

    def has_permission(self, request, view) -> bool:
        return is_agent(request) or api_customer(request) is not None


class IsChannelToken(BasePermission):
    """An active channel token (the gateway)."""

    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, ChannelToken)
