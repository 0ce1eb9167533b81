"""The channel gateway: adapters post messages with a channel token; replies go back to their callback URL."""

from __future__ import annotations

import base64
import json

import pytest
from rest_framework.test import APIClient

from wagtail_helpdesk import hookimpl
from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.models import ChannelToken, InboundRecord, Message, OutboundMessage, Ticket
from wagtail_helpdesk.plugins.api_channel import GatewayChannel
from wagtail_helpdesk.services import gateway, signing, workflow
from wagtail_helpdesk.testing.contract import ChannelContract
from wagtail_helpdesk.testing.factories import QueueFactory, make_agent
from wagtail_helpdesk.testing.plugins import registered_plugin

from .conftest import API

pytestmark = pytest.mark.django_db

GATEWAY = f"{API}/gateway/messages/"


class TestGatewayChannel(ChannelContract):
    """The built-in ``api`` channel passes the same contract as email and the web form."""

    @pytest.fixture
    def channel(self):
        return GatewayChannel()

    @pytest.fixture
    def make_payload(self):
        return lambda external_id, sender: {
            "external_id": external_id,
            "sender_email": sender,
            "sender_handle": "visitor-42",
            "body_text": "Is the kettle in stock?",
        }

    @pytest.fixture
    def bad_payload(self):
        return {"external_id": ["not", "a", "string"], "body_text": 7}

    @pytest.fixture
    def sent(self, receiver):
        gateway.issue_token(channel="api", name="Chat", callback_url=receiver.url)
        return lambda: receiver.requests


def post(token: str, body, **kwargs):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client.post(GATEWAY, body, format="json", **kwargs)


@pytest.fixture
def token(db) -> gateway.IssuedToken:
    QueueFactory(is_default=True)
    return gateway.issue_token(channel="api", name="Chat widget")


def test_a_message_opens_a_ticket_and_the_adapter_gets_it_back(token):
    response = post(token.plaintext, {"external_id": "e-1", "sender_handle": "v-1", "body_text": "Hello"})
    assert response.status_code == 201
    body = response.json()
    ticket = Ticket.objects.get()
    assert body["ticket"]["reference"] == ticket.reference
    assert (body["created"], body["duplicate"]) == (True, False)
    assert ticket.channel == "api"
    assert ticket.customer.identities.get().handle == "v-1"
    assert set(body["ticket"]) == {"reference", "subject", "status", "status_label", "created_at"}


def test_redelivery_of_the_same_external_id_changes_nothing(token):
    payload = {"external_id": "e-2", "sender_handle": "v-1", "body_text": "Hello"}
    first, again = post(token.plaintext, payload), post(token.plaintext, payload)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["duplicate"] is True
    assert again.json()["ticket"]["reference"] == first.json()["ticket"]["reference"]
    assert Message.objects.count() == 1 and InboundRecord.objects.count() == 1


def test_a_follow_up_quoting_the_reference_joins_the_ticket(token):
    first = post(token.plaintext, {"external_id": "e-3", "sender_handle": "v-9", "body_text": "Hi"}).json()
    reference = first["ticket"]["reference"]
    second = post(
        token.plaintext, {"external_id": "e-4", "sender_handle": "v-9", "body_text": "More", "reply_to": [reference]}
    )
    assert second.status_code == 200
    assert (second.json()["created"], second.json()["ticket"]["reference"]) == (False, reference)


def test_a_stranger_quoting_someone_elses_reference_gets_a_new_ticket(token):
    reference = post(token.plaintext, {"external_id": "e-5", "sender_handle": "v-1", "body_text": "Hi"}).json()[
        "ticket"
    ]["reference"]
    other = post(
        token.plaintext, {"external_id": "e-6", "sender_handle": "v-2", "body_text": "x", "reply_to": [reference]}
    )
    assert other.json()["ticket"]["reference"] != reference


