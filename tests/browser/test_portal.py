"""A guest follows the portal link from the acknowledgement mail, reads the conversation and replies."""

import re
from urllib.parse import urlparse

import pytest

from wagtail_helpdesk.models import Message, Ticket
from wagtail_helpdesk.services import workflow
from wagtail_helpdesk.testing.factories import make_agent

pytestmark = pytest.mark.django_db(transaction=True)


def test_guest_opens_the_mailed_link_sees_the_conversation_and_replies(live_server, page, contact_page, mailoutbox):
    page.goto(live_server.url + contact_page.url)
    page.get_by_label("Your name").fill("Anna Nowak")
    page.get_by_label("Email address").fill("anna@mail.example")
    page.get_by_label("Subject").fill("Kettle leaks")
    page.get_by_label("How can we help?").fill("The kettle from order SO-10042 leaks.")
    page.get_by_role("button", name="Send").click()
    page.wait_for_selector(".helpdesk-reference")

    ticket = Ticket.objects.get()
    agent = make_agent(ticket.queue, username="eva")
    workflow.reply(ticket, by=agent, body_text="Sorry about that. Could you send a photo?")
    acknowledgement = next(m for m in mailoutbox if ticket.reference in m.subject and "anna@mail.example" in m.to)
    link = re.search(r"https?://\S+/portal/t/\S+/", acknowledgement.body).group(0)

    # The mail's host is the default site's; the path is what matters here.
    page.goto(live_server.url + urlparse(link).path)
    conversation = page.locator(".helpdesk-conversation")
    assert "The kettle from order SO-10042 leaks." in conversation.inner_text()
    assert "Could you send a photo?" in conversation.inner_text()

    page.get_by_label("Your reply").fill("Here it is: the base is cracked.")
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_selector(".helpdesk-notice")
    assert "the base is cracked" in page.locator(".helpdesk-conversation").inner_text()

    latest = ticket.messages.order_by("-pk").first()
    assert latest.kind == Message.Kind.INBOUND and latest.body_text == "Here it is: the base is cracked."
    assert Ticket.objects.count() == 1
