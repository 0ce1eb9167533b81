"""Each reply in the ticket view shows its delivery state; the number of queries does not grow with replies."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wagtail_helpdesk.models import OutboundMessage
from wagtail_helpdesk.services import intake, workflow
from wagtail_helpdesk.testing.factories import inbound_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(queue_a):
    queue_a.is_default = True
    queue_a.save()
    return intake.receive(inbound_message(subject="Kettle leaks")).ticket


def test_a_failed_and_a_sent_reply_show_their_state_and_the_error(
    client_a, agent_a, ticket, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent_a, body_text="First answer")
        workflow.reply(ticket, by=agent_a, body_text="Second answer")
    _first, second = OutboundMessage.objects.filter(kind=OutboundMessage.Kind.REPLY).order_by("pk")
    OutboundMessage.objects.filter(pk=second.pk).update(
        state=OutboundMessage.State.FAILED, last_error="550 <script>x</script>", attempts=3
    )

    html = client_a.get(reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,))).content.decode()

    assert "helpdesk-delivery--sent" in html and "helpdesk-delivery--failed" in html
    assert "550 &lt;script&gt;x&lt;/script&gt;" in html and "<script>x</script>" not in html
    assert "3 attempts" in html


def test_the_badges_cost_no_query_per_reply(
    client_a, agent_a, ticket, mailoutbox, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    url = reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,))
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent_a, body_text="One")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client_a.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(5):
            workflow.reply(ticket, by=agent_a, body_text=f"More {n}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        client_a.get(url)
