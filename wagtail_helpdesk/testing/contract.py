"""The contract every channel adapter passes, built-in or third-party.

Subclass :class:`ChannelContract` in your plugin's tests and provide four
pytest fixtures::

    from wagtail_helpdesk.testing.contract import ChannelContract

    class TestTelegramChannel(ChannelContract):
        @pytest.fixture
        def channel(self):
            return TelegramChannel()

        @pytest.fixture
        def make_payload(self):
            # (external_id, sender) -> what your webhook receives
            return lambda external_id, sender: {...}

        @pytest.fixture
        def bad_payload(self):
            return {"not": "an update"}

        @pytest.fixture
        def sent(self, ...):
            # a callable returning what has been delivered so far (a list)
            return lambda: fake_api.sent

The suite needs pytest-django (a database) and runs intake and the outbox for
real: your adapter only has to do its part.
"""

from __future__ import annotations

import re

import pytest

from ..exceptions import InvalidInbound
from ..models import InboundRecord, Message, OutboundMessage, Ticket
from ..services import intake, workflow
from ..types import InboundMessage
from .factories import QueueFactory, make_agent
from .plugins import registered_plugin


class ChannelContract:
    """Inbound normalisation, idempotent redelivery and outbound delivery."""

    pytestmark = pytest.mark.django_db

    @pytest.fixture
    def registered(self, channel):
        """Make sure ``channel`` is the one registered for its code during the test."""
        from .. import hookimpl

        class _Plugin:
            @hookimpl(tryfirst=True)
            def helpdesk_register_channels(self):
                return [channel]

        with registered_plugin(_Plugin(), name=f"contract-{channel.code}"):
            yield channel

    def test_code_is_a_short_slug(self, channel):
        assert re.fullmatch(r"[a-z][a-z0-9_-]{0,31}", channel.code)
        assert str(channel.label)

    def test_parse_gives_an_inbound_message_of_this_channel(self, channel, make_payload):
        message = channel.parse(make_payload("contract-1", "contract@mail.example"))
        assert isinstance(message, InboundMessage)
        assert message.channel == channel.code
        assert message.external_id
        assert message.sender_email or message.sender_handle
        assert message.body_text.strip() or message.attachments

    def test_the_same_payload_always_gets_the_same_external_id(self, channel, make_payload):
        first = channel.parse(make_payload("contract-2", "contract@mail.example"))
        second = channel.parse(make_payload("contract-2", "contract@mail.example"))
        assert first.external_id == second.external_id

    def test_garbage_is_rejected_with_a_clear_error(self, channel, bad_payload):
        with pytest.raises(InvalidInbound) as info:
            channel.parse(bad_payload)
        assert info.value.errors

    def test_redelivery_opens_one_ticket(self, registered, make_payload):
        payload = make_payload("contract-3", "contract@mail.example")
        first = intake.receive(registered.parse(payload))
        again = intake.receive(registered.parse(payload))
        assert first.created and not first.duplicate
        assert again.duplicate and again.ticket.pk == first.ticket.pk
        assert Ticket.objects.count() == 1
        assert Message.objects.filter(channel=registered.code).count() == 1
        assert InboundRecord.objects.filter(channel=registered.code).count() == 1

    def test_agent_reply_is_delivered_through_the_channel(
        self, registered, make_payload, sent, django_capture_on_commit_callbacks
    ):
        queue = QueueFactory()
        agent = make_agent(queue)
        result = intake.receive(registered.parse(make_payload("contract-4", "contract@mail.example")))
        Ticket.objects.filter(pk=result.ticket.pk).update(queue=queue)
        result.ticket.refresh_from_db()
        before = len(sent())
        with django_capture_on_commit_callbacks(execute=True):
            workflow.reply(result.ticket, by=agent, body_text="We are on it.")
        reply = OutboundMessage.objects.get(kind=OutboundMessage.Kind.REPLY, ticket=result.ticket)
        assert reply.state == OutboundMessage.State.SENT, reply.last_error
        assert reply.channel == registered.code
        assert len(sent()) == before + 1
