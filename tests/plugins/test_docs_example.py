"""The plugins shown in the documentation really work.

``docs/examples/helpdesk_vip`` (docs/plugins/example.rst) and
``docs/examples/helpdesk_sms`` (the channel in docs/plugins/index.rst) are small
installable packages.  The docs pull their code in with ``literalinclude``, and
these tests run that same code through the real intake path and outbox.  The
docs also include ``test_vip_customer_gets_...`` and ``TestSmsChannel`` from
this file (``:pyobject:``), so keep them readable as examples.
"""

from __future__ import annotations

import configparser
import importlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest
from django.test import RequestFactory

from wagtail_helpdesk.models import EventKind, OutboundMessage, Priority, Ticket, TicketEvent
from wagtail_helpdesk.plugins.manager import ENTRY_POINT_GROUP
from wagtail_helpdesk.services import intake, workflow
from wagtail_helpdesk.testing.contract import ChannelContract
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message, make_agent
from wagtail_helpdesk.testing.plugins import registered_plugin

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"

pytestmark = pytest.mark.django_db


def import_example(monkeypatch: pytest.MonkeyPatch, package: str) -> ModuleType:
    """Import ``<package>.plugin`` from docs/examples, as if the example were installed."""
    monkeypatch.syspath_prepend(str(EXAMPLES / package))
    return importlib.import_module(f"{package}.plugin")


def entry_points(package: str) -> list[str]:
    """The ``wagtail_helpdesk`` entry points an example's setup.cfg declares, as ``name=module``."""
    setup = configparser.ConfigParser()
    setup.read(EXAMPLES / package / "setup.cfg")
    lines = setup["options.entry_points"][ENTRY_POINT_GROUP].strip().splitlines()
    return ["=".join(part.strip() for part in line.split("=")) for line in lines]


# -------------------------------------------------------------------------
# helpdesk_vip: classification and routing (docs/plugins/example.rst)
# -------------------------------------------------------------------------


@pytest.fixture
def vip_plugin(monkeypatch):
    plugin = import_example(monkeypatch, "helpdesk_vip")
    with registered_plugin(plugin, name="vip"):
        yield plugin


@pytest.fixture
def default_queue():
    return QueueFactory(slug="general", is_default=True)


def test_vip_customer_gets_an_urgent_ticket_tagged_vip_in_the_vip_queue(vip_plugin, default_queue):
    vip_queue = QueueFactory(slug="vip")

    ticket = intake.receive(inbound_message(sender_email="ceo@BigCustomer.example")).ticket

    ticket.refresh_from_db()
    assert ticket.priority == Priority.URGENT
    assert list(ticket.tags.values_list("name", flat=True)) == ["vip"]
    assert ticket.queue == vip_queue
    routed = TicketEvent.objects.get(ticket=ticket, kind=EventKind.ROUTED)
    assert routed.data["reason"] == "VIP customer"


def test_other_customers_are_left_to_the_built_in_router(vip_plugin, default_queue):
    QueueFactory(slug="vip")

    ticket = intake.receive(inbound_message(sender_email="anna@mail.example")).ticket

    ticket.refresh_from_db()
    assert ticket.priority == Priority.NORMAL
    assert not ticket.tags.exists()
    assert ticket.queue == default_queue


def test_vip_domains_come_from_the_site_settings(vip_plugin, default_queue, settings):
    vip_queue = QueueFactory(slug="vip")
    settings.HELPDESK_VIP_DOMAINS = ["wholesale.example"]

    wholesale = intake.receive(inbound_message(sender_email="buyer@wholesale.example")).ticket
    former_vip = intake.receive(inbound_message(sender_email="ceo@bigcustomer.example")).ticket

    assert (wholesale.queue, wholesale.priority) == (vip_queue, Priority.URGENT)
    assert (former_vip.queue, former_vip.priority) == (default_queue, Priority.NORMAL)


def test_without_a_vip_queue_a_vip_ticket_still_lands_in_the_default_queue(vip_plugin, default_queue):
    ticket = intake.receive(inbound_message(sender_email="ceo@bigcustomer.example")).ticket

    ticket.refresh_from_db()
    assert ticket.queue == default_queue
    assert ticket.priority == Priority.URGENT


def test_vip_example_declares_its_entry_point_in_the_helpdesk_group():
    """Installing the example is enough: the plugin manager finds it through this entry point."""
    assert entry_points("helpdesk_vip") == ["vip=helpdesk_vip.plugin"]


# -------------------------------------------------------------------------
# helpdesk_sms: a channel (docs/plugins/index.rst, "Writing a channel")
# -------------------------------------------------------------------------


class Gateway(ThreadingHTTPServer):
    """A real local HTTP server standing in for an SMS provider's API.

    It records every text posted to it.  A number in ``refused`` gets HTTP 400;
    while ``down`` is set, every request gets HTTP 503.
    """

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _GatewayHandler)
        self.received: list[dict] = []
        self.refused: set[str] = set()
        self.down = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/messages"


