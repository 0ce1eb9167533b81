"""An agent's reply reaches the customer through the ``agent_replied`` template the hook chooses."""

import re

import pytest
from django.conf import settings as django_settings

from wagtail_helpdesk import hookimpl
from wagtail_helpdesk.models import OutboundMessage
from wagtail_helpdesk.services import intake, portal, workflow
from wagtail_helpdesk.testing.factories import CustomerFactory, QueueFactory, inbound_message, make_agent
from wagtail_helpdesk.testing.plugins import registered_plugin
from wagtail_helpdesk.types import AutoReply, InboundAttachment

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
HOSTILE = '<script>alert(1)</script> {{ settings.SECRET_KEY }} {% load static %}{% now "Y" %} & "quoted"'


@pytest.fixture
def agent():
    return make_agent(QueueFactory(is_default=True), username="olena")


@pytest.fixture
def ticket(agent):
    return intake.receive(
        inbound_message(channel="email", external_id="<first@mail.example>", subject="Kettle & lid")
    ).ticket


def sent_reply(mailoutbox, django_capture_on_commit_callbacks, ticket, agent, **kwargs):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent, **kwargs)
    (mail,) = mailoutbox
    return mail, mail.alternatives[0][0]


def test_the_reply_mail_is_built_from_the_packaged_template(
    ticket, agent, mailoutbox, django_capture_on_commit_callbacks
):
    mail, html = sent_reply(
        mailoutbox, django_capture_on_commit_callbacks, ticket, agent, body_text="Your kettle ships today."
    )

    assert mail.subject == f"[{ticket.reference}] Kettle & lid"
    assert mail.body.startswith("Your kettle ships today.\n")
    assert f"Reference: {ticket.reference}" in mail.body  # the template's footer, not the bare fallback's
    link = re.search(r"https?://\S+/portal/t/\S+/", mail.body).group(0)
    assert portal.read_token(link.rstrip("/").rsplit("/", 1)[1]).ticket == ticket
    assert "<p>Your kettle ships today.</p>" in html
    assert f'<a href="{link}">' in html and f"Reference: {ticket.reference}" in html
    # Threading is the outbox's, as before.
    assert mail.extra_headers["In-Reply-To"] == "<first@mail.example>"
    assert mail.extra_headers["Reply-To"].startswith("support+")


def test_hostile_reply_text_comes_out_literally_and_escaped_in_html(
    ticket, agent, mailoutbox, django_capture_on_commit_callbacks
):
    mail, html = sent_reply(mailoutbox, django_capture_on_commit_callbacks, ticket, agent, body_text=HOSTILE)

    assert mail.body.startswith(HOSTILE + "\n")  # text: exactly as written, nothing evaluated
    assert django_settings.SECRET_KEY not in mail.body + html
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ settings.SECRET_KEY }} {% load static %}" in html
    assert "&amp; &quot;quoted&quot;" in html


def test_hostile_reply_html_is_sanitized_and_not_evaluated(
    ticket, agent, mailoutbox, django_capture_on_commit_callbacks
):
    mail, html = sent_reply(
        mailoutbox,
        django_capture_on_commit_callbacks,
        ticket,
        agent,
        body_text="Hello {{ settings.SECRET_KEY }}",
        body_html='<p>Hello <b>{{ settings.SECRET_KEY }}</b> {% now "Y" %}</p><script>alert(1)</script>'
        '<img src="javascript:alert(2)">',
    )

    assert '<p>Hello <b>{{ settings.SECRET_KEY }}</b> {% now "Y" %}</p>' in html
    assert "<script" not in html and "javascript:" not in html and "alert(1)" not in html
    assert django_settings.SECRET_KEY not in mail.body + html


