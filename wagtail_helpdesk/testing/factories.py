"""factory_boy factories for helpdesk models.

Tickets made here bypass intake on purpose (fast set-up of existing state);
anything that tests *opening* a ticket should go through
``services.intake.receive()`` with :func:`inbound_message`.
"""

from __future__ import annotations

import uuid
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from ..models import Customer, Message, Queue, ReplyTemplate, Status, Ticket
from ..services.references import format_reference
from ..types import InboundMessage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"agent{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@shop.example")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("password")


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")


class QueueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Queue
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Queue {n}")
    slug = factory.Sequence(lambda n: f"queue-{n}")

    @factory.post_generation
    def agents(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        """``QueueFactory(agents=[user, ...])`` puts them in a group working this queue."""
        if not create or not extracted:
            return
        group, _created = Group.objects.get_or_create(name=f"{self.name} agents")
        self.groups.add(group)
        for user in extracted:
            user.groups.add(group)


def make_agent(queue: Queue | None = None, **kwargs: Any):
    """A user who works ``queue`` (a new queue if none is given)."""
    user = UserFactory(**kwargs)
    queue = queue or QueueFactory()
    group, _created = Group.objects.get_or_create(name=f"{queue.name} agents")
    queue.groups.add(group)
    user.groups.add(group)
    return user


class CustomerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Customer
        django_get_or_create = ("email",)

    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"customer{n}@mail.example")


class TicketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ticket
        skip_postgeneration_save = True

    subject = factory.Faker("sentence", nb_words=6)
    channel = "web"
    status = Status.NEW
    customer = factory.SubFactory(CustomerFactory)
    queue = factory.SubFactory(QueueFactory)

    @factory.post_generation
    def reference(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and not self.reference:
            self.reference = extracted or format_reference(self.pk)
            Ticket.objects.filter(pk=self.pk).update(reference=self.reference)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    ticket = factory.SubFactory(TicketFactory)
    kind = Message.Kind.INBOUND
    channel = factory.LazyAttribute(lambda m: m.ticket.channel)
    author_customer = factory.LazyAttribute(lambda m: m.ticket.customer if m.kind == Message.Kind.INBOUND else None)
    body_text = factory.Faker("paragraph")


class ReplyTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReplyTemplate

    name = factory.Sequence(lambda n: f"Template {n}")
    event = ReplyTemplate.Event.TICKET_CREATED
    subject = "[{{ ticket.reference }}] Thanks"
    body = "Hello {{ customer.name }}, we got {{ ticket.reference }}."


def inbound_message(**overrides: Any) -> InboundMessage:
    """An ``InboundMessage`` with sensible defaults for tests."""
    values: dict[str, Any] = {
        "channel": "web",
        "external_id": f"test:{uuid.uuid4().hex}",
        "sender_email": "anna@mail.example",
        "sender_name": "Anna Nowak",
        "subject": "My order has not arrived",
        "body_text": "I ordered a kettle last week and it has not arrived yet.",
    }
    values.update(overrides)
    return InboundMessage(**values)
