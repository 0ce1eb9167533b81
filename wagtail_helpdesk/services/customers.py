"""Resolving the sender of an inbound message to a customer."""

from __future__ import annotations

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


def resolve(message: InboundMessage) -> Customer:
    """The customer who sent ``message``, created on first contact.

    By email when the channel knows one, else by the sender's handle in the
    channel.  Safe under concurrent first contacts from the same sender.
    """
    email = normalize_email(message.sender_email)
    if email:
        customer, _created = Customer.objects.get_or_create(
            email=email,
            defaults={
                "name": message.sender_name[:200],
                "phone": message.sender_phone[:40],
                "language": message.language[:16],
            },
        )
        if message.sender_handle:
            _remember_identity(customer, message.channel, message.sender_handle)
        return customer
    if message.sender_handle:
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
    raise InvalidInbound({"sender_email": _("The sender has no email address or channel handle.")})


def _remember_identity(customer: Customer, channel: str, handle: str) -> None:
    try:
        with transaction.atomic():
            CustomerIdentity.objects.get_or_create(
                channel=channel, handle=handle[:255], defaults={"customer": customer}
            )
    except IntegrityError:
        pass  # a concurrent first contact recorded it
