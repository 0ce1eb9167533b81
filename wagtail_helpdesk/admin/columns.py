"""Queue columns whose cells are written in Python, with the markup of Wagtail's cell templates.

A queue page is 50 rows of about ten cells; rendering each cell through
``wagtailadmin/tables/cell.html`` (a template and a context per cell) cost more
than every query of the page together.  These columns keep Wagtail's value
logic (``get_cell_context_data``) and write only the ``<td>``;
``tests/admin/test_fast_columns.py`` holds them to the templates' output, so a
Wagtail upgrade that changes the markup is caught there.
"""

from __future__ import annotations

import datetime

from django.template.defaultfilters import capfirst
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import Column, DateColumn


def _td_class(column: Column) -> SafeString | str:
    return format_html(' class="{}"', column.classname) if column.classname else ""


class FastColumn(Column):
    """``Column`` with ``cell.html`` written directly."""

    def render_cell_html(self, instance, parent_context) -> SafeString:
        value = self.get_cell_context_data(instance, parent_context)["value"]
        return format_html("<td{}>{}</td>", _td_class(self), "" if value is None else value)


def human_readable_date(date) -> SafeString:
    """Wagtail's ``{% human_readable_date %}`` (a relative time with the exact one as tooltip)."""
    if isinstance(date, datetime.datetime):
        tooltip_format = get_format("DATETIME_FORMAT") or "N j, Y, P"
    else:
        tooltip_format = get_format("DATE_FORMAT") or "N j, Y"
    aware = isinstance(date, datetime.datetime) and date.tzinfo is not None
    shown = timezone.localtime(date) if aware else date  # what the template's |date does
    return format_html(
        '<button type="button" class="w-human-readable-date" data-controller="w-tooltip" '
        'data-w-tooltip-content-value="{}" data-w-tooltip-placement-value="top">'
        '<time class="w-human-readable-date__date" datetime="{}">{}</time></button>',
        date_format(shown, tooltip_format),
        date_format(shown, "c"),
        capfirst(timesince_simple(date)),
    )


class FastDateColumn(DateColumn):
    """``DateColumn`` with ``date_cell.html`` and ``human_readable_date.html`` written directly."""

    def render_cell_html(self, instance, parent_context) -> SafeString:
        value = self.get_cell_context_data(instance, parent_context)["value"]
        return format_html("<td{}>{}</td>", _td_class(self), human_readable_date(value) if value else "")
