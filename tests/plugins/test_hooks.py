"""One test per hook, named test_hook_<name>; test_every_hook_has_a_test keeps it that way."""

import inspect
import sys

import pytest

from wagtail_helpdesk import hookimpl, hookspecs
from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.models import EventKind, OutboundMessage, Priority, Queue, Status, TicketEvent
from wagtail_helpdesk.plugins.manager import get_plugin_manager
from wagtail_helpdesk.services import intake, workflow
from wagtail_helpdesk.services.channels import get_channel, get_channels
from wagtail_helpdesk.testing.factories import QueueFactory, TicketFactory, inbound_message, make_agent
from wagtail_helpdesk.testing.plugins import registered_plugin
from wagtail_helpdesk.types import (
    AutoReply,
    Channel,
    Classification,
    ContextPanel,
    DeliveryReceipt,
    InboundMessage,
    RoutingDecision,
)

pytestmark = pytest.mark.django_db


def test_every_hook_has_a_test():
    hooks = {name for name, _fn in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("helpdesk_")}
    tests = {name.removeprefix("test_hook_") for name in dir(sys.modules[__name__]) if name.startswith("test_hook_")}
    assert hooks - tests == set()


class Pigeon(Channel):
    code = "pigeon"
    label = "Carrier pigeon"
    sent: list

    def __init__(self):
        self.sent = []

    def parse(self, payload):
        if not isinstance(payload, dict) or "ring" not in payload:
            raise InvalidInbound({"payload": "no ring number"})
        return InboundMessage(
            channel=self.code, external_id=payload["id"], sender_handle=payload["ring"], body_text=payload["note"]
        )

    def send(self, envelope):
        self.sent.append(envelope)
        return DeliveryReceipt(external_id=f"flight-{envelope.outbound_id}")


def test_hook_helpdesk_register_channels():
    pigeon = Pigeon()

    class Plugin:
        @hookimpl
        def helpdesk_register_channels(self):
            return [pigeon]

    assert set(get_channels()) >= {"web", "email"}
    with registered_plugin(Plugin()):
        assert get_channel("pigeon") is pigeon
    assert "pigeon" not in get_channels()


def test_hook_helpdesk_match_ticket():
    existing = TicketFactory()

    class Plugin:
        @hookimpl
        def helpdesk_match_ticket(self, message, customer):
            if message.metadata.get("order") == "SO-1":
                return existing
            return None

    with registered_plugin(Plugin()):
        matched = intake.receive(inbound_message(metadata={"order": "SO-1"}))
        unmatched = intake.receive(inbound_message())
    assert matched.ticket.pk == existing.pk and not matched.created
    assert unmatched.created


def test_hook_helpdesk_classify_message():
    class Shop:
        @hookimpl
        def helpdesk_classify_message(self, message, ticket):
            return Classification(tags=["order"], custom_fields={"order": "SO-1"}, category="delivery")

    class Urgency:
        @hookimpl
        def helpdesk_classify_message(self, message):  # opt-in: fewer arguments than the spec
            if "urgent" in message.subject.lower():
                return Classification(priority=Priority.URGENT, tags=["escalated", "order"])
            return None

    with registered_plugin(Shop()), registered_plugin(Urgency()):
        ticket = intake.receive(inbound_message(subject="URGENT: wrong item")).ticket
    assert ticket.priority == Priority.URGENT
    assert ticket.category == "delivery"
    assert ticket.custom_fields == {"order": "SO-1"}
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["escalated", "order"]


def test_hook_helpdesk_route_ticket():
    QueueFactory(is_default=True)
    repair = QueueFactory(slug="repair")
    technician = make_agent(repair, username="tech")

    class WarrantyRouter:
        @hookimpl
        def helpdesk_route_ticket(self, ticket, message):
            if "warranty" in message.body_text:
                return RoutingDecision(queue="repair", assignee_id=technician.pk, reason="warranty rule")
            return None

    with registered_plugin(WarrantyRouter()):
        warranty = intake.receive(inbound_message(body_text="My warranty repair")).ticket
        other = intake.receive(inbound_message(body_text="Where is my parcel?")).ticket
    assert (warranty.queue, warranty.assignee, warranty.status) == (repair, technician, Status.OPEN)
    assert TicketEvent.objects.get(ticket=warranty, kind=EventKind.ROUTED).data["reason"] == "warranty rule"
    assert other.queue == Queue.objects.get(is_default=True)


def test_hook_helpdesk_choose_auto_reply(django_capture_on_commit_callbacks, mailoutbox):
    class Silent:
        @hookimpl
        def helpdesk_choose_auto_reply(self, ticket, event, language):
            return AutoReply(subject=f"Got it {ticket.reference} ({language})", body_text="Thanks!")

    with registered_plugin(Silent()), django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message(language="pl")).ticket
    assert [m.subject for m in mailoutbox] == [f"Got it {ticket.reference} (pl)"]


def test_hook_helpdesk_choose_auto_reply_is_skipped_for_automatic_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        intake.receive(inbound_message(metadata={"auto_submitted": True}))
    assert not OutboundMessage.objects.exists()


def test_hook_helpdesk_ticket_event(django_capture_on_commit_callbacks):
    heard = []

    class Listener:
        @hookimpl
        def helpdesk_ticket_event(self, event):
            heard.append((event.kind, event.ticket_reference))

    class Broken:
        @hookimpl
        def helpdesk_ticket_event(self, event):
            raise RuntimeError("plugin bug")

    queue = QueueFactory(is_default=True)
    agent = make_agent(queue)
    with registered_plugin(Broken()), registered_plugin(Listener()):
        with django_capture_on_commit_callbacks(execute=True):
            ticket = intake.receive(inbound_message()).ticket
            assert heard == []  # nothing is announced before commit
        with django_capture_on_commit_callbacks(execute=True):
            workflow.claim(ticket, by=agent)
    assert heard == [
        ("created", ticket.reference),
        ("routed", ticket.reference),
        ("claimed", ticket.reference),
        ("status", ticket.reference),
    ]


def test_hook_helpdesk_customer_context_panels(rf):
    ticket = TicketFactory()

    class Orders:
        @hookimpl
        def helpdesk_customer_context_panels(self, customer, ticket, request):
            return [ContextPanel(title=f"Orders of {customer.email}", html="<ul></ul>", order=10)]

    with registered_plugin(Orders()):
        results = get_plugin_manager().hook.helpdesk_customer_context_panels(
            customer=ticket.customer, ticket=ticket, request=rf.get("/")
        )
    assert [panel.title for panels in results for panel in panels] == [f"Orders of {ticket.customer.email}"]