def test_a_payload_cannot_claim_a_ticket_or_another_channel(token):
    victim = post(token.plaintext, {"external_id": "e-7", "sender_handle": "v-1", "body_text": "Hi"}).json()
    response = post(
        token.plaintext,
        {
            "external_id": "e-8",
            "sender_handle": "attacker",
            "body_text": "Give me the data",
            "ticket_reference": victim["ticket"]["reference"],
            "channel": "email",
        },
    )
    assert response.status_code == 201
    assert response.json()["ticket"]["reference"] != victim["ticket"]["reference"]
    assert Ticket.objects.get(reference=response.json()["ticket"]["reference"]).channel == "api"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"sender_handle": "v", "body_text": "no id"}, "external_id"),
        ({"external_id": "x", "body_text": "nobody"}, "sender_email"),
        ({"external_id": "x", "sender_handle": ["a"], "body_text": "t"}, "sender_handle"),
        ({"external_id": True, "sender_handle": "v", "body_text": "t"}, "external_id"),
        ({"external_id": "x", "sender_handle": "v", "body_text": "t", "reply_to": "HD-1"}, "reply_to"),
        ({"external_id": "x", "sender_handle": "v", "body_text": "t", "metadata": [1]}, "metadata"),
        ({"external_id": "x", "sender_handle": "v", "attachments": [{"filename": "a"}]}, "attachments"),
        (
            {"external_id": "x", "sender_handle": "v", "attachments": [{"filename": "a", "content_base64": "%%"}]},
            "attachments",
        ),
        ({"external_id": "x", "sender_email": "not-an-address", "body_text": "t"}, "sender_email"),
        ({"external_id": "x", "sender_handle": "v", "body_text": ""}, "body_text"),
    ],
)
def test_malformed_gateway_payloads_get_field_errors(token, payload, field):
    response = post(token.plaintext, payload)
    assert response.status_code == 400, response.json()
    assert field in response.json()["errors"]
    assert not Ticket.objects.exists()


def test_a_json_array_is_refused(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.plaintext}")
    response = client.post(GATEWAY, data="[1,2,3]", content_type="application/json")
    assert response.status_code == 400
    assert "payload" in response.json()["errors"]


def test_html_from_an_adapter_is_sanitised(token):
    response = post(
        token.plaintext,
        {
            "external_id": "e-9",
            "sender_handle": "v",
            "body_html": '<p onclick="steal()">Hi</p><script>alert(1)</script><a href="javascript:x()">x</a>',
        },
    )
    assert response.status_code == 201
    stored = Message.objects.get().body_html
    assert "<script" not in stored and "onclick" not in stored and "javascript:" not in stored


def test_an_attachment_is_checked_like_the_forms(token):
    disguised = base64.b64encode(b"MZ\x90\x00" + b"\x00" * 64).decode()
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16).decode()
    refused = post(
        token.plaintext,
        {
            "external_id": "a-1",
            "sender_handle": "v",
            "attachments": [{"filename": "x.pdf", "content_base64": disguised}],
        },
    )
    accepted = post(
        token.plaintext,
        {"external_id": "a-2", "sender_handle": "v", "attachments": [{"filename": "p.png", "content_base64": png}]},
    )
    assert refused.status_code == 400 and "attachments" in refused.json()["errors"]
    assert accepted.status_code == 201
    assert Message.objects.get().attachments.get().content_type == "image/png"


def test_a_token_whose_channel_was_uninstalled_gets_a_clear_error(token):
    ChannelToken.objects.filter(pk=token.token.pk).update(channel="gone")
    response = post(token.plaintext, {"external_id": "e", "sender_handle": "v", "body_text": "x"})
    assert response.status_code == 400
    assert "channel" in response.json()["errors"]


def test_a_token_for_a_plugin_channel_posts_as_that_channel(db):
    class ChatChannel(GatewayChannel):
        code = "chat"
        label = "Chat"

    class Plugin:
        @hookimpl
        def helpdesk_register_channels(self):
            return [ChatChannel()]

    with registered_plugin(Plugin(), name="chat"):
        issued = gateway.issue_token(channel="chat", name="Widget")
        response = post(issued.plaintext, {"external_id": "c-1", "sender_handle": "v", "body_text": "Hi"})
    assert response.status_code == 201
    assert Ticket.objects.get().channel == "chat"


