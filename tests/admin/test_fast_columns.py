"""The queue's Python-written cells match Wagtail's cell templates (compared as HTML)."""

from __future__ import annotations

import datetime

import pytest
from django.test.html import parse_html
from django.utils import timezone, translation
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, Table, TitleColumn

from wagtail_helpdesk.admin.columns import FastColumn, FastDateColumn
from wagtail_helpdesk.admin.queue import SLAColumn
from wagtail_helpdesk.testing.factories import TicketFactory


class Row:
    def __init__(self, value):
        self.value = value


def cells(fast, wagtail, row):
    table = Table([fast, wagtail], [row])
    context = {"table": table, "row": row, "request": None}
    return fast.render_cell_html(row, context), wagtail.render_cell_html(row, context)


class Blank(Column):
    empty_value_display = "(blank)"


class FastBlank(FastColumn):
    empty_value_display = "(blank)"


@pytest.mark.parametrize("value", ["plain", '<script>alert("x")</script>', "", "  ", None, 12345, 0, True])
@pytest.mark.parametrize("classname", [None, 'wide "x"'])
@pytest.mark.parametrize(("fast_class", "wagtail_class"), [(FastColumn, Column), (FastBlank, Blank)])
def test_a_plain_cell_is_the_templates_cell(value, classname, fast_class, wagtail_class):
    fast, wagtail = cells(
        fast_class("value", classname=classname), wagtail_class("value", classname=classname), Row(value)
    )
    assert parse_html(fast) == parse_html(wagtail)
    assert "<script>" not in fast


@pytest.mark.parametrize(
    "value",
    [
        None,
        timezone.now() - datetime.timedelta(hours=5, minutes=3),
        timezone.now() - datetime.timedelta(seconds=10),
        datetime.date(2026, 3, 4),
    ],
)
@pytest.mark.parametrize("language", ["en", "pl"])
def test_a_date_cell_is_the_templates_cell(value, language):
    with translation.override(language):
        fast, wagtail = cells(FastDateColumn("value"), DateColumn("value"), Row(value))
    assert parse_html(fast) == parse_html(wagtail)


@pytest.mark.django_db
def test_the_sla_cell_keeps_its_state_in_words():
    ticket = TicketFactory(sla_due_at=timezone.now() - datetime.timedelta(minutes=5))
    html = SLAColumn().render_cell_html(ticket, {"table": None, "row": ticket, "request": None})
    assert html.startswith("<td>") and "helpdesk-sla--breached" in html and "Breached" in html


def _tables(rows):
    def columns(fast: bool):
        plain, date = (FastColumn, FastDateColumn) if fast else (Column, DateColumn)
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"),
            TitleColumn(
                "value",
                label="Reference",
                get_url=lambda row: f"/tickets/{row.pk}/?a=1&b=2",
                get_title_id=lambda row: f"snippet_{row.pk}_title",
            ),
            TitleColumn("label", label="Plain title"),
            plain("value", label="Value", classname="w-x"),
            date("when", label="When"),
        ]

    from wagtail_helpdesk.admin.columns import QueueTable

    return QueueTable(columns(True), rows), Table(columns(False), rows)


class TicketRow:
    def __init__(self, pk, value, when):
        self.pk, self.value, self.when, self.label = pk, value, when, f"<i>{pk}</i>"


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_queue_table_writes_wagtails_table(rf, language):
    rows = [
        TicketRow(1, '<script>alert("x")</script>', timezone.now() - datetime.timedelta(days=3)),
        TicketRow("a/b c", "", None),
        TicketRow(3, 42, timezone.now()),
    ]
    fast, wagtail = _tables(rows)
    context = {"request": rf.get("/")}
    with translation.override(language):
        ours, theirs = fast.render_html(context), wagtail.render_html(context)
    assert parse_html(ours) == parse_html(theirs)
    assert ours.count("<tr") == 4 and "<script>" not in ours


class Obj:
    """A row whose values come from attributes, methods and a dictionary."""

    def __init__(self):
        self.plain = "<b>plain</b>"
        self.data = {"key": "from a dict"}

    def method(self):
        return "called"

    def dangerous(self):
        raise AssertionError("a method that alters data must not be called")

    dangerous.alters_data = True


@pytest.mark.parametrize("accessor", ["plain", "method", "data.key", "missing"])
def test_a_fast_column_reads_values_as_wagtails_column_does(accessor):
    fast, wagtail = cells(FastColumn("x", accessor=accessor), Column("x", accessor=accessor), Obj())
    assert parse_html(fast) == parse_html(wagtail)
    assert FastColumn("x", accessor=accessor).get_value(Obj()) == Column("x", accessor=accessor).get_value(Obj())


def test_a_fast_column_refuses_a_method_that_alters_data_like_wagtails():
    from django.core.exceptions import SuspiciousOperation

    with pytest.raises(SuspiciousOperation):
        Column("x", accessor="dangerous").get_value(Obj())
    with pytest.raises(SuspiciousOperation):
        FastColumn("x", accessor="dangerous").get_value(Obj())


def test_a_memoized_column_writes_each_distinct_cell_once(rf):
    from wagtail_helpdesk.admin.columns import QueueTable

    calls = []

    def label(row):
        calls.append(row.pk)
        return f"<{row.value}>"

    rows = [TicketRow(n, n % 2, None) for n in range(6)]
    memoized = QueueTable([FastColumn("value", accessor=label, memo_key=lambda row: row.value)], rows)
    plain = Table([Column("value", accessor=lambda row: f"<{row.value}>")], rows)
    context = {"request": rf.get("/")}
    assert parse_html(memoized.render_html(context)) == parse_html(plain.render_html(context))
    assert len(calls) == 2  # one per distinct value, not one per row


@pytest.mark.parametrize(
    "ago",
    [
        datetime.timedelta(seconds=5),
        datetime.timedelta(minutes=1),
        datetime.timedelta(hours=5, minutes=3),
        datetime.timedelta(days=8),
        datetime.timedelta(days=400),
    ],
)
@pytest.mark.parametrize("language", ["en", "pl", "uk", "lt", "ar"])
def test_the_tables_relative_times_are_wagtails(ago, language):
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    from wagtail_helpdesk.admin.columns import _RelativeTimes

    when = timezone.now() - ago
    with translation.override(language):
        assert _RelativeTimes()(when) == timesince_simple(when)
