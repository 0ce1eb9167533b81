"""Customer-side forms.  They validate input, build an ``InboundMessage`` through
the ``web`` channel and call ``services.intake.receive()``; nothing else."""

from __future__ import annotations

import uuid

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .conf import helpdesk_settings
from .exceptions import InvalidInbound, UnknownChannel
from .services import intake, ratelimit
from .services.channels import get_channel
from .services.permissions import customer_of


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Email address"))
    subject = forms.CharField(label=_("Subject"), max_length=255)
    message = forms.CharField(label=_("How can we help?"), widget=forms.Textarea(attrs={"rows": 8}))
    attachments = MultipleFileField(label=_("Attachments"), required=False)
    #: A one-time id per rendered form: a double-click or a re-sent POST opens one ticket.
    token = forms.CharField(widget=forms.HiddenInput)
    #: Honeypot: hidden from people by CSS, filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, page=None, request=None, **kwargs):
        self.page = page
        self.request = request
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4().hex)
            customer = customer_of(request.user) if request is not None else None
            if customer is not None:
                self.initial.setdefault("name", customer.name)
                self.initial.setdefault("email", customer.email)

    def clean_token(self) -> str:
        token = self.cleaned_data["token"]
        try:
            return uuid.UUID(token).hex
        except ValueError:
            raise forms.ValidationError(_("The form expired; please submit it again.")) from None

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Your message could not be sent."))
        return ""

    def clean(self) -> dict:
        """Refuse a valid-looking submission over the per-IP or per-address rate limit; nothing is stored."""
        cleaned = super().clean()
        if self.errors or self.request is None:
            return cleaned
        rate = helpdesk_settings.CONTACT_RATE_LIMIT
        allowed = ratelimit.hit("contact-ip", [ratelimit.client_ip(self.request)], rate)
        allowed = ratelimit.hit("contact-email", [cleaned.get("email", "")], rate) and allowed
        if not allowed:
            raise forms.ValidationError(
                _("You have sent several messages in a short time. Please wait a while before sending another."),
                code="rate_limited",
            )
        return cleaned

    def submit(self) -> intake.IntakeResult | None:
        """Open the ticket; on rejection, put intake's errors on the form and return None."""
        data = dict(self.cleaned_data)
        data.pop("website", None)
        data["language"] = translation.get_language() or ""
        if self.page is not None:
            data["page"] = self.page.pk
            if self.page.queue_id:
                data["queue"] = self.page.queue.slug
        if self.request is not None:
            data["ip"] = self.request.META.get("REMOTE_ADDR", "")
            data["user_agent"] = self.request.META.get("HTTP_USER_AGENT", "")[:300]
        try:
            return intake.receive(get_channel("web").parse(data))
        except UnknownChannel:
            self.add_error(None, _("The contact form is switched off on this site."))
        except InvalidInbound as exc:
            for field, message in exc.errors.items():
                target = {"body_text": "message", "sender_email": "email"}.get(field, field)
                self.add_error(target if target in self.fields else None, message)
        return None
