"""Polling real mailboxes (IMAP, POP3): each new mail goes through the email channel and intake.

The mail server is the durable store until intake has committed: a message is
marked ``\\Seen`` (IMAP) or deleted (POP3) only after :func:`intake.receive`
returned.  A message that cannot be processed stays unseen/undeleted on the
server *and* is kept, raw, as a rejected or failed inbound record, where a
manager can read it; it never blocks the messages after it.  Fetching the same
message again (a second poller, a crash before the flag was set) is harmless:
intake answers a known Message-ID as a duplicate.
"""

from __future__ import annotations

import hashlib
import imaplib
import logging
import poplib
import ssl
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from ..exceptions import HelpdeskError, InvalidInbound, UndecryptableSecret
from ..models import InboundRecord, Mailbox
from ..types import InboundMessage
from . import bounces, intake
from .channels import get_channel

logger = logging.getLogger(__name__)

#: Seconds a network operation may take before the poll gives up (and retries next time).
TIMEOUT = 60
#: How long a poll holds its mailbox lock at most, should the worker die without releasing it.
LOCK_SECONDS = 15 * 60
#: Mails a poll fetches before intake takes them in together and they are marked on the server.
POLL_BATCH = 50
#: A batch also ends once its raw mails reach this size, so a backlog of large mails
#: (each may carry ``MAX_ATTACHMENTS`` of ``MAX_ATTACHMENT_BYTES``) is never all in memory.
POLL_BATCH_BYTES = 25 * 1024 * 1024


#: Recorded on the mailbox (and shown on its form) when its password cannot be decrypted.
UNREADABLE_PASSWORD = gettext_lazy(
    "The stored password cannot be decrypted: it was encrypted with a secret key that is no longer "
    "configured (SECRET_KEY, SECRET_KEY_FALLBACKS or WAGTAIL_HELPDESK_SECRET_KEYS). "
    "Enter the mailbox password again."
)


class MailboxError(HelpdeskError):
    """The mail server could not be reached or refused us; the text is also in ``Mailbox.last_error``."""


@dataclass
class PollResult:
    """What one poll did: messages fetched, safely in the helpdesk, and left on the server."""

    fetched: int = 0
    processed: int = 0
    failed: int = 0
    #: Another poll of the same mailbox was running, so this one did nothing.
    skipped: bool = False


def poll(mailbox: Mailbox) -> PollResult:
    """Fetch the mailbox's new mail into the helpdesk; raise :class:`MailboxError` when the server fails.

    Must run outside a transaction: marking a message seen before its ticket is
    committed would lose it if the commit then failed.
    """
    if transaction.get_connection().in_atomic_block:
        raise RuntimeError("poll() must run outside a transaction: mail is marked seen only after intake committed")
    lock = f"wagtail_helpdesk:mailbox-poll:{mailbox.pk}"
    if not cache.add(lock, 1, timeout=LOCK_SECONDS):
        return PollResult(skipped=True)
    result = PollResult()
    try:
        queue = mailbox.queue.slug
        if not password_readable(mailbox):  # before connecting: nothing to log in with
            error = str(UNREADABLE_PASSWORD)
            _record(mailbox, error)
            raise MailboxError(error)
        try:
            with _session(mailbox) as session:
                for chunk in _batches(session.pending()):
                    result.fetched += len(chunk)
                    outcomes = ingest_many([raw for _key, raw in chunk], queue=queue)
                    for (key, _raw), stored in zip(chunk, outcomes, strict=True):
                        if stored:
                            session.done(key)
                            result.processed += 1
                        else:
                            result.failed += 1
        except (OSError, imaplib.IMAP4.error, poplib.error_proto) as exc:
            error = f"{type(exc).__name__}: {exc}"
            _record(mailbox, error)
            raise MailboxError(error) from exc
        _record(
            mailbox,
            f"{result.failed} message(s) could not be processed; they are listed under Inbound messages."
            if result.failed
            else "",
        )
        return result
    finally:
        cache.delete(lock)


def _batches(pending: Iterator[tuple[object, bytes]]) -> Iterator[list[tuple[object, bytes]]]:
    """The fetched mails in batches of at most ``POLL_BATCH`` mails and, past the first mail, ``POLL_BATCH_BYTES``.

    Mails are fetched as the batches fill, so memory holds one batch and the
    mail that starts the next; a mail larger than the limit is a batch of its own.
    """
    batch: list[tuple[object, bytes]] = []
    size = 0
    for key, raw in pending:
        if batch and size + len(raw) > POLL_BATCH_BYTES:
            yield batch
            batch, size = [], 0
        batch.append((key, raw))
        size += len(raw)
        if len(batch) >= POLL_BATCH:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def ingest(raw: bytes, *, queue: str = "") -> bool:
    """Hand one raw mail to the email channel and intake; ``True`` once it is safely stored.

    A bounce is recorded against the mail it returns instead (see :mod:`.bounces`).

    Never raises for a bad message: a poller must go on to the next one.  What
    failed is kept, with its raw bytes, as an inbound record (rejected or failed).
    """
    return ingest_many([raw], queue=queue)[0]


