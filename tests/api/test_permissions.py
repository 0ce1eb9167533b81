"""The permission matrix: every endpoint, every kind of caller, one row each.

Roles: ``anonymous``; ``customer`` (Anna, a site user linked to the customer of
ticket T); ``other_agent`` (works the Repairs queue only); ``agent`` (works
Returns, T's queue); ``manager`` (superuser); ``token`` (a channel token).
T is Anna's ticket in Returns.  404 where a caller must not learn that
something exists, 403 where they may see it but not do this.
"""

from __future__ import annotations

import pytest

from wagtail_helpdesk.models import CannedResponse, KBArticlePage
from wagtail_helpdesk.services import kb_import
from wagtail_helpdesk.testing.factories import ReplyTemplateFactory
from wagtail_helpdesk.testing.pages import default_site_root

from .conftest import API

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "customer", "other_agent", "agent", "manager", "token"]


def expect(anonymous, customer, other_agent, agent, manager, token):
    return dict(zip(ROLES, (anonymous, customer, other_agent, agent, manager, token), strict=True))


#: (method, path, body, expected status per role).  ``{T}``: ticket T's reference,
#: ``{C}``: Anna's customer id, ``{agent}``: the agent's user id, ``{tpl}``: a reply template,
#: ``{cr}``: a canned response restricted to T's queue, ``{art}``: a live public KB article.
MATRIX = [
    ("get", "/tickets/", None, expect(401, 200, 200, 200, 200, 403)),
    ("get", "/tickets/{T}/", None, expect(401, 200, 404, 200, 200, 403)),
    (
        "post",
        "/tickets/",
        {"customer_email": "new@mail.example", "subject": "Hello", "body_text": "A question"},
        expect(401, 201, 201, 201, 201, 403),
    ),
    ("post", "/tickets/{T}/status/", {"status": "solved"}, expect(401, 200, 404, 200, 200, 403)),
    ("post", "/tickets/{T}/priority/", {"priority": 3}, expect(401, 403, 404, 200, 200, 403)),
    ("post", "/tickets/{T}/queue/", {"queue": "repairs"}, expect(401, 403, 404, 200, 200, 403)),
    ("post", "/tickets/{T}/assignee/", {"assignee": "{agent}"}, expect(401, 403, 404, 200, 200, 403)),
    ("post", "/tickets/{T}/tags/", {"tags": ["warranty"]}, expect(401, 403, 404, 200, 200, 403)),
    ("get", "/tickets/{T}/messages/", None, expect(401, 200, 404, 200, 200, 403)),
    ("post", "/tickets/{T}/messages/", {"body_text": "Any news?"}, expect(401, 201, 404, 201, 201, 403)),
    ("post", "/tickets/{T}/notes/", {"body_text": "Check stock"}, expect(401, 403, 404, 201, 201, 403)),
    ("get", "/customers/", None, expect(401, 403, 200, 200, 200, 403)),
    ("get", "/customers/{C}/", None, expect(401, 403, 404, 200, 200, 403)),
    ("get", "/customers/{C}/tickets/", None, expect(401, 403, 404, 200, 200, 403)),
    ("get", "/queues/", None, expect(401, 403, 200, 200, 200, 403)),
    ("get", "/queues/returns/", None, expect(401, 403, 404, 200, 200, 403)),
    ("get", "/templates/", None, expect(401, 403, 200, 200, 200, 403)),
    ("get", "/templates/{tpl}/", None, expect(401, 403, 200, 200, 200, 403)),
    ("get", "/canned-responses/", None, expect(401, 403, 200, 200, 200, 403)),
    ("get", "/canned-responses/{cr}/", None, expect(401, 403, 404, 200, 200, 403)),
    ("get", "/tickets/{T}/canned-responses/{cr}/render/", None, expect(401, 403, 404, 200, 200, 403)),
    ("get", "/kb/articles/", None, expect(200, 200, 200, 200, 200, 200)),
    ("get", "/kb/articles/{art}/", None, expect(200, 200, 200, 200, 200, 200)),
    ("get", "/kb/search/", None, expect(200, 200, 200, 200, 200, 200)),
    (
        "post",
        "/gateway/messages/",
        {"external_id": "m-1", "sender_handle": "visitor-1", "body_text": "Hi from chat"},
        expect(401, 403, 403, 403, 403, 201),
    ),
    ("get", "/schema/", None, expect(200, 200, 200, 200, 200, 200)),
    ("get", "/docs/", None, expect(200, 200, 200, 200, 200, 200)),
]


def _an_article():
    root = kb_import.load(
        default_site_root(),
        title="Help",
        slug="help",
        categories=[{"key": "returns", "title": "Returns", "intro": ""}],
        articles=[{"key": "return", "category": "returns", "title": "Returns", "summary": "How.", "body": []}],
    )
    return root.get_descendants().type(KBArticlePage).first()


def _fill(value, names: dict):
    if isinstance(value, str):
        for key, replacement in names.items():
            if value == "{" + key + "}":
                return replacement
            value = value.replace("{" + key + "}", str(replacement))
        return value
    if isinstance(value, dict):
        return {k: _fill(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, names) for v in value]
    return value


