"""Filters of the ticket list; each is backed by an index of ``Ticket`` (models/tickets.py)."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..models import Priority, SLAState, Status, Ticket


class TicketFilterSet(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, help_text=_("Repeat for several."))
    priority = django_filters.MultipleChoiceFilter(choices=Priority.choices)
    queue = django_filters.CharFilter(field_name="queue__slug", help_text=_("Queue slug."))
    assignee = django_filters.NumberFilter(field_name="assignee_id", help_text=_("User id of the assignee."))
    unassigned = django_filters.BooleanFilter(field_name="assignee", lookup_expr="isnull")
    channel = django_filters.CharFilter()
    customer = django_filters.NumberFilter(field_name="customer_id")
    tag = django_filters.CharFilter(field_name="tags__name", help_text=_("Tag name."))
    shop_reference = django_filters.CharFilter()
    sla = django_filters.ChoiceFilter(choices=SLAState.choices, method="filter_sla", label=_("SLA state"))
    created_after = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="lt")
    active_after = django_filters.IsoDateTimeFilter(field_name="last_activity_at", lookup_expr="gte")
    q = django_filters.CharFilter(method="search", label=_("Search reference, subject and customer"), max_length=200)

    class Meta:
        model = Ticket
        fields: list[str] = []

    def filter_sla(self, queryset, name: str, value: str):
        return queryset.sla_state(value)

    def search(self, queryset, name: str, value: str):
        """The admin queue's search fields (admin/viewsets.py ``search_fields``), with ``icontains``."""
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(reference__iexact=value)
            | Q(subject__icontains=value)
            | Q(customer__email__icontains=value)
            | Q(customer__name__icontains=value)
        )
