"""Choice widgets for the queue's filters and the ticket view's action forms, rendered in Python.

The queue's filter panel holds about fifty options (statuses, priorities,
channels, SLA states, the agents of the agent's queues) and the ticket view's
forms about sixty (status, priority, queue, the agents to assign or transfer
to); through Django's widget templates (``multiple_input.html`` or
``select.html``, then a template and ``attrs.html`` per option) they cost more
than the rest of either page's templates.  These widgets write the same markup
as those templates directly; ``tests/admin/test_filter_widgets.py`` holds them
to the templates' output, so a Django upgrade that changes the markup shows up
there.  A site that restyles Django's widget templates keeps them everywhere else.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


def html_attrs(attrs: dict[str, Any]) -> SafeString:
    """Django's ``attrs.html`` (and Wagtail's ``shared/attrs.html``): ``True`` writes the bare name,
    ``False`` leaves the attribute out."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value)),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def _option(option: dict[str, Any]) -> SafeString:
    """``input_option.html`` with ``input.html`` inside."""
    value = "" if option["value"] is None else format_html(' value="{}"', str(option["value"]))
    field = format_html(
        '<input type="{}" name="{}"{}{}>', option["type"], option["name"], value, html_attrs(option["attrs"])
    )
    if not option["wrap_label"]:
        return field
    label_for = format_html(' for="{}"', option["attrs"]["id"]) if option["attrs"].get("id") else ""
    return format_html("<label{}>{} {}</label>", label_for, field, conditional_escape(option["label"]))


class FastMultipleInputMixin:
    """``multiple_input.html`` as a Python function, for ``RadioSelect`` and ``CheckboxSelectMultiple``."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        element_id = widget["attrs"].get("id")
        css_class = widget["attrs"].get("class")
        parts = [
            format_html(
                "<div{}{}>",
                format_html(' id="{}"', element_id) if element_id else "",
                format_html(' class="{}"', css_class) if css_class else "",
            )
        ]
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(format_html("\n  <div><label>{}</label>", group))
            parts.extend(format_html("<div>\n    {}</div>", _option(option)) for option in options)
            if group:
                parts.append(mark_safe("\n  </div>"))
        parts.append(mark_safe("\n</div>"))
        return mark_safe("".join(parts))


class FastRadioSelect(FastMultipleInputMixin, forms.RadioSelect):
    """A ``RadioSelect`` that renders without templates (same markup)."""


class FastCheckboxSelectMultiple(FastMultipleInputMixin, forms.CheckboxSelectMultiple):
    """A ``CheckboxSelectMultiple`` that renders without templates (same markup)."""


class FastSelect(forms.Select):
    """A ``Select`` that renders without templates (``select.html`` and ``select_option.html``' markup)."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], html_attrs(widget["attrs"]))]
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(format_html('\n  <optgroup label="{}">', group))
            parts.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>',
                    str(option["value"]),
                    html_attrs(option["attrs"]),
                    conditional_escape(option["label"]),
                )
                for option in options
            )
            if group:
                parts.append(mark_safe("\n  </optgroup>"))
        parts.append(mark_safe("\n</select>"))
        return mark_safe("".join(parts))