@pytest.mark.parametrize("channel", ["nope", "web", "email"])
def test_only_registered_gateway_channels_get_tokens(db, channel):
    """The web form's and email's parse() read forms and mail, not the gateway's JSON."""
    with pytest.raises(InvalidInbound):
        gateway.issue_token(channel=channel, name="x")


def test_only_the_hash_of_the_secret_is_stored_and_use_is_recorded(token):
    secret = token.plaintext.split("_", 2)[2]
    row = ChannelToken.objects.get()
    assert secret not in (row.secret_hash, row.key, row.signing_secret)
    assert row.last_used_at is None
    post(token.plaintext, {"external_id": "u-1", "sender_handle": "v", "body_text": "x"})
    row.refresh_from_db()
    assert row.last_used_at is not None


def test_agent_reply_to_a_chat_customer_is_posted_to_the_callback_signed(receiver, django_capture_on_commit_callbacks):
    queue = QueueFactory(is_default=True)
    agent = make_agent(queue)
    issued = gateway.issue_token(channel="api", name="Chat", callback_url=receiver.url)
    reference = post(issued.plaintext, {"external_id": "r-1", "sender_handle": "visitor-7", "body_text": "Hi"}).json()[
        "ticket"
    ]["reference"]
    ticket = Ticket.objects.get(reference=reference)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent, body_text="Yes, it is in stock.")

    [request] = receiver.requests
    secret = ChannelToken.objects.get().signing_secret
    assert signing.verify(secret, request["body"], request["headers"][signing.HEADER])
    assert not signing.verify("wrong", request["body"], request["headers"][signing.HEADER])
    body = json.loads(request["body"])
    assert (body["recipient"], body["ticket"], body["body_text"]) == ("visitor-7", reference, "Yes, it is in stock.")
    outbound = OutboundMessage.objects.get(kind=OutboundMessage.Kind.REPLY)
    assert (outbound.state, outbound.external_id) == (OutboundMessage.State.SENT, "remote-1")


@pytest.mark.parametrize(("status", "state"), [(503, "pending"), (410, "failed")])
def test_a_failing_callback_is_retried_or_given_up(receiver, django_capture_on_commit_callbacks, status, state):
    queue = QueueFactory(is_default=True)
    agent = make_agent(queue)
    issued = gateway.issue_token(channel="api", name="Chat", callback_url=receiver.url)
    post(issued.plaintext, {"external_id": "f-1", "sender_handle": "visitor-8", "body_text": "Hi"})
    receiver.statuses = [status]
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(Ticket.objects.get(), by=agent, body_text="Answer")
    assert OutboundMessage.objects.get(kind=OutboundMessage.Kind.REPLY).state == state


def test_a_customer_known_only_by_email_is_answered_by_mail(token, mailoutbox, django_capture_on_commit_callbacks):
    post(token.plaintext, {"external_id": "m-1", "sender_email": "eve@mail.example", "body_text": "Hi"})
    agent = make_agent(Ticket.objects.get().queue)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(Ticket.objects.get(), by=agent, body_text="By mail")
    assert [m.to for m in mailoutbox] == [["eve@mail.example"]]


def test_signatures_expire_and_bind_the_body():
    body = b'{"a":1}'
    header = signing.sign("s3cret", body, timestamp=1_000_000)
    assert signing.verify("s3cret", body, header, now=1_000_100)
    assert not signing.verify("s3cret", body, header, now=1_000_000 + 301)
    assert not signing.verify("s3cret", body + b" ", header, now=1_000_100)
    assert not signing.verify("s3cret", body, "t=abc,v1=zz", now=1_000_100)
    assert not signing.verify("s3cret", body, "garbage", now=1_000_100)
