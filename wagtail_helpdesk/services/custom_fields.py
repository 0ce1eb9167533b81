"""Typed extra fields a queue defines for its tickets (serial number, purchase date...).

Values are validated with Django form fields and stored JSON-safe on
``Ticket.custom_fields``.  Keys a queue does not define are kept as they are:
plugins use them for their own data (e.g. the shop's order number).
"""

from __future__ import annotations

import datetime
import decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from ..exceptions import InvalidInbound
from ..models import CustomField, Queue


def form_field(definition: CustomField) -> forms.Field:
    """The Django form field that validates one custom field definition."""
    common = {"label": definition.label, "required": definition.required}
    match definition.field_type:
        case CustomField.FieldType.NUMBER:
            return forms.DecimalField(max_digits=20, decimal_places=6, **common)
        case CustomField.FieldType.DATE:
            return forms.DateField(**common)
        case CustomField.FieldType.BOOLEAN:
            return forms.BooleanField(**common)
        case CustomField.FieldType.CHOICE:
            choices = [(c, c) for c in definition.choice_list]
            return forms.ChoiceField(choices=[("", "---"), *choices] if not definition.required else choices, **common)
        case _:
            return forms.CharField(max_length=500, **common)


def _json_value(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def validate(queue: Queue | None, values: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Return ``values`` cleaned against the queue's definitions.

    With ``partial=True`` (intake: the customer never saw the queue's fields)
    missing required fields are not an error.  Raises ``InvalidInbound``
    mapping each bad field name to its message.
    """
    if queue is None:
        return dict(values)
    cleaned = dict(values)
    errors: dict[str, str] = {}
    for definition in CustomField.objects.filter(queue=queue):
        if definition.name not in values and partial:
            continue
        field = form_field(definition)
        try:
            value = field.clean(field.to_python(values.get(definition.name)))
        except ValidationError as exc:
            errors[definition.name] = " ".join(exc.messages)
            continue
        cleaned[definition.name] = _json_value(value)
    if errors:
        raise InvalidInbound(errors)
    return cleaned
