"""``docs/examples/helpdesk_chat`` (the worked example of docs/api.rst) really works.

It is installed the way test_docs_example.py installs the other examples: its
folder goes on ``sys.path`` and its plugin module is registered, as the entry
point in its setup.cfg would.  A real local HTTP server plays the widget's
backend and receives the signed replies.
"""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import receiver  # noqa: F401  (fixture)
from tests.plugins.test_docs_example import entry_points, import_example
from wagtail_helpdesk.models import ChannelToken, OutboundMessage, Ticket
from wagtail_helpdesk.services import gateway, signing, workflow
from wagtail_helpdesk.testing.contract import ChannelContract
from wagtail_helpdesk.testing.factories import QueueFactory, make_agent
from wagtail_helpdesk.testing.plugins import registered_plugin

pytestmark = pytest.mark.django_db


@pytest.fixture
def chat(monkeypatch):
    return import_example(monkeypatch, "helpdesk_chat")


class TestChatChannel(ChannelContract):
    @pytest.fixture
    def channel(self, chat):
        return chat.ChatChannel()

    @pytest.fixture
    def make_payload(self):
        return lambda external_id, sender: {
            "event_id": external_id,
            "visitor": {"id": "visitor-1", "email": sender},
            "text": "Do you ship to Lithuania?",
        }

    @pytest.fixture
    def bad_payload(self):
        return {"typing": True}

    @pytest.fixture
    def sent(self, receiver):  # noqa: F811
        gateway.issue_token(channel="chat", name="Widget", callback_url=receiver.url)
        return lambda: receiver.requests


def test_a_conversation_through_the_gateway_and_back(chat, receiver, django_capture_on_commit_callbacks):  # noqa: F811
    agent = make_agent(QueueFactory(is_default=True))
    with registered_plugin(chat, name="chat"):
        issued = gateway.issue_token(channel="chat", name="Widget", callback_url=receiver.url)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.plaintext}")
        first = client.post(
            "/api/helpdesk/v1/gateway/messages/",
            {"event_id": 1, "visitor": {"id": "v-7", "name": "Ona"}, "text": "Hello"},
            format="json",
        ).json()
        reference = first["ticket"]["reference"]
        second = client.post(
            "/api/helpdesk/v1/gateway/messages/",
            {"event_id": 2, "visitor": {"id": "v-7"}, "text": "Are you there?", "ticket": reference},
            format="json",
        ).json()
        assert (first["created"], second["created"], second["ticket"]["reference"]) == (True, False, reference)
        with django_capture_on_commit_callbacks(execute=True):
            workflow.reply(Ticket.objects.get(reference=reference), by=agent, body_text="Yes! How can I help?")

    [callback] = receiver.requests
    assert signing.verify(
        ChannelToken.objects.get().signing_secret, callback["body"], callback["headers"][signing.HEADER]
    )
    assert json.loads(callback["body"])["recipient"] == "v-7"
    assert OutboundMessage.objects.get(kind="reply").state == "sent"


def test_chat_example_declares_its_entry_point_in_the_helpdesk_group():
    assert entry_points("helpdesk_chat") == ["chat=helpdesk_chat.plugin"]
