"""The queue's Python-rendered choice widgets write the markup Django's widget templates write.

Compared as HTML (``parse_html``, as ``assertHTMLEqual`` does): the templates'
line breaks between tags are not part of the promise.
"""

from __future__ import annotations

import pytest
from django import forms
from django.test.html import parse_html

from wagtail_helpdesk.admin.widgets import FastCheckboxSelectMultiple, FastRadioSelect, FastSelect

CHOICES = [
    ("", "All"),
    ("me", "Me"),
    ("7", '<script>alert("x")</script> & "Anna"'),
    ("Group", [("a", "Inside A"), ("b", "Inside B")]),
]


@pytest.mark.parametrize(
    ("fast", "django_widget", "value"),
    [
        (FastRadioSelect, forms.RadioSelect, "7"),
        (FastRadioSelect, forms.RadioSelect, None),
        (FastCheckboxSelectMultiple, forms.CheckboxSelectMultiple, ["me", "b"]),
        (FastCheckboxSelectMultiple, forms.CheckboxSelectMultiple, []),
    ],
)
@pytest.mark.parametrize("attrs", [{"id": "id_assignee"}, {"id": "id_x", "class": 'c"1', "data-on": True}, {}])
def test_same_markup_as_the_django_templates(fast, django_widget, value, attrs):
    expected = django_widget(choices=CHOICES).render("assignee", value, attrs=dict(attrs))
    rendered = fast(choices=CHOICES).render("assignee", value, attrs=dict(attrs))
    assert parse_html(rendered) == parse_html(expected)
    assert rendered.count("<input") == expected.count("<input") == 5


@pytest.mark.parametrize("value", ["7", None, "b", "missing"])
@pytest.mark.parametrize("attrs", [{"id": "id_assignee"}, {"id": "id_x", "class": 'c"1', "required": True}, {}])
def test_the_select_has_the_templates_markup(value, attrs):
    expected = forms.Select(choices=CHOICES).render("assignee", value, attrs=dict(attrs))
    rendered = FastSelect(choices=CHOICES).render("assignee", value, attrs=dict(attrs))
    assert parse_html(rendered) == parse_html(expected)
    assert rendered.count("<option") == expected.count("<option") == 5


def test_labels_and_values_are_escaped():
    for widget in (FastRadioSelect, FastSelect):
        html = widget(choices=[('"><img src=x onerror=alert(1)>', "<b>bold</b>")]).render("n", None)
        assert "<img" not in html and "<b>" not in html
        assert "&lt;b&gt;bold&lt;/b&gt;" in html and "&quot;&gt;&lt;img" in html
