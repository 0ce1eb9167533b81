"""Configuration and operations screens: queues, customers, reply templates, outbox, inbound messages."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.models import Customer, InboundRecord, OutboundMessage, Queue, ReplyTemplate
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import CustomerFactory, TicketFactory, UserFactory, inbound_message

from .conftest import grant

pytestmark = pytest.mark.django_db


def told(response) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message).strip()) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def manager(client, agent_a):
    """An agent who may also configure queues and reply templates and retry the outbox."""
    grant(
        agent_a,
        *(f"wagtail_helpdesk.{action}_{model}" for action in ("add", "change") for model in ("queue", "replytemplate")),
        "wagtail_helpdesk.view_outboundmessage",
        "wagtail_helpdesk.change_outboundmessage",
        "wagtail_helpdesk.view_inboundrecord",
    )
    client.force_login(agent_a)
    return client


# Queues


def test_manager_creates_a_queue_worked_by_a_group(manager):
    group = Group.objects.create(name="Repair desk")

    response = manager.post(
        reverse("wagtail_helpdesk_queues:add"),
        {
            "name": "Repairs",
            "slug": "repairs",
            "email": "repairs@shop.example",
            "groups": [group.pk],
            "assignment_strategy": "least_loaded",
        },
    )

    assert response.status_code == 302
    queue = Queue.objects.get(slug="repairs")
    assert (queue.name, queue.email, list(queue.groups.all())) == ("Repairs", "repairs@shop.example", [group])
    assert queue.assignment_strategy == Queue.Strategy.LEAST_LOADED


def test_only_one_queue_can_be_the_default(manager, queue_a):
    queue_a.is_default = True
    queue_a.save()

    response = manager.post(
        reverse("wagtail_helpdesk_queues:add"), {"name": "Sales", "slug": "sales", "is_default": "on"}
    )

    assert response.status_code == 200
    assert "Returns is already the default queue." in response.content.decode()
    assert not Queue.objects.filter(slug="sales").exists()


def test_agent_without_queue_permissions_cannot_configure_queues(client_a, queue_a):
    assert client_a.get(reverse("wagtail_helpdesk_queues:index")).status_code == 302
    response = client_a.post(reverse("wagtail_helpdesk_queues:add"), {"name": "Sneaky", "slug": "sneaky"})
    assert response.status_code == 302
    assert not Queue.objects.filter(slug="sneaky").exists()


def test_queue_manager_edits_a_queue(manager, queue_a):
    response = manager.post(
        reverse("wagtail_helpdesk_queues:edit", args=(queue_a.pk,)),
        {"name": "Returns & refunds", "slug": "returns", "email": "", "assignment_strategy": "none", "sticky": "on"},
    )

    assert response.status_code == 302
    edited = Queue.objects.get(pk=queue_a.pk)
    assert (edited.name, edited.sticky) == ("Returns & refunds", True)


# Customers


def test_agent_lists_the_customers_of_their_tickets_only(client_a, queue_a, queue_b):
    TicketFactory(queue=queue_a, customer=CustomerFactory(name="Anna Nowak"))
    TicketFactory(queue=queue_b, customer=CustomerFactory(name="Piotr Hidden"))

    content = client_a.get(reverse("wagtail_helpdesk_customers:index")).content.decode()

    assert "Anna Nowak" in content
    assert "Piotr Hidden" not in content


@pytest.mark.parametrize("query", ["nowak", "ANNA@mail"])
def test_customer_search_by_email_or_name(client_a, queue_a, query):
    TicketFactory(queue=queue_a, customer=CustomerFactory(name="Anna Nowak", email="anna@mail.example"))
    TicketFactory(queue=queue_a, customer=CustomerFactory(name="Jan Kowalski", email="jan@mail.example"))

    content = client_a.get(reverse("wagtail_helpdesk_customers:index_results"), {"q": query}).content.decode()

    assert "Anna Nowak" in content
    assert "Jan Kowalski" not in content


def test_agent_corrects_a_customers_name_phone_and_shop_account(client_a, queue_a):
    customer = CustomerFactory(name="anna", email="anna@mail.example")
    TicketFactory(queue=queue_a, customer=customer)

    response = client_a.post(
        reverse("wagtail_helpdesk_customers:edit", args=(customer.pk,)),
        {"name": "Anna Nowak", "phone": "+48 600 100 200", "shop_account": "C-1042", "email": "evil@x.example"},
    )

    assert response.status_code == 302
    customer.refresh_from_db()
    assert (customer.name, customer.phone, customer.shop_account) == ("Anna Nowak", "+48 600 100 200", "C-1042")
    assert customer.email == "anna@mail.example"


def test_agent_cannot_edit_a_customer_of_another_queue(client_a, queue_b):
    customer = CustomerFactory(name="Piotr")
    TicketFactory(queue=queue_b, customer=customer)

    response = client_a.post(reverse("wagtail_helpdesk_customers:edit", args=(customer.pk,)), {"name": "Changed"})

    assert response.status_code == 404
    assert Customer.objects.get(pk=customer.pk).name == "Piotr"


def test_customers_are_not_created_or_deleted_in_the_admin(client_a, queue_a):
    customer = CustomerFactory()
    TicketFactory(queue=queue_a, customer=customer)

    assert client_a.post(reverse("wagtail_helpdesk_customers:add"), {"name": "New"}).status_code == 302
    assert client_a.post(reverse("wagtail_helpdesk_customers:delete", args=(customer.pk,))).status_code == 302
    assert Customer.objects.count() == 1


# Reply templates


def test_reply_template_with_known_placeholders_is_saved(manager):
    response = manager.post(
        reverse("wagtail_helpdesk_reply_templates:add"),
        {
            "name": "Acknowledgement",
            "event": ReplyTemplate.Event.TICKET_CREATED,
            "language": "",
            "subject": "[{{ ticket.reference }}] We got your message",
            "body": "Hello {{ customer.name }}, see {{ portal_url }}.",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    assert ReplyTemplate.objects.get().name == "Acknowledgement"


def test_reply_template_with_an_unknown_placeholder_is_a_form_error(manager):
    response = manager.post(
        reverse("wagtail_helpdesk_reply_templates:add"),
        {
            "name": "Broken",
            "event": ReplyTemplate.Event.STATUS_CHANGED,
            "subject": "Re: {{ ticket.subjcet }}",
            "body": "Hello {{ customer.password }}",
            "is_active": "on",
        },
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Unknown placeholders: {{ ticket.subjcet }}." in content
    assert "Unknown placeholders: {{ customer.password }}." in content
    assert not ReplyTemplate.objects.exists()


# Outbox


@pytest.fixture
def failed_mail(queue_a):
    ticket = TicketFactory(queue=queue_a)
    return OutboundMessage.objects.create(
        ticket=ticket,
        kind=OutboundMessage.Kind.REPLY,
        channel="email",
        recipient="anna@mail.example",
        subject="Your kettle",
        body_text="It is on its way.",
        state=OutboundMessage.State.FAILED,
        attempts=8,
        last_error="SMTPServerDisconnected",
    )


def test_outbox_lists_messages_and_filters_by_state(manager, failed_mail):
    OutboundMessage.objects.create(
        kind=OutboundMessage.Kind.NOTIFICATION,
        channel="email",
        recipient="jan@mail.example",
        subject="Delivered fine",
        body_text="x",
        state=OutboundMessage.State.SENT,
    )
    url = reverse("wagtail_helpdesk_outbox:index")

    everything = manager.get(url).content.decode()
    failed_only = manager.get(url, {"state": "failed"}).content.decode()

    assert "Your kettle" in everything and "Delivered fine" in everything
    assert "Your kettle" in failed_only and "Delivered fine" not in failed_only


def test_send_again_puts_a_failed_message_back_in_line_and_delivers_it(
    manager, failed_mail, mailoutbox, django_capture_on_commit_callbacks
):
    retry_url = reverse("wagtail_helpdesk_outbox:retry", args=(failed_mail.pk,))
    assert retry_url in manager.get(reverse("wagtail_helpdesk_outbox:index")).content.decode()
    assert "Send this message to anna@mail.example again?" in manager.get(retry_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post(retry_url)

    assert told(response) == [("success", "Your kettle will be sent again.")]
    failed_mail.refresh_from_db()
    assert failed_mail.state == OutboundMessage.State.SENT
    assert [mail.to for mail in mailoutbox] == [["anna@mail.example"]]


def test_send_again_refuses_messages_that_did_not_fail(manager, failed_mail):
    OutboundMessage.objects.filter(pk=failed_mail.pk).update(state=OutboundMessage.State.SENT)

    response = manager.post(reverse("wagtail_helpdesk_outbox:retry", args=(failed_mail.pk,)))

    assert told(response) == [("error", "Only failed messages can be sent again.")]
    assert OutboundMessage.objects.get(pk=failed_mail.pk).state == OutboundMessage.State.SENT


def test_send_again_needs_the_change_permission(client, failed_mail, agent_a):
    grant(agent_a, "wagtail_helpdesk.view_outboundmessage")
    client.force_login(agent_a)
    retry_url = reverse("wagtail_helpdesk_outbox:retry", args=(failed_mail.pk,))

    assert retry_url not in client.get(reverse("wagtail_helpdesk_outbox:index")).content.decode()
    assert client.post(retry_url).status_code == 302
    assert OutboundMessage.objects.get(pk=failed_mail.pk).state == OutboundMessage.State.FAILED


def test_outbox_is_read_only_even_for_superusers(client, superuser, failed_mail):
    client.force_login(superuser)

    assert client.get(reverse("wagtail_helpdesk_outbox:inspect", args=(failed_mail.pk,))).status_code == 200
    assert client.get(reverse("wagtail_helpdesk_outbox:add")).status_code == 302
    edit = client.post(reverse("wagtail_helpdesk_outbox:edit", args=(failed_mail.pk,)), {"recipient": "x@evil"})
    assert edit.status_code == 302
    assert OutboundMessage.objects.get(pk=failed_mail.pk).recipient == "anna@mail.example"


def test_agent_without_outbox_permission_cannot_see_it(client_a, failed_mail):
    assert client_a.get(reverse("wagtail_helpdesk_outbox:index")).status_code == 302


# Inbound messages


def test_inbound_messages_are_listed_with_a_state_filter(manager):
    intake.receive(inbound_message(external_id="web:good", subject="Fine"))
    with pytest.raises(InvalidInbound):
        intake.receive(inbound_message(external_id="web:bad", sender_email="", sender_name="", body_text=""))
    url = reverse("wagtail_helpdesk_inbound:index")

    everything = manager.get(url).content.decode()
    rejected = manager.get(url, {"state": "rejected"}).content.decode()

    assert "web:good" in everything and "web:bad" in everything
    assert "web:bad" in rejected and "web:good" not in rejected


def test_inbound_record_can_be_inspected_but_not_edited(client, superuser):
    record = InboundRecord.objects.get(pk=intake.receive(inbound_message(subject="Kettle")).message.inbound_record_id)
    client.force_login(superuser)

    assert client.get(reverse("wagtail_helpdesk_inbound:inspect", args=(record.pk,))).status_code == 200
    assert client.get(reverse("wagtail_helpdesk_inbound:edit", args=(record.pk,))).status_code == 302
    assert client.post(reverse("wagtail_helpdesk_inbound:delete", args=(record.pk,))).status_code == 302
    assert InboundRecord.objects.filter(pk=record.pk).exists()


def test_config_screens_show_up_in_the_helpdesk_menu_for_a_manager(manager):
    content = manager.get(reverse("wagtailadmin_home")).content.decode()

    for label in ("Tickets", "Queues", "Customers", "Reply templates", "Outbox", "Inbound messages"):
        assert f'"label": "{label}"' in content


def test_plain_agent_sees_tickets_and_customers_but_not_configuration(client_a):
    content = client_a.get(reverse("wagtailadmin_home")).content.decode()

    assert '"label": "Tickets"' in content and '"label": "Customers"' in content
    for label in ("Queues", "Reply templates", "Outbox", "Inbound messages"):
        assert f'"label": "{label}"' not in content


def test_non_agent_with_queue_permissions_is_not_shown_the_helpdesk_menu(client):
    editor = UserFactory(username="editor")
    grant(editor, "wagtailadmin.access_admin", "wagtail_helpdesk.change_queue")
    client.force_login(editor)

    assert '"label": "Queues"' not in client.get(reverse("wagtailadmin_home")).content.decode()
