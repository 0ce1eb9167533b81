"""Customer-side forms.  They validate input, build an ``InboundMessage`` through
the ``web`` channel and call ``services.intake.receive()``; nothing else."""

from __future__ import annotations

import re
import uuid

from django import forms
from django.core.validators import RegexValidator
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .conf import helpdesk_settings
from .exceptions import InvalidInbound, UnknownChannel
from .services import config_cache, intake, ratelimit
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


#: Digits, spaces and the punctuation people write phone numbers with.
phone_validator = RegexValidator(
    re.compile(r"^\+?[0-9 ()./-]{5,40}$"), _("Enter a phone number: digits, spaces and + ( ) - / . only.")
)
#: Letters, digits and the separators order numbers use (``SO-10042``, ``2026/00042``).
order_number_validator = RegexValidator(
    re.compile(r"^[\w./#-]{1,100}$"), _("Enter the order number as it appears on your confirmation.")
)


class ContactForm(forms.Form):
    """The contact page's form; the page decides which optional fields it shows."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Email address"))
    phone = forms.CharField(label=_("Phone number"), max_length=40, required=False, validators=[phone_validator])
    category = forms.ChoiceField(label=_("What is it about?"))
    order_number = forms.CharField(
        label=_("Order number"),
        max_length=100,
        required=False,
        validators=[order_number_validator],
        help_text=_("If your message is about an order, e.g. SO-10042."),
    )
    product = forms.CharField(label=_("Product"), max_length=200, required=False)
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
        self._configure_optional_fields()
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4().hex)
            customer = customer_of(request.user) if request is not None else None
            if customer is not None:
                self.initial.setdefault("name", customer.name)
                self.initial.setdefault("email", customer.email)

    def _configure_optional_fields(self) -> None:
        """Drop the fields the page does not ask for; offer the page's categories."""
        page = self.page
        self.categories = {option["label"]: option for option in (page.category_options() if page else [])}
        if self.categories:
            self.fields["category"].choices = [("", _("Choose…")), *((label, label) for label in self.categories)]
        else:
            del self.fields["category"]
        for name, flag in (("phone", "show_phone"), ("order_number", "show_order_number"), ("product", "show_product")):
            if page is None or not getattr(page, flag, False):
                del self.fields[name]

    def clean_order_number(self) -> str:
        return self.cleaned_data["order_number"].strip().upper()

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
                data["queue"] = config_cache.snapshot().queue_slug(self.page.queue_id)
        category = self.categories.get(data.get("category", ""))
        if category and category["queue"]:
            data["queue"] = category["queue"]
        if self.request is not None:
            data["ip"] = self.request.META.get("REMOTE_ADDR", "")
            data["user_agent"] = self.request.META.get("HTTP_USER_AGENT", "")[:300]
        try:
            return intake.receive(get_channel("web").parse(data))
        except UnknownChannel:
            self.add_error(None, _("The contact form is switched off on this site."))
        except InvalidInbound as exc:
            # Intake remembers a rejected submission id; the corrected form needs a new one.
            self.data = self.data.copy()
            self.data["token"] = uuid.uuid4().hex
            for field, message in exc.errors.items():
                target = {"body_text": "message", "sender_email": "email", "sender_phone": "phone"}.get(field, field)
                self.add_error(target if target in self.fields else None, message)
        return None
