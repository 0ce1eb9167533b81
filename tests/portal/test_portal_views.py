"""The customer portal through Django's test client: who sees what, and what a customer can do."""

import re
from urllib.parse import urlparse

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail_helpdesk.models import Message, OutboundMessage, Status, Ticket, TicketFollower
from wagtail_helpdesk.services import intake, portal, workflow
from wagtail_helpdesk.testing.factories import CustomerFactory, MessageFactory, TicketFactory, inbound_message

pytestmark = pytest.mark.django_db


def link_path(ticket, customer=None):
    return reverse("wagtail_helpdesk:portal_link", kwargs={"token": portal.make_token(ticket, customer)})


def ticket_path(ticket):
    return reverse("wagtail_helpdesk:portal_ticket", kwargs={"reference": ticket.reference})


def form_token(html):
    return re.search(r'name="token" value="([0-9a-f]{32})"', html).group(1)


# --- My tickets -------------------------------------------------------------------------------------------------


def test_my_tickets_lists_own_and_followed_tickets_newest_activity_first_with_status_in_words(
    client_anna, anna, bob, ticket
):
    followed = TicketFactory(customer=bob, subject="Bob's parcel", status=Status.PENDING)
    TicketFollower.objects.create(ticket=followed, customer=anna)
    TicketFactory(customer=bob, subject="Bob's private matter")
    html = client_anna.get(reverse("wagtail_helpdesk:portal_tickets")).content.decode()
    assert "Kettle leaks" in html and "Bob&#x27;s parcel" in html
    assert "private matter" not in html
    assert html.index("Bob&#x27;s parcel") < html.index("Kettle leaks")
    assert "Waiting on customer" in html


