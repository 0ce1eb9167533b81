"""A mail's inline image (``<img src="cid:…">``) shows in the agent's sandboxed message frame."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from tests.browser.test_agent_workflow import admin_agent
from wagtail_helpdesk.models import Ticket
from wagtail_helpdesk.services import mailboxes
from wagtail_helpdesk.testing.factories import QueueFactory

pytestmark = pytest.mark.django_db(transaction=True)

CORPUS = Path(__file__).resolve().parents[1] / "email_corpus"


def test_the_inline_image_loads_inside_the_sandboxed_frame(live_server, new_context, settings):
    settings.WAGTAIL_HELPDESK_ACKNOWLEDGEMENT_RATE_LIMIT = None
    queue = QueueFactory(is_default=True)
    agent = admin_agent(queue, username="olena")
    assert mailboxes.ingest((CORPUS / "inline_image_cid_related.eml").read_bytes())
    ticket = Ticket.objects.get()

    page = new_context(agent).new_page()
    page.goto(live_server.url + reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,)))
    frame = page.frame_locator("iframe.helpdesk-message__html")
    image = frame.locator("img")
    image.wait_for(state="attached")
    page.wait_for_timeout(500)
    loaded = image.evaluate("img => img.complete && img.naturalWidth")
    assert loaded == 1, image.evaluate("img => img.outerHTML")
