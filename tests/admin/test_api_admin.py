"""Admin screens of the API: issuing and revoking channel tokens, webhooks and their delivery history."""

from __future__ import annotations

import re

import pytest
from django.contrib.messages import get_messages

from wagtail_helpdesk.models import ChannelToken, WebhookDelivery, WebhookEndpoint
from wagtail_helpdesk.services import gateway
from wagtail_helpdesk.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    return client


def test_issuing_a_token_shows_it_once_and_stores_only_its_hash(admin_client):
    response = admin_client.post(
        "/admin/helpdesk/channel-tokens/new/",
        {"channel": "api", "name": "Chat widget", "callback_url": "https://chat.example/hook"},
        follow=True,
    )
    assert response.status_code == 200
    shown = " ".join(str(m) for m in get_messages(response.wsgi_request))
    plaintext = re.search(r"hdc_\w+_[\w-]+", shown).group(0)
    token = ChannelToken.objects.get()
    assert plaintext.split("_", 2)[2] not in token.secret_hash
    assert gateway.authenticate(plaintext) == token
    listing = admin_client.get("/admin/helpdesk/channel-tokens/")
    assert plaintext.encode() not in listing.content and b"Chat widget" in listing.content


def test_an_unregistered_channel_cannot_be_chosen(admin_client):
    response = admin_client.post("/admin/helpdesk/channel-tokens/new/", {"channel": "nope", "name": "x"})
    assert response.status_code == 200  # the form again, with its error
    assert not ChannelToken.objects.exists()


def test_revoking_a_token_in_the_admin_ends_it(admin_client):
    issued = gateway.issue_token(channel="api", name="Bot")
    response = admin_client.post(
        f"/admin/helpdesk/channel-tokens/edit/{issued.token.pk}/", {"name": "Bot", "callback_url": "", "revoke": "on"}
    )
    assert response.status_code == 302
    assert gateway.authenticate(issued.plaintext) is None
    assert ChannelToken.objects.get().revoked_at is not None


def test_tokens_need_model_permissions(client):
    client.force_login(UserFactory(username="plain", is_staff=True))
    assert client.get("/admin/helpdesk/channel-tokens/").status_code in (302, 403)


def test_webhook_endpoint_is_registered_with_its_events_and_history_is_listed(
    admin_client, django_assert_max_num_queries
):
    response = admin_client.post(
        "/admin/helpdesk/webhooks/new/",
        {"name": "ERP", "url": "https://erp.example/hooks", "events": ["created", "status"], "is_active": "on"},
    )
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["created", "status"] and len(endpoint.secret) == 64
    listing = admin_client.get("/admin/helpdesk/webhook-deliveries/")
    assert listing.status_code == 200 and b"ERP" in listing.content
    inspect = admin_client.get(f"/admin/helpdesk/webhooks/inspect/{endpoint.pk}/")
    assert endpoint.secret.encode() in inspect.content


def test_the_issue_token_command_prints_a_working_token():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("helpdesk_issue_token", "Demo chat", "--callback-url", "http://127.0.0.1:8001/replies", stdout=out)
    plaintext = re.search(r"token: (\S+)", out.getvalue()).group(1)
    assert gateway.authenticate(plaintext).callback_url == "http://127.0.0.1:8001/replies"


def test_the_issue_token_command_refuses_an_unknown_channel():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("helpdesk_issue_token", "x", "--channel", "nope")


def _listing_queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_delivery_history_has_a_fixed_query_count(admin_client):
    endpoints = [WebhookEndpoint.objects.create(name=f"E{i}", url=f"https://e{i}.example/") for i in range(3)]

    def add(start: int, count: int) -> None:
        WebhookDelivery.objects.bulk_create(
            WebhookDelivery(endpoint=endpoints[i % 3], event_id=i, kind="created", payload={})
            for i in range(start, start + count)
        )

    add(0, 5)
    admin_client.get("/admin/helpdesk/webhook-deliveries/")  # warm caches
    few = _listing_queries(admin_client, "/admin/helpdesk/webhook-deliveries/")
    add(5, 45)
    assert _listing_queries(admin_client, "/admin/helpdesk/webhook-deliveries/") == few
