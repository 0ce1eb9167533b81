"""Filters of the ticket listing."""

from __future__ import annotations

from collections.abc import Callable

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from ..conf import helpdesk_settings
from ..models import Priority, SLAState, Status, Ticket
from ..services import filter_choices, ticket_filters
from ..services.channels import get_channels
from ..services.ticket_filters import ASSIGNEE_ME, ASSIGNEE_NOBODY
from .widgets import FastCheckboxSelectMultiple, FastRadioSelect, FastSelect

__all__ = ["ASSIGNEE_ME", "ASSIGNEE_NOBODY", "TicketFilterSet"]


def status_choices() -> list[tuple[str, str]]:
    """The statuses with the labels the site configured."""
    labels = helpdesk_settings.STATUS_LABELS
    return [(value, labels.get(value) or label) for value, label in Status.choices]


def channel_choices() -> list[tuple[str, str]]:
    """Registered channels, by their label."""
    return [(code, channel.label or code) for code, channel in sorted(get_channels().items())]


def _once(build: Callable[[], list]) -> Callable[[], list]:
    """``build``, called at most once: Django calls a callable ``choices`` on every iteration."""
    found: list = []

    def choices() -> list:
        if not found:
            found.append(build())
        return found[0]

    return choices


class TicketFilterSet(WagtailFilterSet):
    """Status, queue, assignee ("me", "unassigned" or an agent), priority, channel, tag, SLA state and dates.

    Querystring keys and meanings match ``services.ticket_filters.criteria``,
    which saved views and their counts use: a saved listing URL and its count agree.
    """

    # distinct=False: a condition on the ticket row cannot repeat it, and DISTINCT
    # would make PostgreSQL sort the page (and stop it hashing the listing's
    # subquery in the saved-view counts).
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=status_choices, widget=FastCheckboxSelectMultiple, distinct=False
    )
    queue = django_filters.ChoiceFilter(
        label=_("Queue"), method="filter_queue", empty_label=_("All"), widget=FastSelect
    )
    assignee = django_filters.ChoiceFilter(
        label=_("Assignee"), method="filter_assignee", widget=FastRadioSelect, empty_label=_("Anyone")
    )
    priority = django_filters.ChoiceFilter(
        label=_("Priority"), choices=Priority.choices, widget=FastRadioSelect, empty_label=_("All")
    )
    channel = django_filters.ChoiceFilter(
        label=_("Channel"), choices=channel_choices, widget=FastRadioSelect, empty_label=_("All")
    )
    tag = django_filters.ChoiceFilter(label=_("Tag"), method="filter_tag", empty_label=_("All"), widget=FastSelect)
    sla = django_filters.ChoiceFilter(
        label=_("SLA"), choices=SLAState.choices, method="filter_sla", widget=FastRadioSelect, empty_label=_("All")
    )
    created = django_filters.DateFromToRangeFilter(
        label=_("Created"), field_name="created_at", widget=DateRangePickerWidget
    )
    last_activity = django_filters.DateFromToRangeFilter(
        label=_("Last activity"), field_name="last_activity_at", widget=DateRangePickerWidget
    )

    class Meta:
        model = Ticket
        fields = ["status", "queue", "assignee", "priority", "channel", "tag", "sla", "created", "last_activity"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Agents, queues and tags are data, not fixed choice lists: read each once
        # per request, when the form is first built, from the cache of
        # ``services.filter_choices``.  Plain choices (not model choices) so
        # validating a value costs no second query.
        self.filters["assignee"].extra["choices"] = _once(self._assignee_choices)
        self.filters["queue"].extra["choices"] = _once(self._queue_choices)
        self.filters["tag"].extra["choices"] = _once(self._tag_choices)

    @staticmethod
    def _assignee_choices() -> list[tuple[str, str]]:
        return [(ASSIGNEE_ME, _("Me")), (ASSIGNEE_NOBODY, _("Unassigned")), *filter_choices.agent_choices()]

    def _queue_choices(self) -> list[tuple[str, str]]:
        return filter_choices.queue_choices(self.request.user) if self.request is not None else []

    @staticmethod
    def _tag_choices() -> list[tuple[str, str]]:
        return filter_choices.tag_choices()

    def filter_queue(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(queue_id=int(value))

    def filter_tag(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(ticket_filters.tag_q(int(value)))

    def filter_assignee(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(ticket_filters.assignee_q(value, self.request.user))

    def filter_sla(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(ticket_filters.sla_q(value))
