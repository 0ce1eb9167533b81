"""The example shop's plugin, run through the real intake with the plugin registered."""

import pytest

from example_site.shop.helpdesk_plugin import find_order_number
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import inbound_message

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Where is my order SO-10042?", "SO-10042"),
        ("order so 10042 is late", "SO-10042"),
        ("SO10042", "SO-10042"),
        ("(SO-10042)", "SO-10042"),
        ("ISO-10042 certified", None),
        ("SO-123 is too short to be an order", None),
        ("", None),
    ],
)
def test_order_numbers_are_found_the_way_customers_type_them(text, expected):
    assert find_order_number(text) == expected


def test_order_number_in_the_subject_tags_the_ticket_and_fills_the_order_field(shop_plugin):
    ticket = intake.receive(inbound_message(subject="Where is my order SO-10042?")).ticket
    assert ticket.custom_fields == {"order_number": "SO-10042"}
    assert list(ticket.tags.values_list("name", flat=True)) == ["order"]
    assert ticket.category == ""


def test_order_number_in_the_body_is_found_too(shop_plugin):
    ticket = intake.receive(inbound_message(subject="Late parcel", body_text="It is order so 10077, a kettle.")).ticket
    assert ticket.custom_fields == {"order_number": "SO-10077"}


def test_order_number_typed_into_a_form_field_wins_over_one_in_the_text(shop_plugin):
    message = inbound_message(shop_reference="SO-10001", body_text="Unlike SO-10042, this order never came.")
    ticket = intake.receive(message).ticket
    assert ticket.custom_fields == {"order_number": "SO-10001"}
    assert ticket.shop_reference == "SO-10001"


def test_refund_wording_puts_the_ticket_in_the_returns_category(shop_plugin):
    message = inbound_message(subject="Money", body_text="I sent the blender back, when do I get a refund?")
    ticket = intake.receive(message).ticket
    assert ticket.category == "returns"
    assert ticket.custom_fields == {}
    assert not ticket.tags.exists()


def test_return_of_a_known_order_gets_both_the_tag_and_the_category(shop_plugin):
    ticket = intake.receive(inbound_message(subject="Return request for order SO-10042")).ticket
    assert ticket.category == "returns"
    assert ticket.custom_fields == {"order_number": "SO-10042"}


def test_a_message_about_nothing_the_shop_knows_is_left_alone(shop_plugin):
    ticket = intake.receive(inbound_message(subject="Opening hours", body_text="Are you open on Sunday?")).ticket
    assert ticket.category == ""
    assert ticket.custom_fields == {}
    assert not ticket.tags.exists()


def test_without_the_plugin_the_same_message_is_not_classified():
    ticket = intake.receive(inbound_message(subject="Refund for SO-10042")).ticket
    assert ticket.custom_fields == {}
    assert ticket.category == ""
