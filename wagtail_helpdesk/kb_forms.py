"""Validation of what visitors send to the knowledge base: votes and deflection events."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DeflectionKind
from .services.kb_activity import MAX_COMMENT_CHARS


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Was this article helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What were you looking for? (optional)"),
        required=False,
        max_length=MAX_COMMENT_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = forms.EmailField(
        label=_("Your email, if you would like an answer (optional)"), required=False, max_length=254
    )


class DeflectionForm(forms.Form):
    kind = forms.ChoiceField(choices=DeflectionKind.choices)
    page = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    article = forms.IntegerField(min_value=1, max_value=2**31 - 1, required=False)
