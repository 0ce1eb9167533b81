"""Attachments are served only to those who may see the ticket; everyone else gets a 404."""

import pytest
from django.urls import reverse

from wagtail_helpdesk.services import intake, workflow
from wagtail_helpdesk.testing.factories import CustomerFactory, QueueFactory, inbound_message, make_agent
from wagtail_helpdesk.types import InboundAttachment

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\nthe invoice"


@pytest.fixture
def queue():
    return QueueFactory(is_default=True)


@pytest.fixture
def attachment(queue):
    result = intake.receive(inbound_message(attachments=(InboundAttachment("invoice.pdf", "application/pdf", PDF),)))
    return result.message.attachments.get()


def url(attachment):
    return reverse("wagtail_helpdesk:attachment", args=[attachment.pk])


def test_agent_of_the_queue_downloads_the_file(client, attachment, queue):
    client.force_login(make_agent(queue))
    response = client.get(url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert 'attachment; filename="invoice.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_owner_customer_downloads_the_file(client, attachment, django_user_model):
    user = django_user_model.objects.create_user("anna", password="pw")
    attachment.message.ticket.customer.user = user
    attachment.message.ticket.customer.save()
    client.force_login(user)
    assert client.get(url(attachment)).status_code == 200


def test_other_customers_and_other_queues_get_404(client, attachment, django_user_model):
    stranger = django_user_model.objects.create_user("mallory", password="pw")
    CustomerFactory(user=stranger)
    client.force_login(stranger)
    assert client.get(url(attachment)).status_code == 404
    client.force_login(make_agent(QueueFactory(), username="other-desk"))
    assert client.get(url(attachment)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, attachment):
    response = client.get(url(attachment))
    assert response.status_code == 302 and "login" in response["Location"]


def test_customers_never_get_files_from_internal_notes(client, queue, django_user_model):
    ticket = intake.receive(inbound_message()).ticket
    agent = make_agent(queue)
    note = workflow.add_note(ticket, by=agent, body_text="see file")
    from wagtail_helpdesk.services import attachments

    stored = attachments.store(note, [InboundAttachment("internal.pdf", "application/pdf", PDF)])[0]
    user = django_user_model.objects.create_user("owner", password="pw")
    ticket.customer.user = user
    ticket.customer.save()
    client.force_login(user)
    assert client.get(reverse("wagtail_helpdesk:attachment", args=[stored.pk])).status_code == 404
