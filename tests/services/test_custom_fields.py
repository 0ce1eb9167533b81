import pytest

from wagtail_helpdesk import hookimpl
from wagtail_helpdesk.exceptions import IllegalTransition, InvalidInbound
from wagtail_helpdesk.models import CustomField, EventKind, TicketEvent, TicketLink
from wagtail_helpdesk.services import intake, workflow
from wagtail_helpdesk.testing.factories import QueueFactory, TicketFactory, inbound_message, make_agent
from wagtail_helpdesk.testing.plugins import registered_plugin
from wagtail_helpdesk.types import Classification

pytestmark = pytest.mark.django_db


@pytest.fixture
def repair():
    queue = QueueFactory(slug="repair", is_default=True)
    CustomField.objects.create(queue=queue, name="serial", label="Serial number", field_type="text", required=True)
    CustomField.objects.create(queue=queue, name="purchased", label="Purchase date", field_type="date")
    CustomField.objects.create(queue=queue, name="units", label="Units", field_type="number")
    CustomField.objects.create(queue=queue, name="colour", label="Colour", field_type="choice", choices="red\nblue")
    return queue


def test_agent_sets_typed_values_and_the_change_is_audited(repair):
    ticket = TicketFactory(queue=repair)
    agent = make_agent(repair)
    workflow.set_custom_fields(
        ticket, {"serial": "SN-1", "purchased": "2026-03-01", "units": "2", "colour": "red"}, by=agent
    )
    ticket.refresh_from_db()
    assert ticket.custom_fields == {"serial": "SN-1", "purchased": "2026-03-01", "units": 2, "colour": "red"}
    event = TicketEvent.objects.get(ticket=ticket, kind=EventKind.CUSTOM_FIELDS)
    assert event.data["changed"] == ["colour", "purchased", "serial", "units"]


def test_bad_values_are_named_field_by_field(repair):
    ticket = TicketFactory(queue=repair)
    with pytest.raises(InvalidInbound) as info:
        workflow.set_custom_fields(ticket, {"purchased": "yesterday", "colour": "green"}, by=make_agent(repair))
    assert set(info.value.errors) == {"serial", "purchased", "colour"}


def test_classifier_values_are_validated_and_bad_ones_dropped_at_intake(repair):
    class Plugin:
        @hookimpl
        def helpdesk_classify_message(self, message, ticket):
            return Classification(custom_fields={"units": "3", "purchased": "not a date", "order_number": "SO-1"})

    with registered_plugin(Plugin()):
        ticket = intake.receive(inbound_message()).ticket
    assert ticket.custom_fields == {"units": 3, "order_number": "SO-1"}


def test_linking_tickets_is_recorded_once(repair):
    agent = make_agent(repair)
    first, second = TicketFactory(queue=repair), TicketFactory(queue=repair)
    workflow.link(first, second, TicketLink.Kind.BLOCKS, by=agent)
    workflow.link(first, second, TicketLink.Kind.BLOCKS, by=agent)
    assert TicketLink.objects.count() == 1
    assert TicketEvent.objects.filter(ticket=first, kind=EventKind.LINKED).count() == 1
    with pytest.raises(IllegalTransition):
        workflow.link(first, first, TicketLink.Kind.RELATED, by=agent)
