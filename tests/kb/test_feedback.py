""" "Was this helpful?": one vote per visitor, a "no" with a comment opens a ticket through intake."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.models import ArticleFeedback, InboundRecord, Ticket
from wagtail_helpdesk.plugins.kb_feedback import KBFeedbackChannel
from wagtail_helpdesk.services import kb_activity
from wagtail_helpdesk.testing.contract import ChannelContract
from wagtail_helpdesk.testing.factories import QueueFactory

pytestmark = pytest.mark.django_db


def feedback_url(article_id):
    return reverse("wagtail_helpdesk:kb_feedback", args=(article_id,))


@pytest.fixture
def default_queue(db):
    return QueueFactory(slug="general", is_default=True)


def test_a_yes_vote_is_stored_and_thanked(client, small):
    article = small["refund-time"]
    response = client.post(feedback_url(article.pk), {"helpful": "yes"})
    assert response.status_code == 302 and response["Location"].endswith("?feedback=thanks#kb-feedback")
    assert ArticleFeedback.objects.get().helpful is True
    assert "Thank you for your feedback." in client.get(article.url).content.decode()


def test_one_visitor_votes_once_per_article(client, small):
    article = small["refund-time"]
    client.post(feedback_url(article.pk), {"helpful": "yes"})
    client.post(feedback_url(article.pk), {"helpful": "no", "comment": "changed my mind"})
    assert ArticleFeedback.objects.count() == 1
    assert ArticleFeedback.objects.get().helpful is True
    Client().post(feedback_url(article.pk), {"helpful": "no"})  # another visitor
    assert ArticleFeedback.objects.count() == 2
    assert kb_activity.vote_counts([article.pk]) == {article.pk: (1, 1)}


def test_the_service_keeps_the_first_vote_of_a_visitor(small):
    article = small["refund-time"]
    first = kb_activity.vote(article, visitor="v1", helpful=False)
    again = kb_activity.vote(article, visitor="v1", helpful=True)
    assert first.created and not again.created
    assert again.feedback.pk == first.feedback.pk and again.feedback.helpful is False


def test_a_no_with_comment_and_email_opens_a_ticket_through_intake(client, small, default_queue):
    article = small["refund-time"]
    response = client.post(
        feedback_url(article.pk),
        {"helpful": "no", "comment": "<script>alert(1)</script> My refund is late", "email": "anna@mail.example"},
        HTTP_ACCEPT="application/json",
    )
    ticket = Ticket.objects.get()
    assert response.json() == {"created": True, "ticket": ticket.reference}
    assert ticket.channel == "kb-feedback"
    assert ticket.subject == "Article feedback: When will I get my refund?"
    assert InboundRecord.objects.get().channel == "kb-feedback"
    message = ticket.messages.get()
    assert "http://localhost/help/returns/refund-time/" in message.body_text
    assert "<script>alert(1)</script> My refund is late" in message.body_text  # stored as text, escaped on output
    assert ArticleFeedback.objects.get().ticket == ticket
    assert ticket.customer.email == "anna@mail.example"
    assert len(mail.outbox) <= 1  # at most the acknowledgement


def test_a_no_without_an_email_opens_no_ticket(client, small, default_queue):
    client.post(feedback_url(small["refund-time"].pk), {"helpful": "no", "comment": "Too short"})
    assert not Ticket.objects.exists()
    assert ArticleFeedback.objects.get().comment == "Too short"


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"helpful": "maybe"},
        {"helpful": "no", "email": "not-an-address"},
        {"helpful": "no", "email": "a@b.example\r\nBcc: victim@example.com"},
        {"helpful": "no", "comment": "x" * 5000},
    ],
)
def test_malformed_votes_are_refused_and_store_nothing(client, small, data):
    response = client.post(feedback_url(small["refund-time"].pk), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and response.json()["errors"]
    assert not ArticleFeedback.objects.exists()


def test_unknown_draft_and_non_article_ids_are_404(client, small, small_kb):
    draft = small["payment-methods"]
    draft.unpublish()
    for target in (999_999, draft.pk, small_kb.pk):
        assert client.post(feedback_url(target), {"helpful": "yes"}).status_code == 404
    assert client.get(feedback_url(small["refund-time"].pk)).status_code == 405
    assert not ArticleFeedback.objects.exists()


def test_votes_without_the_csrf_token_are_refused(small):
    client = Client(enforce_csrf_checks=True)
    response = client.post(feedback_url(small["refund-time"].pk), {"helpful": "yes"})
    assert response.status_code == 403
    assert not ArticleFeedback.objects.exists()


def test_votes_are_rate_limited_per_ip(small, settings):
    settings.WAGTAIL_HELPDESK_KB_FEEDBACK_RATE_LIMIT = "1/h"
    article = small["refund-time"]
    Client().post(feedback_url(article.pk), {"helpful": "yes"})
    response = Client().post(feedback_url(article.pk), {"helpful": "yes"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 429
    assert ArticleFeedback.objects.count() == 1


class TestKBFeedbackChannel(ChannelContract):
    @pytest.fixture
    def channel(self):
        return KBFeedbackChannel()

    @pytest.fixture
    def make_payload(self):
        def make(external_id, sender):
            return {
                "feedback_id": sum(map(ord, external_id)),
                "article_id": 1,
                "article_title": "Refunds",
                "article_url": "http://localhost/help/refunds/",
                "comment": "It did not say how long it takes.",
                "email": sender,
            }

        return make

    @pytest.fixture
    def bad_payload(self):
        return {"feedback_id": "x", "comment": "", "email": ""}

    @pytest.fixture
    def sent(self, mailoutbox):
        return lambda: [m for m in mailoutbox if "We are on it." in m.body]


def test_the_channel_rejects_anything_but_a_mapping():
    with pytest.raises(InvalidInbound):
        KBFeedbackChannel().parse(["not", "a", "dict"])