def test_a_sites_own_template_overrides_the_packaged_one(
    ticket, agent, mailoutbox, django_capture_on_commit_callbacks, settings, tmp_path
):
    folder = tmp_path / "wagtail_helpdesk" / "email"
    folder.mkdir(parents=True)
    (folder / "agent_replied_subject.txt").write_text("SITE-SUBJECT {{ ticket.reference }}")
    (folder / "agent_replied.txt").write_text(
        "{% autoescape off %}SITE-BODY for {{ customer.name }}:\n{{ reply_text }}\n{{ portal_url }}{% endautoescape %}"
    )
    (folder / "agent_replied.html").write_text("<p>SITE-HTML</p>{{ reply_text|linebreaks }}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]

    mail, html = sent_reply(mailoutbox, django_capture_on_commit_callbacks, ticket, agent, body_text="<b>Done</b>")

    assert mail.subject == f"SITE-SUBJECT {ticket.reference}"
    assert mail.body.startswith("SITE-BODY for Anna Nowak:\n<b>Done</b>\nhttp")
    assert html == "<p>SITE-HTML</p><p>&lt;b&gt;Done&lt;/b&gt;</p>"


def test_a_third_party_template_wins_and_keeps_attachments_and_threading(
    ticket, agent, mailoutbox, django_capture_on_commit_callbacks
):
    class Branded:
        @hookimpl
        def helpdesk_choose_auto_reply(self, ticket, event, message, customer):
            if event != "agent_replied":
                return None
            return AutoReply(
                subject=f"ACME [{ticket.reference}]",
                body_text=f"ACME for {customer.email}\n{message.body_text}",
                body_html=f"<p>ACME</p><p>{message.body_text}</p><script>x</script>",
            )

    with registered_plugin(Branded()):
        mail, html = sent_reply(
            mailoutbox,
            django_capture_on_commit_callbacks,
            ticket,
            agent,
            body_text="Photo attached.",
            files=[InboundAttachment("label.png", "image/png", PNG)],
        )

    assert mail.subject == f"ACME [{ticket.reference}]"
    assert mail.body == "ACME for anna@mail.example\nPhoto attached."
    assert html == "<p>ACME</p><p>Photo attached.</p>"  # cleaned like every outbound HTML
    assert [(name, content) for name, content, _type in mail.attachments] == [("label.png", PNG)]
    assert mail.extra_headers["In-Reply-To"] == "<first@mail.example>"
    assert OutboundMessage.objects.get(kind=OutboundMessage.Kind.REPLY).message.body_text == "Photo attached."


def test_each_follower_gets_the_template_with_their_own_portal_link(
    ticket, agent, mailoutbox, django_capture_on_commit_callbacks
):
    workflow.add_follower(ticket, by=agent, customer=CustomerFactory(email="boss@mail.example"))
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent, body_text="Refund approved.")

    assert {m.to[0] for m in mailoutbox} == {"anna@mail.example", "boss@mail.example"}
    for mail in mailoutbox:
        assert f"Reference: {ticket.reference}" in mail.body
        token = re.search(r"/portal/t/([^/\s]+)/", mail.body).group(1)
        assert portal.read_token(token).customer.email == mail.to[0]


def test_without_any_template_the_reply_goes_as_written_with_the_portal_footer(
    ticket, agent, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.WAGTAIL_HELPDESK_DISABLED_PLUGINS = ["template_autoreply"]

    mail, _html = sent_reply(mailoutbox, django_capture_on_commit_callbacks, ticket, agent, body_text="As written.")

    assert mail.subject == f"[{ticket.reference}] Kettle & lid"
    # The signed link carries a timestamp, so compare with the link the mail itself carries.
    token = re.search(r"/portal/t/([^/\s]+)/", mail.body).group(1)
    access = portal.read_token(token)
    assert (access.ticket, access.customer) == (ticket, ticket.customer)
    expected = portal.footer(ticket, ticket.customer)
    expected = re.sub(r"/portal/t/[^/\s]+/", f"/portal/t/{token}/", expected)
    assert mail.body == "As written." + expected
    assert "Reference:" not in mail.body
    assert mail.extra_headers["In-Reply-To"] == "<first@mail.example>"


def test_a_chat_reply_is_not_wrapped_in_the_mail_template(agent, django_capture_on_commit_callbacks):
    ticket = intake.receive(inbound_message(channel="api")).ticket
    workflow.reply(ticket, by=agent, body_text="Short chat answer.")

    outbound = OutboundMessage.objects.get(kind=OutboundMessage.Kind.REPLY)
    assert (outbound.body_text, outbound.body_html) == ("Short chat answer.", "")


def test_the_acknowledgement_subject_keeps_an_ampersand(mailoutbox, django_capture_on_commit_callbacks):
    QueueFactory(is_default=True)
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(
            inbound_message(channel="email", external_id="<amp@mail.example>", subject='Kettle & "lid" <b>')
        ).ticket
    (ack,) = [mail for mail in mailoutbox if "We received your message" in mail.subject]
    assert ack.subject == f'[{ticket.reference}] We received your message: Kettle & "lid" <b>'
