"""The agent's actions on a ticket: one POST view per ``services.workflow`` function.

Each view loads the ticket through ``Ticket.objects.visible_to`` (another
queue's ticket is a 404), validates its form, calls exactly one workflow
function and reports the outcome with a Wagtail message.  Domain errors
(:class:`~wagtail_helpdesk.exceptions.HelpdeskError`) become error messages,
never a 500.  Nothing here saves a ticket or creates a message itself.
"""

from __future__ import annotations

from typing import Any

from django import forms as django_forms
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic.base import BaseOperationView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from ..exceptions import HelpdeskError, TicketChanged
from ..models import Ticket
from ..services import workflow
from . import forms


class TicketActionView(PermissionCheckedMixin, BaseOperationView):
    """POST-only: validate :attr:`form_class`, run :meth:`perform_operation`, go back to the ticket."""

    model = Ticket
    permission_required = "view"
    http_method_names = ["post"]
    #: The form parsing the POST, or None for actions without input.
    form_class: type[django_forms.Form] | None = None
    #: Prefix of the form's fields, as rendered in the ticket view.
    prefix = ""
    #: The form field whose text is kept for the agent when the action fails.
    draft_field = ""
    #: Set by the viewset: the ticket listing, for when a ticket leaves the agent's sight.
    index_url_name = None

    def get_base_object_queryset(self):
        return Ticket.objects.visible_to(self.request.user).select_related("customer", "queue", "assignee")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {"data": self.request.POST, "files": self.request.FILES, "prefix": self.prefix or None}

    def get_form(self) -> django_forms.Form | None:
        if self.form_class is None:
            return None
        return self.form_class(**self.get_form_kwargs())

    def get_success_url(self) -> str:
        return reverse(self.success_url_name, args=(self.object.pk,))

    def post(self, request, *args, **kwargs):
        self.form = self.get_form()
        if self.form is not None and not self.form.is_valid():
            self._keep_draft()
            for error in _form_errors(self.form):
                messages.error(request, error)
            return redirect(self.get_success_url())
        try:
            self.result = self.perform_operation()
        except TicketChanged:
            raise
        except HelpdeskError as exc:
            self._keep_draft()
            messages.error(request, str(exc))
            return redirect(self.get_success_url())
        self.add_success_message()
        return redirect(self.get_success_url())

    def _keep_draft(self) -> None:
        if self.draft_field and self.form is not None:
            text = self.form.data.get(self.form.add_prefix(self.draft_field), "")
            if text:
                self.request.session[f"helpdesk_draft_{self.object.pk}_{self.action_name}"] = text

    @property
    def action_name(self) -> str:
        return self.prefix

    @property
    def cleaned(self) -> dict[str, Any]:
        return self.form.cleaned_data


def unseen_session_key(ticket_id: int) -> str:
    """Session key of the message ids a stopped reply had not seen (the ticket view marks them)."""
    return f"helpdesk_unseen_{ticket_id}"


def _form_errors(form: django_forms.Form) -> list[str]:
    errors = []
    for name, field_errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in field_errors:
            errors.append(f"{label}: {error}" if label else str(error))
    return errors


class ClaimView(TicketActionView):
    prefix = "claim"

    def perform_operation(self) -> Ticket:
        return workflow.claim(self.object, by=self.request.user)

    def get_success_message(self) -> str:
        return _("You now own %(ref)s.") % {"ref": self.object.reference}


class ReplyView(TicketActionView):
    form_class = forms.ReplyForm
    prefix = "reply"
    draft_field = "body"

    def perform_operation(self):
        return workflow.reply(
            self.object,
            by=self.request.user,
            body_text=self.cleaned["body"],
            files=forms.to_attachments(self.cleaned["attachments"]),
            status=self.cleaned["status"] or None,
            expected_last_message_id=self.cleaned["last_seen_message"],
        )

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except TicketChanged as exc:
            # Stopped by the collision check: keep the draft, show what is new, let the agent send anyway.
            self._keep_draft()
            request.session[unseen_session_key(self.object.pk)] = exc.new_message_ids
            messages.warning(
                request,
                _(
                    "%(error)s Your draft is kept below and the new messages are marked. "
                    "Read them, then send again to reply anyway (attach files again if you had any)."
                )
                % {"error": str(exc)},
            )
            return redirect(self.get_success_url())

    def get_success_message(self) -> str:
        return _("Reply to %(ref)s sent.") % {"ref": self.object.reference}


