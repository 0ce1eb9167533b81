"""The mailbox screen: a manager adds a polled mailbox; the password never goes back to the browser."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from wagtail_helpdesk.models import Mailbox

from .conftest import grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client, agent_a):
    grant(agent_a, *(f"wagtail_helpdesk.{action}_mailbox" for action in ("add", "change", "view")))
    client.force_login(agent_a)
    return client


def form_data(queue, **overrides):
    data = {
        "name": "Returns inbox",
        "queue": queue.pk,
        "email": "returns@shop.example",
        "protocol": "imap",
        "host": "imap.shop.example",
        "port": "993",
        "security": "ssl",
        "username": "returns@shop.example",
        "password": "s3cret",
        "folder": "INBOX",
        "is_active": "on",
    }
    return {**data, **overrides}


def test_manager_adds_a_mailbox_for_a_queue(manager, queue_a):
    response = manager.post(reverse("wagtail_helpdesk_mailboxes:add"), form_data(queue_a))

    assert response.status_code == 302
    mailbox = Mailbox.objects.get()
    assert (mailbox.queue, mailbox.host, mailbox.password, mailbox.is_active) == (
        queue_a,
        "imap.shop.example",
        "s3cret",
        True,
    )


def test_the_edit_form_never_shows_the_password_and_an_empty_one_keeps_it(manager, queue_a):
    mailbox = Mailbox.objects.create(
        name="Returns inbox", queue=queue_a, host="imap.shop.example", username="u", password="s3cret"
    )
    url = reverse("wagtail_helpdesk_mailboxes:edit", args=[mailbox.pk])

    page = manager.get(url)
    assert page.status_code == 200
    assert 'type="password"' in page.content.decode()
    assert "s3cret" not in page.content.decode()

    manager.post(url, form_data(queue_a, password="", host="mail.shop.example"))
    mailbox.refresh_from_db()
    assert (mailbox.host, mailbox.password) == ("mail.shop.example", "s3cret")

    manager.post(url, form_data(queue_a, password="n3w"))
    mailbox.refresh_from_db()
    assert mailbox.password == "n3w"


def test_the_list_shows_the_last_poll_error(manager, queue_a):
    Mailbox.objects.create(
        name="Returns inbox", queue=queue_a, host="h", username="u", last_error="OSError: connection refused"
    )
    page = manager.get(reverse("wagtail_helpdesk_mailboxes:index"))
    assert "OSError: connection refused" in page.content.decode()


def test_agents_without_the_permission_cannot_open_mailboxes(client_a):
    assert client_a.get(reverse("wagtail_helpdesk_mailboxes:index")).status_code == 302


def test_the_password_a_manager_enters_is_stored_encrypted(manager, queue_a):
    manager.post(reverse("wagtail_helpdesk_mailboxes:add"), form_data(queue_a, password="s3cret"))

    mailbox = Mailbox.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT password_encrypted FROM wagtail_helpdesk_mailbox WHERE id = %s", [mailbox.pk])
        column = cursor.fetchone()[0]
    assert column and "s3cret" not in column
    assert mailbox.password == "s3cret"


def test_a_password_no_configured_key_decrypts_must_be_entered_again(manager, queue_a):
    with override_settings(SECRET_KEY="a-key-since-removed"):
        mailbox = Mailbox.objects.create(name="Returns inbox", queue=queue_a, host="h", username="u", password="old")
    url = reverse("wagtail_helpdesk_mailboxes:edit", args=[mailbox.pk])

    page = manager.get(url).content.decode()
    assert "Enter the mailbox password again." in page

    response = manager.post(url, form_data(queue_a, password=""))
    assert response.status_code == 200  # the form asks for it
    manager.post(url, form_data(queue_a, password="n3w"))
    mailbox.refresh_from_db()
    assert mailbox.password == "n3w"