def test_my_tickets_sends_anonymous_visitors_to_the_login_page(client):
    response = client.get(reverse("wagtail_helpdesk:portal_tickets"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_my_tickets_costs_the_same_queries_for_many_tickets(client_anna, anna, django_assert_max_num_queries):
    url = reverse("wagtail_helpdesk:portal_tickets")
    TicketFactory.create_batch(2, customer=anna)
    with django_assert_max_num_queries(8) as few:
        client_anna.get(url)
    TicketFactory.create_batch(30, customer=anna)
    with django_assert_max_num_queries(8) as many:
        response = client_anna.get(url)
    assert len(few.captured_queries) == len(many.captured_queries)
    assert 'rel="next"' in response.content.decode()


# --- The ticket page ----------------------------------------------------------------------------------------------


def test_owner_sees_the_public_conversation_in_order_but_never_internal_notes(client_anna, ticket):
    html = client_anna.get(ticket_path(ticket)).content.decode()
    assert ticket.reference in html and "Kettle leaks" in html
    assert html.index("from order SO-1 leaks") < html.index("send a photo of the leak")
    assert "INTERNAL" not in html and "known complainer" not in html
    assert "Secret" not in html and "agent-eva" not in html  # nothing about the agent


def test_a_follower_sees_the_ticket(client, ticket, bob):
    TicketFollower.objects.create(ticket=ticket, customer=bob)
    client.force_login(bob.user)
    assert client.get(ticket_path(ticket)).status_code == 200


def test_another_customer_gets_a_404(client, ticket, bob):
    client.force_login(bob.user)
    assert client.get(ticket_path(ticket)).status_code == 404
    assert client.post(ticket_path(ticket), {"action": "solve"}).status_code == 404
    assert Ticket.objects.get(pk=ticket.pk).status != Status.SOLVED


def test_a_guest_with_a_valid_link_sees_the_ticket(client, ticket):
    response = client.get(link_path(ticket))
    assert response.status_code == 200
    assert "send a photo of the leak" in response.content.decode()


def test_an_expired_link_shows_a_friendly_page_that_reveals_nothing(client, ticket):
    path = link_path(ticket)
    with override_settings(WAGTAIL_HELPDESK_PORTAL_LINK_MAX_AGE=-1):
        response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert "This link no longer works" in html
    assert ticket.reference not in html and "Kettle" not in html
    assert 'name="email"' in html


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # tampered signature
        lambda token: signing.TimestampSigner(salt="other").sign_object({"t": 1, "c": 1}),  # wrong salt
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_or_forged_link_is_refused(client, ticket, mangle):
    token = mangle(portal.make_token(ticket))
    response = client.get(reverse("wagtail_helpdesk:portal_link", kwargs={"token": token}))
    assert response.status_code == 404
    assert "Kettle" not in response.content.decode()


def test_a_link_signed_for_another_customers_ticket_id_does_not_open_it(client, ticket, bob):
    # Bob's genuine link for his own ticket, with the ticket id swapped, breaks the signature.
    own = TicketFactory(customer=bob)
    token = portal.make_token(own, bob)
    forged = signing.TimestampSigner(salt="x").sign_object({"t": ticket.pk, "c": bob.pk})
    assert client.get(reverse("wagtail_helpdesk:portal_link", kwargs={"token": forged})).status_code == 404
    # And a correctly signed link for a customer who is not on the ticket is refused too.
    signed = signing.TimestampSigner(salt=portal.SALT).sign_object({"t": ticket.pk, "c": bob.pk})
    assert client.get(reverse("wagtail_helpdesk:portal_link", kwargs={"token": signed})).status_code == 404
    assert client.get(reverse("wagtail_helpdesk:portal_link", kwargs={"token": token})).status_code == 200


def test_ticket_page_costs_the_same_queries_for_a_long_conversation(client_anna, ticket, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as short:
        client_anna.get(ticket_path(ticket))
    MessageFactory.create_batch(20, ticket=ticket)
    with django_assert_max_num_queries(12) as long:
        client_anna.get(ticket_path(ticket))
    assert len(short.captured_queries) == len(long.captured_queries)


def test_a_merged_ticket_redirects_to_the_survivor(client, ticket, agent, anna):
    survivor = intake.receive(inbound_message(sender_email=anna.email, subject="Another")).ticket
    workflow.merge(ticket, survivor, by=agent)
    response = client.get(link_path(ticket))
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert "Another" in client.get(response["Location"]).content.decode()


# --- Replying and changing the status ------------------------------------------------------------------------


def test_a_guest_reply_through_the_link_lands_on_the_ticket_and_reopens_it(client, ticket, anna):
    workflow.set_status(ticket, Status.SOLVED, customer=anna)
    path = link_path(ticket)
    html = client.get(path).content.decode()
    upload = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64, content_type="image/png")
    response = client.post(
        path, {"action": "reply", "message": "Here is the photo.", "token": form_token(html), "attachments": [upload]}
    )
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    latest = ticket.messages.order_by("-pk").first()
    assert latest.kind == Message.Kind.INBOUND and latest.channel == "web" and latest.author_customer == anna
    assert latest.body_text == "Here is the photo."
    assert latest.attachments.get().filename == "photo.png"
    assert Ticket.objects.count() == 1


def test_a_re_sent_reply_is_stored_once(client_anna, ticket):
    html = client_anna.get(ticket_path(ticket)).content.decode()
    data = {"action": "reply", "message": "Same again", "token": form_token(html)}
    client_anna.post(ticket_path(ticket), data)
    client_anna.post(ticket_path(ticket), data)
    assert ticket.messages.filter(body_text="Same again").count() == 1


def test_a_script_in_a_reply_is_shown_escaped(client_anna, ticket):
    html = client_anna.get(ticket_path(ticket)).content.decode()
    payload = '<script>alert("x")</script>'
    client_anna.post(ticket_path(ticket), {"action": "reply", "message": payload, "token": form_token(html)})
    page = client_anna.get(ticket_path(ticket)).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


@override_settings(WAGTAIL_HELPDESK_MAX_ATTACHMENT_BYTES=100)
def test_an_oversized_or_disguised_file_is_rejected_and_the_text_kept(client_anna, ticket):
    html = client_anna.get(ticket_path(ticket)).content.decode()
    count = ticket.messages.count()
    for upload in (
        SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 500, content_type="application/pdf"),
        SimpleUploadedFile("invoice.pdf", b"MZ\x90\x00 this is an executable", content_type="application/pdf"),
    ):
        response = client_anna.post(
            ticket_path(ticket),
            {"action": "reply", "message": "My precious text", "token": form_token(html), "attachments": [upload]},
        )
        page = html = response.content.decode()  # the re-rendered form carries a fresh submission id
        assert response.status_code == 400
        assert "My precious text" in page
        assert 'aria-describedby="id_attachments_error"' in page
    assert ticket.messages.count() == count


def test_the_customer_marks_the_ticket_solved_and_reopens_it(client_anna, ticket):
    client_anna.post(ticket_path(ticket), {"action": "solve"})
    assert Ticket.objects.get(pk=ticket.pk).status == Status.SOLVED
    page = client_anna.get(ticket_path(ticket) + "?done=solved").content.decode()
    assert "marked as solved" in page and "Reopen" in page
    client_anna.post(ticket_path(ticket), {"action": "reopen"})
    assert Ticket.objects.get(pk=ticket.pk).status == Status.OPEN


# --- Attachments --------------------------------------------------------------------------------------------------


def _attachment_ticket(anna, agent):
    from wagtail_helpdesk.types import InboundAttachment

    pdf = InboundAttachment(filename="receipt.pdf", content_type="application/pdf", content=b"%PDF-1.4\nreceipt")
    ticket = intake.receive(inbound_message(sender_email=anna.email, attachments=(pdf,))).ticket
    return ticket, ticket.messages.get().attachments.get()


def test_a_guest_downloads_a_public_attachment_with_the_signed_link_only(client, anna, agent, bob):
    ticket, attachment = _attachment_ticket(anna, agent)
    url = reverse("wagtail_helpdesk:attachment", kwargs={"pk": attachment.pk})
    page = client.get(link_path(ticket)).content.decode()
    assert f"{url}?link=" in page
    assert client.get(url + "?link=" + portal.make_token(ticket)).status_code == 200
    other = TicketFactory(customer=bob)
    assert client.get(url + "?link=" + portal.make_token(other, bob)).status_code == 404
    assert client.get(url + "?link=forged").status_code == 404
    assert client.get(url).status_code == 302  # no link: log in first


# --- Links in mail, fresh links -----------------------------------------------------------------------------------


def test_agent_replies_carry_each_recipients_own_portal_link(ticket, agent, bob):
    TicketFollower.objects.create(ticket=ticket, customer=bob)
    workflow.reply(ticket, by=agent, body_text="Done.")
    mails = {o.recipient: o.body_text for o in OutboundMessage.objects.filter(body_text__startswith="Done.")}
    for email in ("anna@mail.example", "bob@mail.example"):
        token = re.search(r"/portal/t/([^/\s]+)/", mails[email]).group(1)
        access = portal.read_token(token)
        assert access.ticket == ticket and access.customer.email == email


def test_the_link_uses_the_default_sites_root_url(ticket):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "shop.example", 443
    site.save()
    assert portal.portal_url(ticket).startswith("https://shop.example/helpdesk/portal/t/")


def test_fresh_link_request_answers_the_same_and_mails_only_the_owner(
    client, ticket, mailoutbox, django_capture_on_commit_callbacks
):
    CustomerFactory(email="nobody-tickets@mail.example")
    url = reverse("wagtail_helpdesk:portal_request_link")
    answers = []
    for email in ("anna@mail.example", "unknown@mail.example", "nobody-tickets@mail.example"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"email": email})
        answers.append(re.sub(r"csrfmiddlewaretoken.*?>", "", response.content.decode()))
    assert answers[0] == answers[1] == answers[2]
    assert "If we know this address, we have sent you a link" in answers[0]
    sent = OutboundMessage.objects.filter(kind=OutboundMessage.Kind.NOTIFICATION, channel="email")
    assert [o.recipient for o in sent] == ["anna@mail.example"]
    assert [m.to for m in mailoutbox if "new links" in m.body] == [["anna@mail.example"]]
    token = re.search(r"/portal/t/([^/\s]+)/", sent.get().body_text).group(1)
    assert client.get(reverse("wagtail_helpdesk:portal_link", kwargs={"token": token})).status_code == 200