class NoteView(TicketActionView):
    form_class = forms.NoteForm
    prefix = "note"
    draft_field = "body"

    def perform_operation(self):
        return workflow.add_note(self.object, by=self.request.user, body_text=self.cleaned["body"])

    def get_success_message(self) -> str:
        return _("Internal note added to %(ref)s.") % {"ref": self.object.reference}


class StatusView(TicketActionView):
    form_class = forms.StatusForm
    prefix = "status"

    def perform_operation(self) -> Ticket:
        return workflow.set_status(self.object, self.cleaned["status"], by=self.request.user)

    def get_success_message(self) -> str:
        return _("%(ref)s is now %(status)s.") % {"ref": self.object.reference, "status": self.object.status_label}


class PriorityView(TicketActionView):
    form_class = forms.PriorityForm
    prefix = "priority"

    def perform_operation(self) -> Ticket:
        return workflow.set_priority(self.object, self.cleaned["priority"], by=self.request.user)

    def get_success_message(self) -> str:
        return _("Priority of %(ref)s is now %(priority)s.") % {
            "ref": self.object.reference,
            "priority": self.object.get_priority_display(),
        }


class AssignView(TicketActionView):
    form_class = forms.AssignForm
    prefix = "assign"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "ticket": self.object}

    def perform_operation(self) -> Ticket:
        return workflow.assign(self.object, self.cleaned["assignee"], by=self.request.user)

    def get_success_message(self) -> str:
        if self.cleaned["assignee"] is None:
            return _("%(ref)s is unassigned.") % {"ref": self.object.reference}
        return _("%(ref)s assigned to %(who)s.") % {
            "ref": self.object.reference,
            "who": get_user_display_name(self.cleaned["assignee"]),
        }


class TransferView(TicketActionView):
    form_class = forms.TransferForm
    prefix = "transfer"
    draft_field = "note"

    def perform_operation(self) -> Ticket:
        return workflow.transfer(
            self.object,
            by=self.request.user,
            queue=self.cleaned["queue"],
            assignee=self.cleaned["assignee"],
            note=self.cleaned["note"],
        )

    def get_success_message(self) -> str:
        return _("%(ref)s transferred.") % {"ref": self.object.reference}

    def get_success_url(self) -> str:
        # After a transfer out of the agent's queues the ticket is no longer theirs to see.
        if not Ticket.objects.visible_to(self.request.user).filter(pk=self.object.pk).exists():
            return reverse(self.index_url_name)
        return super().get_success_url()


class TagsView(TicketActionView):
    form_class = forms.TagsForm
    prefix = "tags"

    def perform_operation(self) -> Ticket:
        return workflow.set_tags(self.object, self.cleaned["tags"], by=self.request.user)

    def get_success_message(self) -> str:
        return _("Tags of %(ref)s saved.") % {"ref": self.object.reference}


class MergeView(TicketActionView):
    form_class = forms.MergeForm
    prefix = "merge"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "visible": Ticket.objects.visible_to(self.request.user)}

    def perform_operation(self) -> Ticket:
        return workflow.merge(self.object, self.cleaned["reference"], by=self.request.user)

    def get_success_message(self) -> str:
        return _("%(source)s merged into %(target)s.") % {
            "source": self.object.reference,
            "target": self.result.reference,
        }

    def get_success_url(self) -> str:
        result = getattr(self, "result", None)
        if result is not None:
            return reverse(self.success_url_name, args=(result.pk,))
        return super().get_success_url()


#: Action name → view class; the viewset mounts each at ``<name>/<pk>/``.
ACTION_VIEWS: dict[str, type[TicketActionView]] = {
    "claim": ClaimView,
    "reply": ReplyView,
    "note": NoteView,
    "status": StatusView,
    "priority": PriorityView,
    "assign": AssignView,
    "transfer": TransferView,
    "tags": TagsView,
    "merge": MergeView,
}
