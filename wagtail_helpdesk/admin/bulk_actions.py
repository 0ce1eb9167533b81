"""Bulk actions on tickets selected in the queue: assign, change status, add or remove a tag, merge.

Each action calls the ``services.workflow`` function for every ticket, one at
a time, so events, SLA recalculation and notifications fire exactly as for a
single change (django-helpdesk's ``mass_update`` bypassed them; STYLE.md §1).
A ticket the flow refuses (an illegal transition, a merged ticket) is reported
by reference and the others still change.

Only tickets the agent can see are ever loaded: ids of other queues' tickets,
forged into the URL, are dropped and counted, never named.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from ..exceptions import HelpdeskError
from ..models import Ticket
from ..services import ticket_filters, workflow
from .filters import status_choices
from .forms import AgentChoiceField
from .permissions import agents

#: Most tickets one bulk action handles; more ids are ignored.
MAX_TICKETS = 500


class TicketBulkAction(SnippetBulkAction):
    """Loads the selected tickets through ``Ticket.objects.visible_to`` and runs :meth:`act` on each."""

    models = [Ticket]
    template_name = "wagtail_helpdesk/admin/bulk_action.html"
    #: What the confirmation page asks, e.g. "Assign these tickets".
    question = ""

    def visible(self) -> QuerySet:
        return Ticket.objects.visible_to(self.request.user)

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all in listing" sends the listing's own filters along with ``id=all``.
        listed = self.visible().filter(ticket_filters.criteria(self.request.GET, user=self.request.user))
        return listed.order_by("-last_activity_at").values_list("pk", flat=True)[:MAX_TICKETS]

    def get_actionable_objects(self) -> tuple[list[Ticket], dict[str, Any]]:
        asked = self.request.GET.getlist("id")
        if "all" in asked:
            ids = list(self.get_all_objects_in_listing_query(None))
        else:
            ids = [int(value) for value in asked[: MAX_TICKETS * 2] if value.isdigit() and len(value) < 19]
            ids = list(dict.fromkeys(ids))[:MAX_TICKETS]
        tickets = list(
            self.visible()
            .filter(pk__in=ids)
            .select_related("customer", "queue", "assignee")
            .prefetch_related("tags")
            .order_by("pk")
        )
        if not tickets:
            raise Http404
        self.hidden_count = len(ids) - len(tickets)
        return tickets, {"items_with_no_access": [], "hidden_count": self.hidden_count}

    def check_perm(self, obj) -> bool:
        return True  # get_actionable_objects already kept only visible tickets

    def object_context(self, ticket: Ticket) -> dict[str, Any]:
        return {"item": ticket}

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(question=self.question, action_button_text=self.display_name)
        return context

    def get_execution_context(self) -> dict[str, Any]:
        return {**super().get_execution_context(), "form": self.cleaned_form}

    def act(self, ticket: Ticket, form: forms.Form) -> None:
        """Change one ticket; raise a ``HelpdeskError`` to report it as failed."""
        raise NotImplementedError

    @classmethod
    def execute_action(cls, objects, self=None, form=None, **kwargs) -> tuple[int, int]:
        done, failed = 0, []
        for ticket in objects:
            try:
                self.act(ticket, form)
            except HelpdeskError as exc:
                failed.append(f"{ticket.reference}: {exc}")
            else:
                done += 1
        for failure in failed:
            messages.error(self.request, failure)
        if getattr(self, "hidden_count", 0):
            messages.warning(
                self.request,
                ngettext(
                    "%(count)d selected ticket is not one you can work on and was left alone.",
                    "%(count)d selected tickets are not ones you can work on and were left alone.",
                    self.hidden_count,
                )
                % {"count": self.hidden_count},
            )
        return done, 0

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str | None:
        if not num_parent_objects:
            return None
        return ngettext("%(count)d ticket updated.", "%(count)d tickets updated.", num_parent_objects) % {
            "count": num_parent_objects
        }


class AssignForm(forms.Form):
    """The ticket view's choice of agent (by display name); "Nobody" unassigns."""

    assignee = AgentChoiceField(
        label=gettext_lazy("Assign to"), queryset=agents().none(), required=False, empty_label=gettext_lazy("Nobody")
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = agents().order_by("first_name", "username")


class AssignBulkAction(TicketBulkAction):
    display_name = gettext_lazy("Assign")
    action_type = "helpdesk_assign"
    aria_label = gettext_lazy("Assign the selected tickets")
    question = gettext_lazy("Assign these tickets to:")
    form_class = AssignForm
    action_priority = 10

    def act(self, ticket: Ticket, form: AssignForm) -> None:
        workflow.assign(ticket, form.cleaned_data["assignee"], by=self.request.user)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"), choices=status_choices)


class StatusBulkAction(TicketBulkAction):
    display_name = gettext_lazy("Change status")
    action_type = "helpdesk_status"
    aria_label = gettext_lazy("Change the status of the selected tickets")
    question = gettext_lazy("Move these tickets to:")
    form_class = StatusForm
    action_priority = 20

    def act(self, ticket: Ticket, form: StatusForm) -> None:
        workflow.set_status(ticket, form.cleaned_data["status"], by=self.request.user)


class TagForm(forms.Form):
    tag = forms.CharField(label=gettext_lazy("Tag"), max_length=50, strip=True)


class AddTagBulkAction(TicketBulkAction):
    display_name = gettext_lazy("Add tag")
    action_type = "helpdesk_add_tag"
    aria_label = gettext_lazy("Add a tag to the selected tickets")
    question = gettext_lazy("Add this tag to these tickets:")
    form_class = TagForm
    action_priority = 30

    def act(self, ticket: Ticket, form: TagForm) -> None:
        names = [tag.name for tag in ticket.tags.all()]
        workflow.set_tags(ticket, [*names, form.cleaned_data["tag"]], by=self.request.user)


class RemoveTagBulkAction(TicketBulkAction):
    display_name = gettext_lazy("Remove tag")
    action_type = "helpdesk_remove_tag"
    aria_label = gettext_lazy("Remove a tag from the selected tickets")
    question = gettext_lazy("Remove this tag from these tickets:")
    form_class = TagForm
    action_priority = 40

    def act(self, ticket: Ticket, form: TagForm) -> None:
        unwanted = form.cleaned_data["tag"].casefold()
        names = [tag.name for tag in ticket.tags.all() if tag.name.casefold() != unwanted]
        workflow.set_tags(ticket, names, by=self.request.user)


class MergeForm(forms.Form):
    """The survivor is one of the selected tickets, by id."""

    into = forms.TypedChoiceField(label=gettext_lazy("Keep"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args, tickets: list[Ticket] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].choices = [(ticket.pk, f"{ticket.reference}: {ticket.subject}") for ticket in tickets]


class MergeBulkAction(TicketBulkAction):
    display_name = gettext_lazy("Merge")
    action_type = "helpdesk_merge"
    aria_label = gettext_lazy("Merge the selected tickets into one")
    question = gettext_lazy("Merge the selected tickets into the one you keep; the others are closed and point to it.")
    form_class = MergeForm
    action_priority = 50

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["tickets"], _extra = self.get_actionable_objects()
        return kwargs

    @classmethod
    def execute_action(cls, objects, self=None, form=None, **kwargs) -> tuple[int, int]:
        target_id = form.cleaned_data["into"]
        self.target = next(ticket for ticket in objects if ticket.pk == target_id)
        return super().execute_action([t for t in objects if t.pk != target_id], self=self, form=form, **kwargs)

    def act(self, ticket: Ticket, form: MergeForm) -> None:
        workflow.merge(ticket, self.target, by=self.request.user)

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str | None:
        if not num_parent_objects:
            return None
        return ngettext(
            "%(count)d ticket merged into %(ref)s.", "%(count)d tickets merged into %(ref)s.", num_parent_objects
        ) % {"count": num_parent_objects, "ref": self.target.reference}


#: Registered by ``wagtail_hooks``.
BULK_ACTIONS = (AssignBulkAction, StatusBulkAction, AddTagBulkAction, RemoveTagBulkAction, MergeBulkAction)
