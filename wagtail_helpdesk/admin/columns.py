"""The queue's table and cells written in Python, with the markup of Wagtail's table templates.

A queue page is 50 rows of about ten cells; rendering each cell through
``wagtailadmin/tables/cell.html`` under a ``{% component %}`` tag (a template
and a context per cell) cost more than every query of the page together.
:class:`QueueTable` writes the rows itself and these columns write only the
``<td>``, keeping Wagtail's value logic (``get_cell_context_data``); columns
that are not ours (the title, the bulk-action checkbox) still render their own
templates.  ``tests/admin/test_fast_columns.py`` holds all of it to Wagtail's
templates' output, so an upgrade that changes the markup is caught there.

Two more savings, both per rendered table: a column given ``memo_key`` (a
function of the row) writes one cell per distinct key and reuses it, so fifty
rows in three statuses translate a status label three times; and the relative
times of the date cells share their translated strings.
"""

from __future__ import annotations

import datetime

from django.contrib.admin.utils import quote
from django.template.defaultfilters import capfirst
from django.templatetags.l10n import unlocalize
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.functional import Promise
from django.utils.html import avoid_wrapping, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timesince
from django.utils.translation import gettext as wagtails_gettext  # not extracted: Wagtail's catalogue has it
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, Table, TitleColumn

from .widgets import html_attrs


def _td_class(column: Column) -> SafeString | str:
    return format_html(' class="{}"', column.classname) if column.classname else ""


class FastColumn(Column):
    """``Column`` with ``cell.html`` written directly.

    ``memo_key``: a function of the row that determines the whole cell (such as
    ``attrgetter("status")`` for the status label); :class:`QueueTable` then
    writes the cell once per distinct key.
    """

    def __init__(self, *args, memo_key=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.memo_key = memo_key

    def get_value(self, instance):
        # Column.get_value through multigetattr tries instance[name] first, which raises on a model
        # instance for every cell; a plain attribute name is read directly, with the same rules.
        accessor = self.accessor
        if callable(accessor) or "." in accessor:
            return super().get_value(instance)
        try:
            value = getattr(instance, accessor)
        except AttributeError:
            return super().get_value(instance)  # dictionary and index lookups, Wagtail's error handling
        if callable(value):
            if getattr(value, "alters_data", False):
                return super().get_value(instance)  # raises, as multigetattr does
            value = value()
        return value

    def render_cell_html(self, instance, parent_context) -> SafeString:
        # Column.get_cell_context_data's value rules, with a lazy label translated once, not per use.
        value = self.get_value(instance)
        if isinstance(value, Promise):
            value = str(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            value = unlocalize(value)
        if value is not None and not str(value).strip():
            value = self.empty_value_display
        return format_html("<td{}>{}</td>", _td_class(self), "" if value is None else value)


class _RelativeTimes:
    """Wagtail's ``timesince_simple`` filter, with its translated strings looked up once per table."""

    def __init__(self) -> None:
        # timesince_simple keeps the first unit of a two-unit timesince split at ",": with the usual
        # ", " between units that is timesince with one unit, which formats one string fewer.
        self.one_unit = wagtails_gettext(", ") == ", "
        self.just_now = wagtails_gettext("just now")
        self.zero = avoid_wrapping(wagtails_gettext("0 minutes"))
        self.ago = wagtails_gettext("%(time_period)s ago")

    def __call__(self, date) -> str:
        if not self.one_unit:
            return timesince_simple(date)
        period = timesince(date, depth=1)
        return self.just_now if period == self.zero else self.ago % {"time_period": period}


def human_readable_date(date, relative_times: _RelativeTimes | None = None) -> SafeString:
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
        shown.isoformat(),  # the "c" format
        capfirst(relative_times(date) if relative_times else timesince_simple(date)),
    )


class FastDateColumn(DateColumn):
    """``DateColumn`` with ``date_cell.html`` and ``human_readable_date.html`` written directly."""

    def render_cell_html(self, instance, parent_context) -> SafeString:
        value = self.get_cell_context_data(instance, parent_context)["value"]
        if not value:
            return format_html("<td{}></td>", _td_class(self))
        return format_html(
            "<td{}>{}</td>", _td_class(self), human_readable_date(value, _relative_times_for(parent_context))
        )


def _relative_times_for(parent_context) -> _RelativeTimes | None:
    """The table's shared relative-time strings (set up by :meth:`QueueTable.render_body`), if any."""
    return parent_context.get("relative_times") if isinstance(parent_context, dict) else None


class QueueTable(Table):
    """Wagtail's ``Table`` with the ``<tbody>`` rows written in Python (the header stays a template)."""

    template_name = "wagtail_helpdesk/admin/queue_table.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["table_body"] = self.render_body(parent_context.get("request"))
        return context

    def render_body(self, request) -> SafeString:
        """Every row's ``<tr>``: what ``table.html``'s ``{% for row %}{% component cell %}`` loop writes."""
        columns = [(column, _cell_writer(column)) for column in self.columns.values()]
        relative_times = _RelativeTimes()
        rows = []
        for row in self.rows:
            context = {"table": self, "row": row, "request": request, "relative_times": relative_times}
            cells = "".join(write(column, row.instance, context) for column, write in columns)
            rows.append(format_html("<tr{}>{}</tr>", html_attrs(row.attrs), mark_safe(cells)))
        return mark_safe("".join(rows))


def _cell_writer(column):
    """How a column's cells are written: Wagtail's checkbox and title cells in Python, the rest by the column."""
    if isinstance(column, BulkActionsCheckboxColumn) and column.obj_type != "page":
        return checkbox_cell
    if isinstance(column, TitleColumn):
        return title_cell
    memo_key = getattr(column, "memo_key", None)
    if memo_key is None:
        return lambda column, instance, context: column.render_cell_html(instance, context)
    written: dict = {}

    def memoized(column, instance, context) -> SafeString:
        key = memo_key(instance)
        if key not in written:
            written[key] = column.render_cell_html(instance, context)
        return written[key]

    return memoized


def checkbox_cell(column: BulkActionsCheckboxColumn, instance, parent_context) -> SafeString:
    """``wagtailadmin/bulk_actions/listing_checkbox_cell.html`` (not for pages, which add their status)."""
    return format_html(
        '<td class="bulk-action-checkbox-cell"><input type="checkbox" data-object-id="{}" data-bulk-action-checkbox '
        'class="bulk-action-checkbox" aria-label="{}" aria-describedby="{}"></td>',
        quote(str(instance.pk)),
        wagtails_gettext("Select"),
        column.get_aria_describedby(instance),
    )


def title_cell(column: TitleColumn, instance, parent_context) -> SafeString:
    """``wagtailadmin/tables/title_cell.html``; a cell with action buttons keeps the template."""
    context = column.get_cell_context_data(instance, parent_context)
    if context.get("buttons"):
        return column.render_cell_html(instance, parent_context)
    value = context["value"]
    title = format_html('<span id="{}">{}</span>', context["title_id"], value) if context["title_id"] else value
    if context["link_url"]:
        title = format_html("<a{}>{}</a>", html_attrs(context["link_attrs"]), title)
    elif context["label_id"]:
        title = format_html('<label for="{}">{}</label>', context["label_id"], title)
    return format_html(
        '<td class="{}title"><div class="title-wrapper">{}</div></td>',
        f"{column.classname} " if column.classname else "",
        format_html("{}", title),
    )
