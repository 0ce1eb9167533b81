"""SLA configuration in the admin: calendars with hours and holidays, policies with targets."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail_helpdesk.models import BusinessCalendar, Priority, SLAPolicy
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import inbound_message

from .conftest import grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client, agent_a):
    grant(
        agent_a,
        *(
            f"wagtail_helpdesk.{action}_{model}"
            for action in ("add", "change", "view", "delete")
            for model in ("businesscalendar", "slapolicy")
        ),
    )
    client.force_login(agent_a)
    return client


def formset(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


def calendar_form(**overrides) -> dict:
    data = {
        "name": "Warsaw office",
        "time_zone": "Europe/Warsaw",
        **formset(
            "hours",
            [
                {"weekday": "0", "opens": "08:00", "closes": "12:00"},
                {"weekday": "0", "opens": "13:00", "closes": "17:00"},
            ],
        ),
        **formset("holidays", [{"date": "2026-11-11", "name": "Independence Day"}]),
    }
    data.update(overrides)
    return data


def test_the_helpdesk_menu_lists_the_sla_screens(manager):
    content = manager.get(reverse("wagtail_helpdesk_sla_policies:index")).content.decode()
    assert reverse("wagtail_helpdesk_business_calendars:index") in content


def test_a_calendar_with_two_intervals_a_day_and_a_holiday_is_saved(manager):
    assert manager.get(reverse("wagtail_helpdesk_business_calendars:add")).status_code == 200
    response = manager.post(reverse("wagtail_helpdesk_business_calendars:add"), calendar_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    calendar = BusinessCalendar.objects.get()
    assert [(h.opens, h.closes) for h in calendar.hours.all()] == [(time(8), time(12)), (time(13), time(17))]
    assert [h.date for h in calendar.holidays.all()] == [date(2026, 11, 11)]
    assert manager.get(reverse("wagtail_helpdesk_business_calendars:edit", args=[calendar.pk])).status_code == 200


def test_an_unknown_time_zone_is_rejected_with_a_clear_error(manager):
    response = manager.post(reverse("wagtail_helpdesk_business_calendars:add"), calendar_form(time_zone="Mars/Olympus"))
    assert response.status_code == 200
    assert "is not a known time zone" in response.content.decode()
    assert not BusinessCalendar.objects.exists()


def test_an_interval_that_closes_before_it_opens_is_rejected(manager):
    data = calendar_form(**{"hours-1-opens": "17:00", "hours-1-closes": "13:00"})
    response = manager.post(reverse("wagtail_helpdesk_business_calendars:add"), data)
    assert response.status_code == 200
    assert "must close after it opens" in response.content.decode()
    assert not BusinessCalendar.objects.exists()


def test_script_in_a_name_is_escaped_in_the_list(manager):
    manager.post(reverse("wagtail_helpdesk_business_calendars:add"), calendar_form(name="<script>alert(1)</script>"))
    content = manager.get(reverse("wagtail_helpdesk_business_calendars:index")).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_a_policy_saved_in_the_admin_sets_the_deadlines_of_the_next_ticket(manager, queue_a):
    queue_a.is_default = True
    queue_a.save()
    data = {
        "name": "Returns desk",
        "order": "0",
        "active": "on",
        "warning_percent": "75",
        "queue": str(queue_a.pk),
        "customer_segment": "",
        **formset(
            "targets",
            [{"priority": str(Priority.NORMAL), "first_response_minutes": "30", "resolution_minutes": "600"}],
        ),
    }
    assert manager.get(reverse("wagtail_helpdesk_sla_policies:add")).status_code == 200
    response = manager.post(reverse("wagtail_helpdesk_sla_policies:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert SLAPolicy.objects.get().targets.get().first_response_minutes == 30

    ticket = intake.receive(inbound_message()).ticket

    assert (ticket.first_response_due - ticket.created_at).total_seconds() == pytest.approx(30 * 60, abs=5)
    content = manager.get(reverse("wagtail_helpdesk_sla_policies:index")).content.decode()
    assert "Returns desk" in content


def test_a_warning_share_above_100_percent_is_rejected(manager):
    data = {"name": "Broken", "order": "0", "warning_percent": "150", **formset("targets", [])}
    response = manager.post(reverse("wagtail_helpdesk_sla_policies:add"), data)
    assert response.status_code == 200
    assert not SLAPolicy.objects.exists()


def test_agents_without_permission_cannot_edit_policies(client_a):
    assert client_a.get(reverse("wagtail_helpdesk_sla_policies:add")).status_code in (302, 403)


@pytest.fixture
def automation_manager(client, agent_a):
    grant(
        agent_a,
        *(f"wagtail_helpdesk.{action}_automationrule" for action in ("add", "change", "view")),
        "wagtail_helpdesk.view_satisfactionrating",
    )
    client.force_login(agent_a)
    return client


def test_an_automation_rule_is_created_in_the_admin(automation_manager):
    from wagtail_helpdesk.models import AutomationRule

    assert automation_manager.get(reverse("wagtail_helpdesk_automation_rules:add")).status_code == 200
    response = automation_manager.post(
        reverse("wagtail_helpdesk_automation_rules:add"),
        {
            "name": "Remind after 3 days",
            "order": "0",
            "active": "on",
            "trigger": "pending_for",
            "after_days": "3",
            "send_template": "reminder",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AutomationRule.objects.get().after_days == 3
    assert (
        "Remind after 3 days"
        in automation_manager.get(reverse("wagtail_helpdesk_automation_rules:index")).content.decode()
    )


def test_the_satisfaction_list_shows_ratings_with_a_fixed_number_of_queries(
    automation_manager, django_assert_max_num_queries
):
    from wagtail_helpdesk.models import SatisfactionRating
    from wagtail_helpdesk.testing.factories import TicketFactory

    for score in (1, 5, 4):
        SatisfactionRating.objects.create(ticket=TicketFactory(), score=score, comment="<b>bold</b>")
    index = reverse("wagtail_helpdesk_satisfaction:index")
    automation_manager.get(index)  # warm caches
    with CaptureQueriesContext(connection) as few:
        content = automation_manager.get(index).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in content and "<b>bold</b>" not in content
    for _ in range(10):
        SatisfactionRating.objects.create(ticket=TicketFactory(), score=3)
    with django_assert_max_num_queries(len(few)):
        automation_manager.get(index)


def test_unknown_ids_are_a_404(manager, automation_manager):
    for name in ("business_calendars", "sla_policies", "automation_rules"):
        assert manager.get(reverse(f"wagtail_helpdesk_{name}:edit", args=[987654])).status_code == 404


def test_a_negative_number_of_days_or_an_unknown_trigger_is_rejected(automation_manager):
    from wagtail_helpdesk.models import AutomationRule

    for bad in ({"after_days": "-1", "trigger": "pending_for"}, {"after_days": "1", "trigger": "<script>x</script>"}):
        response = automation_manager.post(
            reverse("wagtail_helpdesk_automation_rules:add"), {"name": "Bad", "order": "0", **bad}
        )
        assert response.status_code == 200
        assert "<script>x</script>" not in response.content.decode()
    assert not AutomationRule.objects.exists()
