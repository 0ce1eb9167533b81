"""Admin for routing configuration: the ordered rules and each agent's availability.

Both are configuration, so Django's model permissions decide who edits them
(the default ``ModelViewSet`` policy), like queues.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import AgentProfile, RoutingRule


class RoutingRuleViewSet(ModelViewSet):
    """Rules are tried in ``order``, so the list shows them in that order."""

    model = RoutingRule
    icon = "arrows-up-down"
    menu_label = _("Routing rules")
    url_prefix = "helpdesk/routing-rules"
    url_namespace = "wagtail_helpdesk_routing_rules"
    list_display = ["order", "name", "target_queue", "assignee", "active"]
    list_filter = ["active", "target_queue"]
    search_fields = ["name", "words"]
    ordering = ["order", "pk"]
    copy_view_enabled = False
    edit_handler = ObjectList(RoutingRule.panels)


class AgentProfileViewSet(ModelViewSet):
    """Limits and leave: what load-based and sticky routing respect."""

    model = AgentProfile
    icon = "user"
    menu_label = _("Agent availability")
    url_prefix = "helpdesk/agents"
    url_namespace = "wagtail_helpdesk_agent_profiles"
    list_display = ["user", "max_open_tickets", "on_leave"]
    list_filter = ["on_leave"]
    copy_view_enabled = False
    edit_handler = ObjectList(AgentProfile.panels)
