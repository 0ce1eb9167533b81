"""Intake reads queues and reply templates from a cached snapshot; edits show up at once."""

import pytest

from wagtail_helpdesk.models import Queue
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import QueueFactory, ReplyTemplateFactory, inbound_message

pytestmark = pytest.mark.django_db


def test_changing_the_default_queue_routes_the_next_ticket_there():
    general = QueueFactory(slug="general", is_default=True)
    assert intake.receive(inbound_message()).ticket.queue == general
    Queue.objects.filter(pk=general.pk).update(is_default=False)  # bypasses signals: the snapshot is stale
    returns = QueueFactory(slug="returns")
    returns.is_default = True
    returns.save()  # a save through the model (as the admin does) drops the snapshot
    assert intake.receive(inbound_message()).ticket.queue == returns


def test_a_new_reply_template_is_used_for_the_next_acknowledgement(django_capture_on_commit_callbacks, mailoutbox):
    QueueFactory(is_default=True)
    intake.receive(inbound_message())
    ReplyTemplateFactory(subject="Hi from the shop {{ ticket.reference }}", language="pl")
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message(language="pl")).ticket
    assert mailoutbox[-1].subject == f"Hi from the shop {ticket.reference}"


def test_deleting_the_template_brings_back_the_packaged_acknowledgement(django_capture_on_commit_callbacks, mailoutbox):
    template = ReplyTemplateFactory(subject="Custom")
    intake.receive(inbound_message())
    template.delete()
    with django_capture_on_commit_callbacks(execute=True):
        intake.receive(inbound_message())
    assert mailoutbox[-1].subject != "Custom"
    assert "We received your message" in mailoutbox[-1].subject


def test_language_specific_template_wins_over_the_general_one(django_capture_on_commit_callbacks, mailoutbox):
    ReplyTemplateFactory(subject="General")
    ReplyTemplateFactory(subject="Polski", language="pl")
    with django_capture_on_commit_callbacks(execute=True):
        intake.receive(inbound_message(language="pl"))
        intake.receive(inbound_message(language="uk"))
    assert [m.subject for m in mailoutbox] == ["Polski", "General"]
