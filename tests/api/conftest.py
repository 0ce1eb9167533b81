"""The cast of the API tests: agents of two queues, a manager, a customer with a site account, a channel token."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rest_framework.test import APIClient

from wagtail_helpdesk.models import Customer
from wagtail_helpdesk.services import gateway
from wagtail_helpdesk.testing.factories import (
    CustomerFactory,
    MessageFactory,
    QueueFactory,
    TicketFactory,
    UserFactory,
    make_agent,
)

API = "/api/helpdesk/v1"


@dataclass
class Cast:
    queue: object
    other_queue: object
    agent: object
    other_agent: object
    manager: object
    customer_user: object
    customer: Customer
    other_customer: Customer
    ticket: object
    other_ticket: object
    token: str


@pytest.fixture
def cast(db) -> Cast:
    queue = QueueFactory(slug="returns", name="Returns", is_default=True)
    other_queue = QueueFactory(slug="repairs", name="Repairs")
    agent = make_agent(queue, username="agent")
    other_agent = make_agent(other_queue, username="other-agent")
    manager = UserFactory(username="manager", is_superuser=True, is_staff=True)
    customer_user = UserFactory(username="anna")
    customer = CustomerFactory(email="anna@mail.example", name="Anna", user=customer_user)
    other_customer = CustomerFactory(email="bob@mail.example", name="Bob")
    ticket = TicketFactory(queue=queue, customer=customer, subject="Kettle broken")
    MessageFactory(ticket=ticket, body_text="My kettle is broken.")
    MessageFactory(ticket=ticket, kind="note", author_user=agent, body_text="Internal: check warranty")
    other_ticket = TicketFactory(queue=other_queue, customer=other_customer, subject="Repair status")
    token = gateway.issue_token(channel="api", name="Chat widget").plaintext
    return Cast(
        queue,
        other_queue,
        agent,
        other_agent,
        manager,
        customer_user,
        customer,
        other_customer,
        ticket,
        other_ticket,
        token,
    )


def client_as(cast: Cast, who: str) -> APIClient:
    """An API client for one role: anonymous, customer, other_agent, agent, manager or token."""
    client = APIClient()
    if who == "token":
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {cast.token}")
    elif who != "anonymous":
        client.force_login(
            {
                "customer": cast.customer_user,
                "other_agent": cast.other_agent,
                "agent": cast.agent,
                "manager": cast.manager,
            }[who]
        )
    return client


@pytest.fixture
def as_role(cast):
    return lambda who: client_as(cast, who)


class Receiver(ThreadingHTTPServer):
    """A real local HTTP server standing in for a webhook receiver or a chat adapter's callback.

    It records every request (headers and raw body) and answers with the next
    status in ``statuses`` (200 once they run out).
    """

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _ReceiverHandler)
        self.requests: list[dict] = []
        self.statuses: list[int] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/hook"


class _ReceiverHandler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests.append({"headers": dict(self.headers), "body": body, "path": self.path})
        status = self.server.statuses.pop(0) if self.server.statuses else 200
        answer = json.dumps({"id": f"remote-{len(self.server.requests)}"}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
