"""Who may see and work which ticket: one rule for the admin, the portal and the API."""

from __future__ import annotations

from ..models import Customer, Ticket
from ..models.queues import agent_queue_ids


def is_agent(user) -> bool:
    """Superusers, and members of a group that works at least one queue."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(agent_queue_ids(user))


def is_manager(user) -> bool:
    """Helpdesk managers: superusers and whoever may edit queues (``wagtail_helpdesk.change_queue``).

    Managers see every ticket's notifications and may merge tickets across
    queues; what else they configure is decided by Django's model permissions.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.has_perm("wagtail_helpdesk.change_queue")


def can_work(user, ticket: Ticket) -> bool:
    """May ``user`` act on ``ticket`` as an agent (reply, claim, change it)?"""
    return Ticket.objects.visible_to(user).filter(pk=ticket.pk).exists()


def can_be_assigned(user, ticket: Ticket) -> bool:
    """Is ``user`` an agent of the ticket's queue (or a superuser)?"""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if ticket.queue_id is None:
        return is_agent(user)
    return ticket.queue_id in agent_queue_ids(user)


def can_merge_across_queues(user) -> bool:
    """Helpdesk managers merge tickets of different queues: agents merge only within one queue.

    A merge moves the conversation, and with it the customer's data, into the
    other queue's sight.  Besides :func:`is_manager`, the ``merge_any_queue``
    permission grants this alone, for a lead agent who does not edit queues.
    """
    return is_manager(user) or (user.is_active and user.has_perm("wagtail_helpdesk.merge_any_queue"))


def customer_of(user) -> Customer | None:
    """The customer record linked to a logged-in site user, if any."""
    if not user.is_authenticated:
        return None
    return Customer.objects.filter(user=user).first()


def customer_can_view(customer: Customer | None, ticket: Ticket) -> bool:
    """Customers see their own tickets and those they follow."""
    if customer is None:
        return False
    return ticket.customer_id == customer.pk or ticket.followers.filter(customer=customer).exists()
