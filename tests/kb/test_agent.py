"""The agent side: article search for the reply composer, and articles suggested for a new ticket."""

import pytest
from django.urls import reverse

from tests.admin.conftest import make_admin_agent
from wagtail_helpdesk.models import TicketArticleSuggestion
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import QueueFactory, UserFactory, inbound_message

pytestmark = pytest.mark.django_db

URL = reverse("wagtail_helpdesk_kb_search")


@pytest.fixture
def queue(db):
    return QueueFactory(slug="general", is_default=True)


@pytest.fixture
def agent_client(client, queue):
    client.force_login(make_admin_agent(queue))
    return client


def test_agents_search_articles_with_absolute_links(agent_client, small):
    data = agent_client.get(URL, {"q": "refund"}).json()
    assert data["results"][0]["full_url"] == "http://localhost/help/returns/refund-time/"


def test_the_search_is_for_agents_only(client, small):
    assert client.get(URL, {"q": "refund"}).status_code == 302  # to the admin login
    editor = UserFactory()
    from tests.admin.conftest import grant

    grant(editor, "wagtailadmin.access_admin")
    client.force_login(editor)
    response = client.get(URL, {"q": "refund"})
    assert response.status_code == 403 and "results" not in response.json()


def test_hostile_queries_from_agents_are_harmless(agent_client, small):
    response = agent_client.get(URL, {"q": "<script>x</script>" * 1000, "lang": "'; DROP TABLE x; --"})
    assert response.status_code == 200


def test_a_new_ticket_is_given_the_articles_that_may_answer_it(small, queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # kb_suggester's task runs after commit
        result = intake.receive(inbound_message(subject="Refund", body_text="When do I get my refund for the return?"))
    suggested = list(TicketArticleSuggestion.objects.filter(ticket=result.ticket).values_list("article_id", flat=True))
    assert suggested[0] == small["refund-time"].pk
    assert len(suggested) <= 3


def test_nothing_is_suggested_when_nothing_matches(small, queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = intake.receive(inbound_message(subject="Zebra", body_text="Quokka"))
    assert not TicketArticleSuggestion.objects.filter(ticket=result.ticket).exists()


def test_the_ticket_view_shows_suggestions_and_the_article_search(
    agent_client, small, queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message(subject="Refund", body_text="Where is my refund?")).ticket
    html = agent_client.get(reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,))).content
    html = html.decode()
    assert "Suggested articles" in html
    assert 'href="http://localhost/help/returns/refund-time/"' in html
    assert "data-kb-insert" in html and 'data-target="id_reply-body"' in html
    assert 'id="id_reply-body"' in html
    assert "kb-insert.js" in html
