"""End to end: an agent filters the queue, opens a new ticket (it becomes theirs), replies with a canned
response while a second agent sees the presence warning, and the customer reads the reply in the portal.

The screenshots it takes are the ones ``docs/agents/ticket.rst`` shows.  They are written
to a temporary folder, and over the docs' copies only with ``HELPDESK_UPDATE_SCREENSHOTS=1``
(``make test ARGS="tests/browser/test_agent_workflow.py" HELPDESK_UPDATE_SCREENSHOTS=1``), so
a test run leaves the work tree as it found it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.urls import reverse

from tests.admin.conftest import grant
from wagtail_helpdesk.models import CannedResponse, Message, Status, Ticket
from wagtail_helpdesk.services import intake, portal
from wagtail_helpdesk.testing.factories import QueueFactory, TicketFactory, inbound_message, make_agent

pytestmark = pytest.mark.django_db(transaction=True)

DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "agents" / "_static"
SHOTS = DOCS_SHOTS if os.environ.get("HELPDESK_UPDATE_SCREENSHOTS") else Path(tempfile.gettempdir()) / "helpdesk-shots"


def admin_agent(queue, **kwargs):
    user = make_agent(queue, **kwargs)
    grant(user, "wagtailadmin.access_admin")
    return user


def test_agent_claims_replies_with_a_canned_response_and_the_customer_reads_it(live_server, new_context):
    returns = QueueFactory(name="Returns", slug="returns", is_default=True)
    olena = admin_agent(returns, username="olena", first_name="Olena", last_name="Kovalenko")
    piotr = admin_agent(returns, username="piotr", first_name="Piotr", last_name="Nowak")
    CannedResponse.objects.create(
        title="Return label sent",
        body="Hello {{ customer.name }},\n\nwe have emailed you a prepaid return label for {{ ticket.reference }}.\n\n"
        "{{ agent.name }}",
    )
    ticket = intake.receive(
        inbound_message(
            sender_name="Anna Nowak",
            sender_email="anna@mail.example",
            subject="Kettle leaks from the bottom",
            body_text="The kettle from order SO-10042 leaks. Can I return it?",
        )
    ).ticket
    TicketFactory(queue=returns, status=Status.OPEN, subject="Already being worked on")
    listing = reverse("wagtailsnippets_wagtail_helpdesk_ticket:list")

    agent = new_context(olena).new_page()
    agent.goto(f"{live_server.url}{listing}?status=new&queue={returns.pk}")
    rows = agent.locator("table.listing tbody tr")
    assert rows.count() == 1
    assert "Already being worked on" not in agent.locator("table.listing").inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    agent.screenshot(path=str(SHOTS / "queue-filtered.png"))

    agent.get_by_role("link", name=ticket.reference).first.click()
    agent.wait_for_selector("#id_reply-body")
    header = agent.locator(".helpdesk-ticket__header")
    assert "Olena Kovalenko" in header.inner_text()  # opening the new ticket made it hers
    assert Ticket.objects.get(pk=ticket.pk).assignee == olena

    agent.select_option("#helpdesk-canned-select", label="Return label sent")
    agent.get_by_role("button", name="Insert").click()
    agent.wait_for_function("document.getElementById('id_reply-body').value.includes('Anna Nowak')")
    draft = agent.input_value("#id_reply-body")
    assert f"prepaid return label for {ticket.reference}" in draft and "Olena Kovalenko" in draft

    colleague = new_context(piotr).new_page()
    colleague.goto(live_server.url + reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,)))
    banner = colleague.locator("[data-helpdesk-presence]")
    banner.wait_for(state="visible")
    assert "Olena Kovalenko is typing a reply." in banner.inner_text()
    colleague.screenshot(path=str(SHOTS / "presence-warning.png"))
    assert Ticket.objects.get(pk=ticket.pk).assignee == olena  # the second agent does not take it over

    agent.locator("#id_reply-body").press("End")
    agent.locator("#id_reply-body").type(" ")
    agent.screenshot(path=str(SHOTS / "composer-canned-response.png"), full_page=True)
    agent.get_by_role("button", name="Send reply").click()
    agent.wait_for_selector(f"text=Reply to {ticket.reference} sent.")
    reply = Message.objects.get(ticket=ticket, kind=Message.Kind.REPLY)
    assert reply.author_user == olena and "prepaid return label" in reply.body_text

    customer = new_context().new_page()
    customer.goto(live_server.url + urlparse(portal.portal_url(ticket)).path)
    conversation = customer.locator(".helpdesk-conversation")
    assert "we have emailed you a prepaid return label" in conversation.inner_text()
    assert "The kettle from order SO-10042 leaks." in conversation.inner_text()
