"""Admin for the SLA configuration: business calendars and SLA policies.

Both are plain configuration, so Django's model permissions decide who edits
them (the default ``ModelViewSet`` policy), like queues and routing rules.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import BusinessCalendar, SLAPolicy


class BusinessCalendarViewSet(ModelViewSet):
    """Weekly hours (several intervals a day allowed) and holidays, in one time zone."""

    model = BusinessCalendar
    icon = "calendar"
    menu_label = _("Business calendars")
    url_prefix = "helpdesk/business-calendars"
    url_namespace = "wagtail_helpdesk_business_calendars"
    list_display = ["name", "time_zone"]
    search_fields = ["name", "time_zone"]
    copy_view_enabled = False
    edit_handler = ObjectList(BusinessCalendar.panels)


class SLAPolicyViewSet(ModelViewSet):
    """Policies are tried in ``order``, so the list shows them in that order."""

    model = SLAPolicy
    icon = "time"
    menu_label = _("SLA policies")
    url_prefix = "helpdesk/sla-policies"
    url_namespace = "wagtail_helpdesk_sla_policies"
    list_display = ["order", "name", "queue", "calendar", "active"]
    list_filter = ["active", "queue"]
    search_fields = ["name"]
    ordering = ["order", "pk"]
    copy_view_enabled = False
    edit_handler = ObjectList(SLAPolicy.panels)
