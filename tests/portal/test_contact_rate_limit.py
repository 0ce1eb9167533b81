"""The contact form refuses a flood from one IP or one address, and stores nothing when it does."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from wagtail.models import Site

from wagtail_helpdesk.models import ContactFormPage, InboundRecord, Ticket
from wagtail_helpdesk.services.ratelimit import parse_rate
from wagtail_helpdesk.testing.factories import QueueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page():
    home = Site.objects.get(is_default_site=True).root_page
    contact = ContactFormPage(title="Contact us", slug="contact", queue=QueueFactory(slug="general"))
    home.add_child(instance=contact)
    return contact


def data(n, email="anna@mail.example"):
    return {
        "name": "Anna",
        "email": email,
        "subject": f"Question {n}",
        "message": "Hello",
        "token": f"{n:032x}",
        "website": "",
    }


@override_settings(WAGTAIL_HELPDESK_CONTACT_RATE_LIMIT="2/h")
def test_over_the_limit_per_address_the_form_says_so_and_keeps_the_text(client, contact_page):
    client.post(contact_page.url, data(1))
    client.post(contact_page.url, data(2), REMOTE_ADDR="10.0.0.2")
    response = client.post(contact_page.url, data(3), REMOTE_ADDR="10.0.0.3")
    html = response.content.decode()
    assert "several messages in a short time" in html
    assert "Question 3" in html
    assert Ticket.objects.count() == 2
    assert InboundRecord.objects.count() == 2


@override_settings(WAGTAIL_HELPDESK_CONTACT_RATE_LIMIT="2/h")
def test_over_the_limit_per_ip_other_addresses_are_refused_too(client, contact_page):
    for n in range(3):
        response = client.post(contact_page.url, data(n, email=f"person{n}@mail.example"))
    assert "several messages in a short time" in response.content.decode()
    assert Ticket.objects.count() == 2


@override_settings(WAGTAIL_HELPDESK_CONTACT_RATE_LIMIT=None)
def test_the_limit_can_be_switched_off(client, contact_page):
    for n in range(7):
        client.post(contact_page.url, data(n))
    assert Ticket.objects.count() == 7


def test_rates_are_written_count_per_unit():
    assert parse_rate("5/h") == (5, 3600)
    assert parse_rate("100/d") == (100, 86400)
    assert parse_rate(None) is None


@pytest.mark.parametrize(
    ("rate", "parsed"), [("5/h", (5, 3600)), ("10/m", (10, 60)), ("1/d", (1, 86400)), (None, None), ("", None)]
)
def test_rates_are_read_as_count_per_unit(rate, parsed):
    assert parse_rate(rate) == parsed


@pytest.mark.parametrize("rate", ["5", "five/h", "5/w"])
def test_a_malformed_rate_is_refused_with_the_expected_format(rate):
    with pytest.raises(ImproperlyConfigured, match=re.escape("<count>/<s|m|h|d>")):
        parse_rate(rate)