class _GatewayHandler(BaseHTTPRequestHandler):
    server: Gateway

    def do_POST(self) -> None:
        text = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.server.down:
            status, answer = 503, {"error": "maintenance"}
        elif text["to"] in self.server.refused:
            status, answer = 400, {"error": "invalid number"}
        else:
            self.server.received.append(text)
            status, answer = 200, {"id": f"gw-{len(self.server.received)}"}
        body = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


@pytest.fixture
def gateway(settings) -> Iterator[Gateway]:
    server = Gateway()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.HELPDESK_SMS_GATEWAY_URL = server.url
    settings.HELPDESK_SMS_WEBHOOK_TOKEN = "gateway-secret"
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def sms(monkeypatch) -> ModuleType:
    return import_example(monkeypatch, "helpdesk_sms")


class TestSmsChannel(ChannelContract):
    """The same contract the built-in ``email`` and ``web`` channels pass."""

    @pytest.fixture
    def channel(self, sms):
        return sms.SmsChannel()

    @pytest.fixture
    def make_payload(self):
        # (external_id, sender) -> what the gateway posts; an SMS sender is a phone number.
        return lambda external_id, sender: {"id": external_id, "from": "+48500100200", "text": "Where is my parcel?"}

    @pytest.fixture
    def bad_payload(self):
        return {"status": "delivered"}

    @pytest.fixture
    def sent(self, gateway):
        return lambda: gateway.received


@pytest.fixture
def sms_ticket(sms, gateway):
    """A ticket opened by a text from +48500100200, with an agent who works its queue."""
    queue = QueueFactory(is_default=True)
    with registered_plugin(sms, name="sms"):
        ticket = intake.receive(sms.SmsChannel().parse({"id": "1", "from": "+48500100200", "text": "Hello"})).ticket
        yield ticket, make_agent(queue)


def test_agent_reply_is_texted_to_the_customers_phone(sms_ticket, gateway, django_capture_on_commit_callbacks):
    ticket, agent = sms_ticket
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent, body_text="Your parcel left our warehouse today.")

    assert gateway.received == [{"to": "+48500100200", "text": "Your parcel left our warehouse today."}]
    reply = OutboundMessage.objects.get(ticket=ticket, kind=OutboundMessage.Kind.REPLY)
    assert (reply.state, reply.external_id) == (OutboundMessage.State.SENT, "gw-1")


def test_a_number_the_gateway_refuses_fails_at_once(sms_ticket, gateway, django_capture_on_commit_callbacks):
    ticket, agent = sms_ticket
    gateway.refused.add("+48500100200")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent, body_text="Hello?")

    reply = OutboundMessage.objects.get(ticket=ticket, kind=OutboundMessage.Kind.REPLY)
    assert (reply.state, reply.attempts) == (OutboundMessage.State.FAILED, 1)
    assert "HTTP 400" in reply.last_error


def test_a_gateway_outage_keeps_the_reply_for_a_later_attempt(sms_ticket, gateway, django_capture_on_commit_callbacks):
    ticket, agent = sms_ticket
    gateway.down = True
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent, body_text="Hello?")

    reply = OutboundMessage.objects.get(ticket=ticket, kind=OutboundMessage.Kind.REPLY)
    assert reply.state == OutboundMessage.State.PENDING
    assert reply.next_attempt_at is not None
    assert "HTTP 503" in reply.last_error


def _webhook(sms, body: object, token: str = "gateway-secret"):
    request = RequestFactory().post(
        "/helpdesk/channels/sms/inbound/",
        data=json.dumps(body),
        content_type="application/json",
        headers={"X-Gateway-Token": token},
    )
    return sms.inbound_webhook(request)


def test_webhook_opens_a_ticket_and_answers_with_its_reference(sms, gateway):
    with registered_plugin(sms, name="sms"):
        response = _webhook(sms, {"id": "77", "from": "+48500100200", "text": "Is the shop open on Sunday?"})
        again = _webhook(sms, {"id": "77", "from": "+48500100200", "text": "Is the shop open on Sunday?"})

    ticket = Ticket.objects.get()
    assert response.status_code == 200
    assert json.loads(response.content) == {"ticket": ticket.reference, "duplicate": False}
    assert json.loads(again.content) == {"ticket": ticket.reference, "duplicate": True}
    assert (ticket.channel, ticket.subject) == ("sms", "Is the shop open on Sunday?")
    assert ticket.customer.identities.get().handle == "+48500100200"


def test_webhook_without_the_gateway_secret_is_refused(sms, gateway):
    with registered_plugin(sms, name="sms"):
        response = _webhook(sms, {"id": "78", "from": "+48500100200", "text": "Hi"}, token="guess")

    assert response.status_code == 403
    assert not Ticket.objects.exists()


def test_webhook_rejects_a_payload_that_is_not_a_text(sms, gateway):
    with registered_plugin(sms, name="sms"):
        response = _webhook(sms, {"status": "delivered"})

    assert response.status_code == 400
    assert "payload" in json.loads(response.content)["errors"]


def test_sms_example_declares_its_entry_point_in_the_helpdesk_group():
    assert entry_points("helpdesk_sms") == ["sms=helpdesk_sms.plugin"]
