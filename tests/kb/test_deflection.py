"""Deflection events from the contact form's suggestions: validated, CSRF-protected, rate-limited."""

import pytest
from django.test import Client
from django.urls import reverse

from wagtail_helpdesk.models import ContactFormPage, DeflectionEvent, DeflectionKind
from wagtail_helpdesk.testing.pages import default_site_root

pytestmark = pytest.mark.django_db

URL = reverse("wagtail_helpdesk:kb_deflection")


@pytest.fixture
def contact(db):
    return default_site_root().add_child(instance=ContactFormPage(title="Contact", slug="contact"))


def test_each_kind_of_event_is_recorded_for_the_visit(client, contact, small):
    article = small["refund-time"]
    assert client.post(URL, {"kind": "suggestions_shown", "page": contact.pk}).status_code == 201
    assert client.post(URL, {"kind": "article_opened", "page": contact.pk, "article": article.pk}).status_code == 201
    data = {"kind": "left_without_submitting", "page": contact.pk, "article": article.pk}
    assert client.post(URL, data).status_code == 201
    events = list(DeflectionEvent.objects.order_by("pk"))
    assert [event.kind for event in events] == [k.value for k in DeflectionKind]
    assert len({event.visitor for event in events}) == 1  # one visit, stored as a hash
    assert client.session.session_key not in events[0].visitor
    assert events[1].article_id == article.pk and events[1].page_id == contact.pk


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "<script>", "page": "1"},
        {"kind": "suggestions_shown", "page": "abc"},
        {"kind": "suggestions_shown", "page": "999999"},
        {"kind": "suggestions_shown", "page": str(2**40)},
        {"kind": "article_opened", "page": "PAGE"},
        {"kind": "article_opened", "page": "CONTACT"},  # needs an article
        {"kind": "article_opened", "page": "CONTACT", "article": "999999"},
        {"kind": "article_opened", "page": "CONTACT", "article": "CONTACT"},  # not an article
    ],
)
def test_hostile_or_malformed_events_are_refused(client, contact, small, data):
    data = {key: str(value).replace("CONTACT", str(contact.pk)) for key, value in data.items()}
    response = client.post(URL, data)
    assert response.status_code == 400
    assert response.json()["errors"]
    assert not DeflectionEvent.objects.exists()


def test_events_need_the_csrf_token(contact):
    response = Client(enforce_csrf_checks=True).post(URL, {"kind": "suggestions_shown", "page": contact.pk})
    assert response.status_code == 403
    assert not DeflectionEvent.objects.exists()


def test_events_are_rate_limited(client, contact, settings):
    settings.WAGTAIL_HELPDESK_KB_DEFLECTION_RATE_LIMIT = "2/m"
    for _ in range(3):
        response = client.post(URL, {"kind": "suggestions_shown", "page": contact.pk})
    assert response.status_code == 429
    assert DeflectionEvent.objects.count() == 2


def test_events_are_post_only(client):
    assert client.get(URL).status_code == 405


def test_the_contact_form_carries_the_suggestion_box_for_its_script(client, contact):
    html = client.get(contact.url).content.decode()
    assert "data-kb-suggest" in html and f'data-page="{contact.pk}"' in html
    assert 'data-url="/helpdesk/kb/search/"' in html
    assert "contact-suggestions.js" in html