def test_fresh_links_leave_out_solved_tickets(client, ticket, anna):
    workflow.set_status(ticket, Status.SOLVED, customer=anna)
    client.post(reverse("wagtail_helpdesk:portal_request_link"), {"email": anna.email})
    assert not OutboundMessage.objects.filter(kind=OutboundMessage.Kind.NOTIFICATION, channel="email").exists()


@override_settings(WAGTAIL_HELPDESK_PORTAL_LINK_RATE_LIMIT="2/h")
def test_fresh_link_requests_are_rate_limited_per_address_and_per_ip(client, ticket):
    url = reverse("wagtail_helpdesk:portal_request_link")
    for _ in range(4):
        response = client.post(url, {"email": "anna@mail.example"})
        assert "If we know this address" in response.content.decode()
    sent = OutboundMessage.objects.filter(kind=OutboundMessage.Kind.NOTIFICATION, channel="email")
    assert sent.count() == 2
    # Another address from the same IP is over the IP limit too.
    client.post(url, {"email": "other@mail.example"}, REMOTE_ADDR="127.0.0.1")
    assert sent.count() == 2
    # The same address from another IP is still over the address limit.
    client.post(url, {"email": "anna@mail.example"}, REMOTE_ADDR="10.1.2.3")
    assert sent.count() == 2


def test_a_managers_reply_template_with_portal_url_mails_a_working_link(client, queue):
    from wagtail_helpdesk.testing.factories import ReplyTemplateFactory

    ReplyTemplateFactory(body="Follow it here: {{ portal_url }}")
    ticket = intake.receive(inbound_message(sender_email="carla@mail.example")).ticket
    acknowledgement = OutboundMessage.objects.get(ticket=ticket, kind=OutboundMessage.Kind.AUTO_REPLY)
    path = urlparse(re.search(r"https?://\S+", acknowledgement.body_text).group(0)).path
    response = client.get(path)
    assert response.status_code == 200 and ticket.reference in response.content.decode()