def ingest_many(raws: Sequence[bytes], *, queue: str = "") -> list[bool]:
    """:func:`ingest` for what one poll fetched: each mail parsed, then intake takes them in together.

    Intake shares the bookkeeping of the batch (:func:`intake.receive_many`);
    each mail still succeeds or fails on its own, and ``True`` at its place
    means it is safely stored.
    """
    stored: list[bool] = [False] * len(raws)
    batch: list[tuple[int, InboundMessage, bytes]] = []
    channel = get_channel("email")
    for index, raw in enumerate(raws):
        try:
            parsed = channel.parse(raw)
        except InvalidInbound as exc:
            _keep_unparsable(raw, str(exc))
            continue
        if bounces.is_bounce(parsed):
            # News about mail we sent, not a customer's matter: no ticket, no acknowledgement.
            try:
                bounces.record(parsed, raw=raw)
            except Exception:
                logger.exception("Bounce %s could not be recorded", parsed.external_id)
                continue
            stored[index] = True
            continue
        batch.append((index, replace(parsed, queue=queue) if queue else parsed, raw))
    outcomes = intake.receive_many([(parsed, raw) for _index, parsed, raw in batch])
    for (index, parsed, _raw), outcome in zip(batch, outcomes, strict=True):
        if isinstance(outcome, InvalidInbound):
            logger.info("Mail %s rejected: %s", parsed.external_id, outcome)
        elif isinstance(outcome, Exception):
            # Intake marked the record failed; the mail stays on the server for the next poll.
            logger.error("Mail %s could not be processed", parsed.external_id, exc_info=outcome)
        else:
            stored[index] = True
    return stored


def _keep_unparsable(raw: bytes, error: str) -> None:
    external_id = f"<sha256.{hashlib.sha256(raw).hexdigest()}@unparsable>"
    InboundRecord.objects.get_or_create(
        channel="email",
        external_id=external_id,
        defaults={"payload": {}, "raw": raw, "state": InboundRecord.State.REJECTED, "error": error[:2000]},
    )


def password_readable(mailbox: Mailbox) -> bool:
    """Can the configured keys decrypt the mailbox's stored password (or is none stored)?"""
    try:
        mailbox.password  # noqa: B018 -- decrypting is the test
    except UndecryptableSecret:
        return False
    return True


def _record(mailbox: Mailbox, error: str) -> None:
    Mailbox.objects.filter(pk=mailbox.pk).update(last_polled_at=timezone.now(), last_error=error)


class _ImapSession:
    """New mail in one IMAP folder: ``UNSEEN`` by UID, read with ``BODY.PEEK[]`` so reading sets no flag."""

    def __init__(self, mailbox: Mailbox) -> None:
        context = ssl.create_default_context()
        if mailbox.security == Mailbox.Security.SSL:
            self.client = imaplib.IMAP4_SSL(mailbox.host, mailbox.port, ssl_context=context, timeout=TIMEOUT)
        else:
            self.client = imaplib.IMAP4(mailbox.host, mailbox.port, timeout=TIMEOUT)
            if mailbox.security == Mailbox.Security.STARTTLS:
                self.client.starttls(context)
        self.client.login(mailbox.username, mailbox.password)
        status, data = self.client.select(_quoted(mailbox.folder))
        if status != "OK":
            raise imaplib.IMAP4.error(f"cannot open folder {mailbox.folder!r}: {data!r}")

    def pending(self) -> Iterator[tuple[bytes, bytes]]:
        _status, data = self.client.uid("SEARCH", None, "UNSEEN")
        for uid in (data[0] or b"").split():
            status, parts = self.client.uid("FETCH", uid, "(BODY.PEEK[])")
            raw = next((part[1] for part in parts if isinstance(part, tuple)), None)
            if status == "OK" and raw:
                yield uid, raw

    def done(self, uid: bytes) -> None:
        self.client.uid("STORE", uid, "+FLAGS", "(\\Seen)")

    def close(self) -> None:
        try:
            self.client.logout()
        except (OSError, imaplib.IMAP4.error):
            pass


class _Pop3Session:
    """Every message in a POP3 mailbox; deleting marks what is done (the server commits it at QUIT)."""

    def __init__(self, mailbox: Mailbox) -> None:
        context = ssl.create_default_context()
        if mailbox.security == Mailbox.Security.SSL:
            self.client = poplib.POP3_SSL(mailbox.host, mailbox.port, context=context, timeout=TIMEOUT)
        else:
            self.client = poplib.POP3(mailbox.host, mailbox.port, timeout=TIMEOUT)
            if mailbox.security == Mailbox.Security.STARTTLS:
                self.client.stls(context)
        self.client.user(mailbox.username)
        self.client.pass_(mailbox.password)

    def pending(self) -> Iterator[tuple[int, bytes]]:
        count, _size = self.client.stat()
        for number in range(1, count + 1):
            _response, lines, _octets = self.client.retr(number)
            yield number, b"\r\n".join(lines) + b"\r\n"

    def done(self, number: int) -> None:
        self.client.dele(number)

    def close(self) -> None:
        try:
            self.client.quit()
        except (OSError, poplib.error_proto):
            pass


class _session:
    """Open the right client for the mailbox and always log out, committing POP3 deletions."""

    def __init__(self, mailbox: Mailbox) -> None:
        self.mailbox = mailbox

    def __enter__(self) -> _ImapSession | _Pop3Session:
        if self.mailbox.protocol == Mailbox.Protocol.POP3:
            self.session = _Pop3Session(self.mailbox)
        else:
            self.session = _ImapSession(self.mailbox)
        return self.session

    def __exit__(self, *exc_info) -> None:
        self.session.close()


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def poll_active() -> list[int]:
    """Ids of the mailboxes a scheduled run should poll."""
    return list(Mailbox.objects.filter(is_active=True).values_list("pk", flat=True))


__all__ = [
    "UNREADABLE_PASSWORD",
    "MailboxError",
    "PollResult",
    "ingest",
    "ingest_many",
    "password_readable",
    "poll",
    "poll_active",
]
