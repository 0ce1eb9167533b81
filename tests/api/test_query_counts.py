"""Every list endpoint costs the same number of queries for 5 rows as for 50."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from wagtail_helpdesk.models import Attachment, Message
from wagtail_helpdesk.testing.factories import (
    CustomerFactory,
    MessageFactory,
    QueueFactory,
    ReplyTemplateFactory,
    TicketFactory,
    UserFactory,
    make_agent,
)

from .conftest import API

pytestmark = pytest.mark.django_db

#: Session + user + agent check + customer check + the page + one per prefetch; no per-row query.
BUDGET = 8
#: KB lists: session + user + the ``?locale=`` lookup + locales and view restrictions + site root paths
#: (those three are cached across requests outside tests) + the page + tag links + tags.
KB_BUDGET = 9


def _populate(rows: int, queue, customer, agent):
    for i in range(rows):
        ticket = TicketFactory(queue=queue, customer=customer, assignee=agent)
        ticket.tags.create(name=f"tag-{rows}-{i}")
        message = MessageFactory(ticket=ticket)
        Attachment.objects.create(message=message, filename="a.txt", content_type="text/plain", size=1, sha256="0")
        queue_i = QueueFactory(slug=f"q-{rows}-{i}")
        queue_i.groups.add(*agent.groups.all())
        ReplyTemplateFactory()
        TicketFactory(queue=queue, customer=CustomerFactory())  # one more customer the agent can see
    return ticket


@pytest.fixture
def world(db):
    queue = QueueFactory(slug="main", is_default=True)
    agent = make_agent(queue, username="counted")
    customer_user = UserFactory(username="counted-customer")
    customer = CustomerFactory(email="counted@mail.example", user=customer_user)
    return queue, agent, customer, customer_user


def _many_messages(ticket, rows: int) -> None:
    for _ in range(rows):
        message = MessageFactory(ticket=ticket)
        Attachment.objects.create(message=message, filename="b.txt", content_type="text/plain", size=1, sha256="0")
        MessageFactory(ticket=ticket, kind=Message.Kind.NOTE)


@pytest.mark.parametrize("rows", [5, 50])
@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("agent", "/tickets/"),
        ("agent", "/tickets/?status=new&q=a&tag=x"),
        ("customer", "/tickets/"),
        ("manager", "/tickets/"),
        ("agent", "/tickets/{T}/messages/"),
        ("customer", "/tickets/{T}/messages/"),
        ("agent", "/customers/"),
        ("manager", "/customers/"),
        ("agent", "/customers/{C}/tickets/"),
        ("agent", "/queues/"),
        ("agent", "/templates/"),
    ],
)
def test_list_endpoints_have_a_fixed_query_count(world, django_assert_max_num_queries, rows, who, path):
    queue, agent, customer, customer_user = world
    ticket = _populate(rows, queue, customer, agent)
    _many_messages(ticket, rows)
    user = {"agent": agent, "customer": customer_user, "manager": UserFactory(username="boss", is_superuser=True)}[who]
    client = APIClient()
    client.force_login(user)
    url = (
        API
        + path.replace("{T}", ticket.reference).replace("{C}", str(customer.pk))
        + ("&" if "?" in path else "?")
        + "page_size=100"
    )
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    assert response.status_code == 200
    if "q=" not in path:
        assert len(response.json()["results"]) >= min(rows, 5)


@pytest.mark.parametrize("rows", [5, 50])
@pytest.mark.parametrize("who", ["agent", "manager"])
@pytest.mark.parametrize("path", ["/canned-responses/", "/canned-responses/?queue=main"])
def test_the_canned_response_list_has_a_fixed_query_count(world, django_assert_max_num_queries, rows, who, path):
    from wagtail_helpdesk.models import CannedResponse

    queue, agent, _customer, _customer_user = world
    for i in range(rows):
        CannedResponse.objects.create(title=f"Everywhere {i}", body="Hi")
        CannedResponse.objects.create(title=f"Main {i}", body="Hi", queue=queue)
        CannedResponse.objects.create(title=f"Elsewhere {i}", body="Hi", queue=QueueFactory(slug=f"cr-{rows}-{i}"))
    client = APIClient()
    client.force_login(agent if who == "agent" else UserFactory(username="boss", is_superuser=True))
    with django_assert_max_num_queries(BUDGET):
        response = client.get(API + path + ("&" if "?" in path else "?") + "page_size=200")
    assert response.status_code == 200
    assert len(response.json()["results"]) == (2 * rows if who == "agent" or "queue=" in path else 3 * rows)


@pytest.mark.parametrize("rows", [5, 50])
@pytest.mark.parametrize("who", ["anonymous", "agent"])
def test_the_kb_article_list_has_a_fixed_query_count(db, django_assert_max_num_queries, rows, who):
    from wagtail_helpdesk.services import kb_import
    from wagtail_helpdesk.testing.pages import default_site_root

    kb_import.load(
        default_site_root(),
        title="Help",
        slug="help",
        categories=[{"key": "a", "title": "A", "intro": ""}, {"key": "b", "title": "B", "intro": ""}],
        articles=[
            {
                "key": f"article-{i}",
                "category": "ab"[i % 2],
                "title": f"Article {i}",
                "summary": "Summary.",
                "tags": [f"tag-{i}", "common"],
                "body": [("paragraph", "Text.")],
            }
            for i in range(rows)
        ],
    )
    client = APIClient()
    if who == "agent":
        client.force_login(make_agent(QueueFactory(slug="kb-q"), username="reader"))
    with django_assert_max_num_queries(KB_BUDGET):
        response = client.get(f"{API}/kb/articles/?page_size=100&locale=en")
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == rows
    assert {r["category"] for r in results} == {"A", "B"} and all("common" in r["tags"] for r in results)
