"""Forms of the agent's ticket actions and of the configuration screens.

Action forms only parse input; the views hand the cleaned values to one
``services.workflow`` function, which owns every rule about tickets.
"""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.utils import get_user_display_name

from ..models import Priority, Queue, Ticket
from ..services.templating import SAMPLE_CONTEXT, unknown_placeholders
from ..types import InboundAttachment
from .filters import status_choices
from .permissions import agents
from .widgets import FastSelect


class AgentChoiceField(forms.ModelChoiceField):
    """Agents by their display name rather than their username."""

    widget = FastSelect

    def label_from_instance(self, obj) -> str:
        return get_user_display_name(obj)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several uploaded files (Django's documented recipe for ``multiple``)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list[UploadedFile]:
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def to_attachments(files: list[UploadedFile]) -> list[InboundAttachment]:
    """Uploaded files as the channel-neutral attachments the services take."""
    return [
        InboundAttachment(
            filename=upload.name, content_type=upload.content_type or "application/octet-stream", content=upload.read()
        )
        for upload in files
    ]


class ReplyForm(forms.Form):
    """The composer.  With prefix ``reply`` the textarea is ``id="id_reply-body"``, ``name="reply-body"``."""

    body = forms.CharField(label=_("Reply to the customer"), widget=forms.Textarea(attrs={"rows": 6}))
    status = forms.ChoiceField(label=_("Then set status to"), required=False, widget=FastSelect)
    attachments = MultipleFileField(label=_("Attachments"), required=False)
    #: The newest message the agent saw; ``workflow.reply`` refuses to send if newer ones came in.
    last_seen_message = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Keep the status")), *status_choices()]


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 4}))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), widget=FastSelect)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = status_choices()


class PriorityForm(forms.Form):
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int, widget=FastSelect)


class AssignForm(forms.Form):
    """Choose an agent of the ticket's queue, or nobody."""

    assignee = AgentChoiceField(label=_("Assign to"), queryset=agents().none(), required=False, empty_label=_("Nobody"))

    def __init__(self, *args, ticket: Ticket, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = queue_agents(ticket)


class TransferForm(forms.Form):
    queue = forms.ModelChoiceField(label=_("To queue"), queryset=Queue.objects.all(), required=False, widget=FastSelect)
    assignee = AgentChoiceField(label=_("To agent"), queryset=agents().none(), required=False)
    note = forms.CharField(label=_("Note for the new owner"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = agents().order_by("first_name", "username")

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("queue") and not data.get("assignee"):
            raise forms.ValidationError(gettext("Choose a queue or an agent to transfer to."))
        return data


class TagsForm(forms.Form):
    """The ticket's tags as one comma-separated line."""

    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=_("Separate tags with commas."))

    def clean_tags(self) -> list[str]:
        names = [name.strip() for name in self.cleaned_data["tags"].split(",")]
        if any(len(name) > 50 for name in names):
            raise forms.ValidationError(gettext("A tag can be at most 50 characters long."))
        return [name for name in names if name]


class MergeForm(forms.Form):
    """The surviving ticket, by the reference agents quote."""

    reference = forms.CharField(label=_("Merge into ticket"), max_length=32)

    def __init__(self, *args, visible: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.visible = visible

    def clean_reference(self) -> Ticket:
        reference = self.cleaned_data["reference"].strip()
        target = self.visible.filter(reference__iexact=reference).first()
        if target is None:
            raise forms.ValidationError(gettext("No ticket %(ref)s that you can work on.") % {"ref": reference})
        return target


def queue_agents(ticket: Ticket) -> QuerySet:
    """Who the ticket can be assigned to: its queue's agents (every agent when it has no queue)."""
    people = agents()
    if ticket.queue_id is not None:
        people = people.filter(groups__helpdesk_queues=ticket.queue_id)
    return people.order_by("first_name", "username")


class QueueForm(WagtailAdminModelForm):
    def clean_is_default(self) -> bool:
        is_default = self.cleaned_data["is_default"]
        others = Queue.objects.filter(is_default=True).exclude(pk=self.instance.pk)
        if is_default and others.exists():
            raise forms.ValidationError(gettext("%(queue)s is already the default queue.") % {"queue": others.first()})
        return is_default


class ReplyTemplateForm(WagtailAdminModelForm):
    """Refuses placeholders the templating service cannot fill, so a typo never reaches a customer."""

    def _check_placeholders(self, field: str) -> str:
        text = self.cleaned_data[field]
        unknown = unknown_placeholders(text, SAMPLE_CONTEXT)
        if unknown:
            raise forms.ValidationError(
                gettext("Unknown placeholders: %(names)s. Available: %(available)s.")
                % {
                    "names": ", ".join(f"{{{{ {name} }}}}" for name in dict.fromkeys(unknown)),
                    "available": ", ".join(f"{{{{ {name} }}}}" for name in _placeholder_names(SAMPLE_CONTEXT)),
                }
            )
        return text

    def clean_subject(self) -> str:
        return self._check_placeholders("subject")

    def clean_body(self) -> str:
        return self._check_placeholders("body")


def _placeholder_names(context: dict, prefix: str = "") -> list[str]:
    names = []
    for key, value in context.items():
        if isinstance(value, dict):
            names += _placeholder_names(value, f"{prefix}{key}.")
        else:
            names.append(f"{prefix}{key}")
    return names
