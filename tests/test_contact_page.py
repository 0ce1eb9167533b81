"""The contact form page: an editor places it, a customer's POST opens a ticket through intake."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from wagtail_helpdesk.models import ContactFormPage, InboundRecord, Message, Ticket
from wagtail_helpdesk.testing.factories import QueueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page():
    returns = QueueFactory(slug="returns", name="Returns")
    home = Site.objects.get(is_default_site=True).root_page
    contact = ContactFormPage(title="Contact us", slug="contact", queue=returns)
    home.add_child(instance=contact)
    return contact


def token(client, contact_page):
    html = client.get(contact_page.url).content.decode()
    return re.search(r'name="token" value="([0-9a-f]{32})"', html).group(1)


def form_data(client, contact_page, **overrides):
    data = {
        "name": "Anna Nowak",
        "email": "anna@mail.example",
        "subject": "Broken kettle",
        "message": "The kettle I bought leaks.",
        "token": token(client, contact_page),
        "website": "",
    }
    data.update(overrides)
    return data


class TestPageRules(WagtailPageTestCase):
    def test_editors_can_place_the_contact_page_under_any_page(self):
        from wagtail.models import Page

        self.assertCanCreateAt(Page, ContactFormPage)


def test_form_renders_with_labels_and_a_token(client, contact_page):
    response = client.get(contact_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in html
    assert '<label for="id_email">' in html
    assert re.search(r'name="token" value="[0-9a-f]{32}"', html)


def test_submission_opens_a_ticket_in_the_page_queue_and_shows_the_reference(client, contact_page, mailoutbox):
    response = client.post(contact_page.url, form_data(client, contact_page))
    ticket = Ticket.objects.get()
    assert response.status_code == 200
    assert ticket.reference in response.content.decode()
    assert ticket.queue.slug == "returns"
    assert ticket.channel == "web"
    assert InboundRecord.objects.get().payload["metadata"]["page"] == contact_page.pk


def test_double_submit_opens_one_ticket(client, contact_page):
    data = form_data(client, contact_page)
    first = client.post(contact_page.url, data)
    second = client.post(contact_page.url, data)
    assert Ticket.objects.count() == 1
    reference = Ticket.objects.get().reference
    assert reference in first.content.decode() and reference in second.content.decode()


def test_attachment_is_kept_with_the_ticket(client, contact_page):
    upload = SimpleUploadedFile("receipt.pdf", b"%PDF-1.4\nreceipt", content_type="application/pdf")
    client.post(contact_page.url, {**form_data(client, contact_page), "attachments": [upload]})
    assert Message.objects.get().attachments.get().filename == "receipt.pdf"


def test_wrong_type_file_re_renders_the_form_keeping_the_text(client, contact_page):
    upload = SimpleUploadedFile("invoice.pdf", b"MZ\x90\x00program", content_type="application/pdf")
    response = client.post(contact_page.url, {**form_data(client, contact_page), "attachments": [upload]})
    html = response.content.decode()
    assert "invoice.pdf is not a file type we accept." in html
    assert "The kettle I bought leaks." in html
    assert not Ticket.objects.exists()


def test_honeypot_creates_nothing(client, contact_page):
    response = client.post(contact_page.url, form_data(client, contact_page, website="http://spam.example"))
    assert response.status_code == 200
    assert "Your message could not be sent." in response.content.decode()
    assert not Ticket.objects.exists() and not InboundRecord.objects.exists()


@pytest.mark.parametrize(
    "overrides, error",
    [
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"message": ""}, "This field is required."),
        ({"token": "forged"}, "The form expired"),
    ],
)
def test_invalid_input_is_explained_per_field(client, contact_page, overrides, error):
    response = client.post(contact_page.url, form_data(client, contact_page, **overrides))
    assert error in response.content.decode()
    assert not Ticket.objects.exists()


def test_script_in_every_field_is_rendered_inert(client, contact_page):
    attack = "<script>alert(1)</script>"
    response = client.post(contact_page.url, form_data(client, contact_page, name=attack, subject=attack, email="bad"))
    html = response.content.decode()
    assert attack not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_logged_in_customer_details_are_prefilled(client, contact_page, django_user_model):
    from wagtail_helpdesk.testing.factories import CustomerFactory

    user = django_user_model.objects.create_user("shopper", password="pw")
    CustomerFactory(user=user, name="Jan Shopper", email="jan@mail.example")
    client.force_login(user)
    html = client.get(contact_page.url).content.decode()
    assert 'value="jan@mail.example"' in html and 'value="Jan Shopper"' in html
