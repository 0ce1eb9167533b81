"""Filters of the ticket listing."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.utils import get_user_display_name

from ..conf import helpdesk_settings
from ..models import Priority, Queue, Status, Tag, Ticket
from ..services.channels import get_channels
from .permissions import agents

#: ``?assignee=`` values that are not a user id.
ASSIGNEE_ME = "me"
ASSIGNEE_NOBODY = "unassigned"


def status_choices() -> list[tuple[str, str]]:
    """The statuses with the labels the site configured."""
    labels = helpdesk_settings.STATUS_LABELS
    return [(value, labels.get(value) or label) for value, label in Status.choices]


def channel_choices() -> list[tuple[str, str]]:
    """Registered channels, by their label."""
    return [(code, channel.label or code) for code, channel in sorted(get_channels().items())]


def _queues_for(request) -> QuerySet:
    if request is None:
        return Queue.objects.none()
    return Queue.objects.for_agent(request.user)


class TicketFilterSet(WagtailFilterSet):
    """Status, queue, assignee ("me", "unassigned" or an agent), priority, channel, tag and creation date."""

    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=status_choices, widget=forms.CheckboxSelectMultiple
    )
    queue = django_filters.ModelChoiceFilter(label=_("Queue"), queryset=_queues_for)
    assignee = django_filters.ChoiceFilter(
        label=_("Assignee"), method="filter_assignee", widget=forms.RadioSelect, empty_label=_("Anyone")
    )
    priority = django_filters.ChoiceFilter(
        label=_("Priority"), choices=Priority.choices, widget=forms.RadioSelect, empty_label=_("All")
    )
    channel = django_filters.ChoiceFilter(
        label=_("Channel"), choices=channel_choices, widget=forms.RadioSelect, empty_label=_("All")
    )
    tag = django_filters.ModelChoiceFilter(label=_("Tag"), field_name="tags", queryset=Tag.objects.all())
    created = django_filters.DateFromToRangeFilter(
        label=_("Created"), field_name="created_at", widget=DateRangePickerWidget
    )

    class Meta:
        model = Ticket
        fields = ["status", "queue", "assignee", "priority", "channel", "tag", "created"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Agents are people, not a fixed choice list: read them when the form is built.
        self.filters["assignee"].extra["choices"] = self._assignee_choices

    @staticmethod
    def _assignee_choices() -> list[tuple[str, str]]:
        people = [(str(user.pk), get_user_display_name(user)) for user in agents().order_by("first_name", "username")]
        return [(ASSIGNEE_ME, _("Me")), (ASSIGNEE_NOBODY, _("Unassigned")), *people]

    def filter_assignee(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == ASSIGNEE_ME:
            return queryset.filter(assignee=self.request.user)
        if value == ASSIGNEE_NOBODY:
            return queryset.filter(assignee__isnull=True)
        return queryset.filter(assignee_id=value)
