"""Resolving the sender of an inbound message to a customer."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..exceptions import InvalidInbound
from ..models import Customer, CustomerIdentity
from ..types import InboundMessage


def normalize_email(email: str) -> str:
    """Lower-case and strip an address; raise ``InvalidInbound`` if it is not one."""
    email = (email or "").strip().lower()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInbound({"sender_email": _("Enter a valid email address.")}) from None
    return email


def check_sender(message: InboundMessage) -> str:
    """The sender's normalised email (``""`` if they have only a channel handle).

    Raises ``InvalidInbound`` for an address that is not one, or a message
    with neither an address nor a handle.  Reads nothing from the database.
    """
    email = normalize_email(message.sender_email)
    if not email and not message.sender_handle:
        raise InvalidInbound({"sender_email": _("The sender has no email address or channel handle.")})
    return email


def by_email(messages: Iterable[InboundMessage]) -> dict[str, Customer]:
    """The known customers who sent these messages, by normalised email: one query for a batch.

    Hand the dict to :func:`resolve` for each message; it adds the customers
    it creates, so a sender who writes twice in the batch is created once.
    """
    emails = set()
    for message in messages:
        with contextlib.suppress(InvalidInbound):
            if email := check_sender(message):
                emails.add(email)
    return {customer.email: customer for customer in Customer.objects.filter(email__in=emails)} if emails else {}


def resolve(message: InboundMessage, *, known: dict[str, Customer] | None = None) -> Customer:
    """The customer who sent ``message``, created on first contact.

    By email when the channel knows one, else by the sender's handle in the
    channel.  Meant to run inside the caller's transaction (intake's): a first
    contact the sender made at the same moment through another worker makes
    the new customer's INSERT raise ``IntegrityError``, which rolls that
    transaction back; run it again and the other worker's customer is found.
    The customer is created without a transaction or savepoint of its own,
    two round trips fewer for every new customer (issue 6).  ``known`` (from
    :func:`by_email`) answers for the senders of a batch without a query.
    """
    email = check_sender(message)
    if email:
        customer = known.get(email) if known is not None else Customer.objects.filter(email=email).first()
        if customer is None:
            customer = Customer.objects.create(
                email=email,
                name=message.sender_name[:200],
                phone=message.sender_phone[:40],
                language=message.language[:16],
            )
            if known is not None:
                known[email] = customer
        if message.sender_handle:
            _remember_identity(customer, message.channel, message.sender_handle)
        return customer
    identity = (
        CustomerIdentity.objects.select_related("customer")
        .filter(channel=message.channel, handle=message.sender_handle)
        .first()
    )
    if identity is not None:
        return identity.customer
    with transaction.atomic():
        customer = Customer.objects.create(
            name=message.sender_name[:200], phone=message.sender_phone[:40], language=message.language[:16]
        )
        _remember_identity(customer, message.channel, message.sender_handle)
    return customer


def _remember_identity(customer: Customer, channel: str, handle: str) -> None:
    try:
        with transaction.atomic():
            CustomerIdentity.objects.get_or_create(
                channel=channel, handle=handle[:255], defaults={"customer": customer}
            )
    except IntegrityError:
        pass  # a concurrent first contact recorded it
