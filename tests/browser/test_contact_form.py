"""A customer opens the contact page in a browser, writes, attaches a file and gets a reference."""

import pytest

from wagtail_helpdesk.models import Ticket

pytestmark = pytest.mark.django_db(transaction=True)


def test_customer_submits_the_form_with_an_attachment_and_sees_the_reference(live_server, page, contact_page, tmp_path):
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(b"%PDF-1.4\nreceipt for order SO-10042")
    page.goto(live_server.url + contact_page.url)

    page.get_by_label("Your name").fill("Anna Nowak")
    page.get_by_label("Email address").fill("anna@mail.example")
    page.get_by_label("Subject").fill("Kettle leaks")
    page.get_by_label("How can we help?").fill("The kettle from order SO-10042 leaks.")
    page.get_by_label("Attachments").set_input_files(str(receipt))
    page.get_by_role("button", name="Send").click()

    page.wait_for_selector(".helpdesk-reference")
    ticket = Ticket.objects.get()
    assert ticket.reference in page.inner_text(".helpdesk-reference")
    assert ticket.messages.get().attachments.get().filename == "receipt.pdf"
    # The honeypot is present for bots but not visible to people.
    assert not page.is_visible("#id_website")


def test_missing_fields_are_announced_next_to_the_field(live_server, page, contact_page):
    page.goto(live_server.url + contact_page.url)
    page.get_by_label("Your name").fill("Anna")
    page.get_by_role("button", name="Send").click()
    page.wait_for_selector(".helpdesk-field__error")
    errors = page.locator(".helpdesk-field--error label").all_inner_texts()
    assert any("Email address" in text for text in errors)
    assert page.input_value("#id_name") == "Anna"
    assert not Ticket.objects.exists()
