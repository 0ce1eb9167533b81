"""Every endpoint is throttled per caller and scope, in the Django cache."""

from __future__ import annotations

import pytest

from wagtail_helpdesk.api.urls import v1

from .conftest import API

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight(settings):
    settings.WAGTAIL_HELPDESK_API_THROTTLE_RATES = {"read": "2/minute", "write": "1/minute", "gateway": "1/minute"}


def test_reads_beyond_the_rate_get_429_with_retry_after(tight, as_role):
    client = as_role("agent")
    codes = [client.get(f"{API}/tickets/").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    response = client.get(f"{API}/queues/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["code"] == "throttled"


def test_each_user_has_their_own_allowance(tight, as_role):
    for _ in range(2):
        as_role("agent").get(f"{API}/tickets/")
    assert as_role("agent").get(f"{API}/tickets/").status_code == 429
    assert as_role("manager").get(f"{API}/tickets/").status_code == 200


def test_writes_and_the_gateway_have_their_own_scopes(tight, as_role, cast):
    agent = as_role("agent")
    assert (
        agent.post(f"{API}/tickets/{cast.ticket.reference}/priority/", {"priority": 3}, format="json").status_code
        == 200
    )
    assert (
        agent.post(f"{API}/tickets/{cast.ticket.reference}/priority/", {"priority": 4}, format="json").status_code
        == 429
    )
    assert agent.get(f"{API}/tickets/").status_code == 200
    token = as_role("token")
    body = {"external_id": "t-1", "sender_handle": "v", "body_text": "x"}
    assert token.post(f"{API}/gateway/messages/", body, format="json").status_code == 201
    assert token.post(f"{API}/gateway/messages/", {**body, "external_id": "t-2"}, format="json").status_code == 429


def test_no_rate_means_no_limit(settings, as_role):
    settings.WAGTAIL_HELPDESK_API_THROTTLE_RATES = {"read": None}
    client = as_role("agent")
    assert {client.get(f"{API}/queues/").status_code for _ in range(5)} == {200}


def test_every_api_view_is_throttled():
    from wagtail_helpdesk.api.throttling import HelpdeskRateThrottle

    for pattern in v1:
        view = getattr(pattern.callback, "cls", None) or pattern.callback.view_class
        assert HelpdeskRateThrottle in view.throttle_classes, view