CASES = [
    pytest.param(method, path, body, role, status, id=f"{method.upper()} {path} as {role}")
    for method, path, body, expected in MATRIX
    for role, status in expected.items()
]


@pytest.mark.parametrize(("method", "path", "body", "role", "status"), CASES)
def test_permission_matrix(cast, as_role, method, path, body, role, status):
    template = ReplyTemplateFactory()
    canned = CannedResponse.objects.create(title="Label", body="Hello {{ customer.name }}", queue=cast.queue)
    names = {
        "T": cast.ticket.reference,
        "C": cast.customer.pk,
        "agent": cast.agent.pk,
        "tpl": template.pk,
        "cr": canned.pk,
        "art": _an_article().pk if "{art}" in path else 0,
    }
    client = as_role(role)
    url = API + _fill(path, names)
    response = client.get(url) if method == "get" else client.post(url, _fill(body, names), format="json")
    assert response.status_code == status, response.content[:500]


def test_every_api_route_is_in_the_matrix():
    """A new endpoint without rows in the matrix fails here."""
    from wagtail_helpdesk.api.urls import v1

    routes = set()
    for pattern in v1:
        regex = str(pattern.pattern).strip("^$")
        for placeholder, name in (
            ("(?P<reference>[^/]+)", "{T}"),
            ("(?P<pk>[^/]+)", "{C}"),
            ("(?P<slug>[^/]+)", "returns"),
            ("(?P<canned_id>[^/]+)", "{C}"),
        ):
            regex = regex.replace(placeholder, name)
        routes.add("/" + regex)
    covered = {
        path.replace("{tpl}", "{C}").replace("{cr}", "{C}").replace("{art}", "{C}") for _m, path, _b, _e in MATRIX
    }
    assert routes - covered == set()


@pytest.mark.parametrize(
    ("role", "visible"),
    [("customer", ["T"]), ("other_agent", ["O"]), ("agent", ["T"]), ("manager", ["T", "O"])],
)
def test_each_role_lists_exactly_the_tickets_the_admin_and_portal_show_it(cast, as_role, role, visible):
    names = {"T": cast.ticket.reference, "O": cast.other_ticket.reference}
    response = as_role(role).get(f"{API}/tickets/")
    assert sorted(t["reference"] for t in response.json()["results"]) == sorted(names[v] for v in visible)


def test_an_agent_sees_a_ticket_of_another_queue_that_is_assigned_to_them(cast, as_role):
    cast.other_ticket.assignee = cast.agent
    cast.other_ticket.save()
    response = as_role("agent").get(f"{API}/tickets/{cast.other_ticket.reference}/")
    assert response.status_code == 200


def test_customers_never_see_internal_notes_and_agents_do(cast, as_role):
    url = f"{API}/tickets/{cast.ticket.reference}/messages/"
    kinds = {role: [m["kind"] for m in as_role(role).get(url).json()["results"]] for role in ("customer", "agent")}
    assert kinds == {"customer": ["inbound"], "agent": ["inbound", "note"]}


def test_a_customer_sees_no_internal_fields_of_their_ticket(cast, as_role):
    data = as_role("customer").get(f"{API}/tickets/{cast.ticket.reference}/").json()
    assert not {"queue", "assignee", "tags", "sla_state", "custom_fields", "customer"} & set(data)


def test_a_follower_customer_sees_the_ticket_they_follow(cast, as_role):
    from wagtail_helpdesk.models import TicketFollower

    TicketFollower.objects.create(ticket=cast.other_ticket, customer=cast.customer)
    response = as_role("customer").get(f"{API}/tickets/{cast.other_ticket.reference}/")
    assert response.status_code == 200


def test_a_revoked_token_is_refused(cast):
    from rest_framework.test import APIClient

    from wagtail_helpdesk.models import ChannelToken
    from wagtail_helpdesk.services import gateway

    gateway.revoke_token(ChannelToken.objects.get())
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {cast.token}")
    response = client.post(f"{API}/gateway/messages/", {"external_id": "1", "sender_handle": "v"}, format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


@pytest.mark.parametrize(
    "header",
    ["Bearer hdc_", "Bearer hdc_nokey", "Bearer hdc_abc_wrongsecret", "Bearer hdc_" + "a" * 500 + "_x", "Bearer hdc__"],
)
def test_tampered_or_malformed_tokens_are_refused(cast, header):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    response = client.post(f"{API}/gateway/messages/", {"external_id": "1", "sender_handle": "v"}, format="json")
    assert response.status_code == 401


def test_a_token_with_its_secret_changed_by_one_character_is_refused(cast):
    from rest_framework.test import APIClient

    tampered = cast.token[:-1] + ("A" if cast.token[-1] != "A" else "B")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tampered}")
    response = client.post(f"{API}/gateway/messages/", {"external_id": "1", "sender_handle": "v"}, format="json")
    assert response.status_code == 401
