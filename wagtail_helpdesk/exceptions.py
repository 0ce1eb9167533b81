"""Domain errors.  They carry a message fit to show a user; no HTTP codes here."""


class HelpdeskError(Exception):
    """Base class of every error the helpdesk domain raises on purpose."""


class IllegalTransition(HelpdeskError):
    """A ticket cannot move from its current status to the one asked for."""


class AlreadyClaimed(HelpdeskError):
    """Somebody else claimed the ticket first."""


class TicketMerged(HelpdeskError):
    """The ticket was merged into another one and takes no further changes."""


class InvalidInbound(HelpdeskError):
    """An inbound message was rejected; ``errors`` maps field names to messages."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


class HoldMessage(HelpdeskError):
    """Raised by a ``helpdesk_match_ticket`` implementation: keep this message out of every
    ticket until a manager decides (quarantine); ``ticket`` is the one it claims to continue."""

    def __init__(self, reason: str, *, ticket=None):
        self.reason = reason
        self.ticket = ticket
        super().__init__(reason)


class UnknownChannel(HelpdeskError):
    """No registered channel has the given code."""


class RetryableDeliveryError(HelpdeskError):
    """Raised by a channel's ``send()`` when delivery may succeed later."""


class PermanentDeliveryError(HelpdeskError):
    """Raised by a channel's ``send()`` when retrying cannot help (bad address)."""


class NotAllowed(HelpdeskError):
    """The acting user may not do this to this ticket."""


class TicketChanged(HelpdeskError):
    """The ticket got new messages since the agent last looked; their reply was not sent.

    ``new_message_ids`` lists the messages the agent has not seen, oldest first.
    """

    def __init__(self, message: str, new_message_ids: list[int]):
        self.new_message_ids = new_message_ids
        super().__init__(message)


class UndecryptableSecret(HelpdeskError):
    """A stored secret (a mailbox password) cannot be decrypted with any configured key.

    It was encrypted with a key that is no longer in ``SECRET_KEY``,
    ``SECRET_KEY_FALLBACKS`` or ``WAGTAIL_HELPDESK_SECRET_KEYS``; the secret
    must be entered again.
    """
