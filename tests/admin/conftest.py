"""Agents and superusers who can log in to the Wagtail admin.

Wagtail lets nobody into ``/admin/`` without the ``wagtailadmin.access_admin``
permission (superusers have every permission); an agent made by
``make_agent`` is only a queue member, so :func:`make_admin_agent` adds it.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from wagtail_helpdesk.testing.factories import QueueFactory, UserFactory, make_agent


def grant(user, *perms: str) -> None:
    """Give ``user`` Django permissions named ``"app_label.codename"``."""
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def make_admin_agent(queue=None, **kwargs):
    """An agent of ``queue`` who may open the Wagtail admin."""
    user = make_agent(queue, **kwargs)
    grant(user, "wagtailadmin.access_admin")
    return user


@pytest.fixture
def queue_a(db):
    return QueueFactory(name="Returns", slug="returns")


@pytest.fixture
def queue_b(db):
    return QueueFactory(name="Repairs", slug="repairs")


@pytest.fixture
def agent_a(queue_a):
    return make_admin_agent(queue_a, username="alice", first_name="Alice", last_name="Agent")


@pytest.fixture
def agent_b(queue_b):
    return make_admin_agent(queue_b, username="bob", first_name="Bob", last_name="Builder")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def client_a(client, agent_a):
    client.force_login(agent_a)
    return client
