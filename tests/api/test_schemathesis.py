"""Schemathesis generates requests from our own OpenAPI schema and sends them as an agent.

Bounded (a few examples per operation, derandomized so CI is repeatable);
no response may be a server error, and every response must match the schema.
"""

from __future__ import annotations

import base64

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from wagtail_helpdesk.api.schema import generate_schema
from wagtail_helpdesk.testing.factories import CustomerFactory, MessageFactory, TicketFactory, make_agent

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(generate_schema())
APP = get_wsgi_application()
AUTH = {"Authorization": "Basic " + base64.b64encode(b"fuzz-agent:password").decode()}


@pytest.fixture
def agent_world(settings):
    # Calling the WSGI app directly fires request_started/finished, whose handler closes the
    # database connection (and with it the test's transaction on PostgreSQL); Django's test
    # client disconnects it the same way.
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield _world(settings)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _world(settings):
    settings.WAGTAIL_HELPDESK_API_THROTTLE_RATES = {}
    from wagtail_helpdesk.models import Queue

    queue = Queue.objects.create(name="Fuzz", slug="fuzz", is_default=True)
    make_agent(queue, username="fuzz-agent")
    ticket = TicketFactory(queue=queue, customer=CustomerFactory(email="fuzz@mail.example"))
    MessageFactory(ticket=ticket)
    return ticket


@schema.parametrize()
@settings(
    max_examples=6,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_generated_request_gets_a_server_error(case, agent_world):
    response = case.call(app=APP, headers=AUTH)
    case.validate_response(
        response,
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
    )
