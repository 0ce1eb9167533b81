"""Demo mail for the quarantine: what a manager finds under Helpdesk → Quarantine.

Both go through the real email channel and intake (``services.mailboxes.ingest``),
exactly as a polled mailbox would deliver them; both are idempotent.
"""

from __future__ import annotations

from wagtail_helpdesk.services import mailboxes

#: A mail whose sender's client left out the From header: rejected, kept raw.
NO_SENDER = (
    b"To: support@shop.example\r\nSubject: Zwrot paczki / parcel return\r\n"
    b"Message-ID: <demo-no-sender@mail.example>\r\nDate: Mon, 30 Nov 2026 08:12:00 +0100\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n\r\nChc\xc4\x99 zwr\xc3\xb3ci\xc4\x87 paczk\xc4\x99 4711.\r\n"
)
#: Not mail at all (a misconfigured scanner): unreadable, kept raw.
GARBAGE = b"\x00\x01PK\x03\x04 scanner-output-0001\r\n"


def ensure_quarantine() -> int:
    """Deliver the demo's broken mail once; returns how many ended in quarantine."""
    return sum(not mailboxes.ingest(raw) for raw in (NO_SENDER, GARBAGE))
