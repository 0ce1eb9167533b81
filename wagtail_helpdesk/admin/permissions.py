"""Permission policies for the helpdesk's admin screens.

Wagtail asks a model's permission policy before it shows a menu item, a
listing, a button or a view.  Tickets and customers are worked by *agents*
(``services.permissions.is_agent``), not by holders of Django model
permissions, so they get their own policies; queues and reply templates keep
Wagtail's normal :class:`~wagtail.permission_policies.ModelPermissionPolicy`.

Wagtail's generic "add", "change" and "delete" actions mean *form* editing.
Tickets change only through ``services.workflow``, so the ticket policy never
grants them and the generic create/edit/delete views stay closed.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies import BasePermissionPolicy, ModelPermissionPolicy

from ..models import AgentNotification, Customer, InboundRecord, OutboundMessage, Ticket, WebhookDelivery
from ..services.permissions import is_agent

_AGENT_CACHE = "_helpdesk_is_agent"


def user_is_agent(user) -> bool:
    """``services.permissions.is_agent``, remembered on the user object.

    The menu, the listing and every row's buttons ask the same question during
    one request; remembering the answer keeps the listing's query count fixed.
    """
    try:
        return getattr(user, _AGENT_CACHE)
    except AttributeError:
        answer = is_agent(user)
        setattr(user, _AGENT_CACHE, answer)
        return answer


def agents() -> QuerySet:
    """Active users who work at least one queue, and active superusers."""
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__helpdesk_queues__isnull=False), is_active=True)
        .distinct()
    )


class AgentPermissionPolicy(BasePermissionPolicy):
    """Grants :attr:`agent_actions` to agents and nothing to anyone else.

    Instance checks narrow it to what :meth:`visible_instances` returns for
    the user, so an agent of one queue cannot open another queue's records.
    """

    #: The Wagtail actions agents may perform on this model.
    agent_actions: frozenset[str] = frozenset({"view"})

    @property
    def permission_cache_name(self) -> str:
        return f"_helpdesk_{self.model._meta.model_name}_permissions"

    def get_all_permissions_for_user(self, user) -> set[str]:
        return set(self.agent_actions) if user_is_agent(user) else set()

    def visible_instances(self, user) -> QuerySet:
        """The instances ``user`` may see at all."""
        raise NotImplementedError

    def user_has_permission(self, user, action: str) -> bool:
        return action in self.get_cached_permissions_for_user(user)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return self.user_has_permission(user, action) and self.visible_instances(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if self.user_has_any_permission(user, actions):
            return self.visible_instances(user)
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions) -> QuerySet:
        if self.agent_actions.intersection(actions):
            return agents()
        return get_user_model().objects.none()


class TicketPermissionPolicy(AgentPermissionPolicy):
    """Agents see the tickets of their queues and the tickets assigned to them."""

    def visible_instances(self, user) -> QuerySet:
        return Ticket.objects.visible_to(user)

    def users_with_any_permission_for_instance(self, actions, instance: Ticket) -> QuerySet:
        if not self.agent_actions.intersection(actions):
            return get_user_model().objects.none()
        return agents().filter(
            Q(is_superuser=True) | Q(groups__helpdesk_queues=instance.queue_id) | Q(pk=instance.assignee_id)
        )


class CustomerPermissionPolicy(AgentPermissionPolicy):
    """Agents see and correct the customers of the tickets they can see."""

    agent_actions = frozenset({"view", "change"})

    def visible_instances(self, user) -> QuerySet:
        if user.is_superuser:
            return Customer.objects.all()
        return Customer.objects.filter(pk__in=Ticket.objects.visible_to(user).values("customer"))


class NotificationPermissionPolicy(AgentPermissionPolicy):
    """Agents see their own notifications, nobody else's (superusers included)."""

    def visible_instances(self, user) -> QuerySet:
        return AgentNotification.objects.filter(user=user)


class ReadOnlyModelPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, but records written only by services are never form-edited.

    The extra action ``"retry"`` (the outbox's "send again") needs the model's
    ``change`` permission.
    """

    def user_has_permission(self, user, action: str) -> bool:
        if action in ("add", "change", "delete"):
            return False
        if action == "retry":
            action = "change"
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return self.user_has_permission(user, action)


ticket_permission_policy = TicketPermissionPolicy(Ticket)
customer_permission_policy = CustomerPermissionPolicy(Customer)
outbound_permission_policy = ReadOnlyModelPermissionPolicy(OutboundMessage)
inbound_permission_policy = ReadOnlyModelPermissionPolicy(InboundRecord)
notification_permission_policy = NotificationPermissionPolicy(AgentNotification)
webhook_delivery_permission_policy = ReadOnlyModelPermissionPolicy(WebhookDelivery)

#: The policies ``wagtail_hooks`` registers with Wagtail 8's policy registry.
POLICIES = {
    Ticket: ticket_permission_policy,
    Customer: customer_permission_policy,
    OutboundMessage: outbound_permission_policy,
    InboundRecord: inbound_permission_policy,
    AgentNotification: notification_permission_policy,
    WebhookDelivery: webhook_delivery_permission_policy,
}
