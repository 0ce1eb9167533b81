"""Admin for automation rules and the satisfaction ratings customers gave.

Rules are configuration (Django model permissions, the default policy);
ratings are read-only: customers give them, nobody edits them.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import AutomationRule, SatisfactionRating


class AutomationRuleViewSet(ModelViewSet):
    """Rules run in ``order``, so the list shows them in that order."""

    model = AutomationRule
    icon = "cogs"
    menu_label = _("Automation rules")
    url_prefix = "helpdesk/automation-rules"
    url_namespace = "wagtail_helpdesk_automation_rules"
    list_display = ["order", "name", "trigger", "send_template", "active"]
    list_filter = ["active", "trigger"]
    search_fields = ["name"]
    ordering = ["order", "pk"]
    copy_view_enabled = False
    edit_handler = ObjectList(AutomationRule.panels)


class SatisfactionIndexView(generic.IndexView):
    """Each row shows its ticket's reference: join it, for a fixed number of queries per page."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("ticket")


class SatisfactionRatingViewSet(ModelViewSet):
    """What customers said about their solved tickets."""

    model = SatisfactionRating
    icon = "pick"
    menu_label = _("Satisfaction")
    url_prefix = "helpdesk/satisfaction"
    url_namespace = "wagtail_helpdesk_satisfaction"
    index_view_class = SatisfactionIndexView
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = "-updated_at"
    list_display = [
        Column("ticket", label=_("Ticket"), accessor="ticket.reference"),
        "score",
        "comment",
        DateColumn("updated_at", label=_("Rated"), sort_key="updated_at"),
    ]
    list_filter = ["score"]
    form_fields = []
