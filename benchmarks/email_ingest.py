"""How many raw mails per second go through the email channel and intake, in one process.

Run from the repository root::

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/helpdesk python benchmarks/email_ingest.py --n 1000
    python benchmarks/email_ingest.py --n 1000                           # SQLite (a temp file)
    python benchmarks/email_ingest.py --n 300 --profile                  # + cProfile top costs

A measurement, not a test.  The database, settings and durability options are
those of ``benchmarks/intake.py`` (its ``--ack`` and ``--synchronous-commit``
apply too).  The mail is built before the clock starts; the timed part is
exactly what a mailbox poll does with the mail it fetched,
``services.mailboxes.ingest_many`` on batches of ``--batch`` mails (the poll's
own batch size by default; ``--batch 1`` is one mail at a time, as the MTA
pipe and the anymail webhook deliver it): parse each with the email channel
(``policy.default``, charset handling, quote trimming, attachment checks),
then intake (raw records, threading, customer, ticket or reply, attachments to
private storage, acknowledgement), one transaction per batch.

The mix (``--n`` messages from ``--customers`` senders): 40 % new plain-text
mails, 25 % replies quoting our answer (threaded by In-Reply-To), 20 % Gmail-
style HTML+text mails, 15 % with a PDF attachment and an inline image.

The queue has a team of three agents and the site a published knowledge base
of ten articles (``common.seed_helpdesk``), so a new ticket notifies its
agents and searches for articles to suggest, as on a live site; ``--bare``
leaves both out (nobody to notify, nothing to find).
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import sys
import time
from collections import Counter
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # benchmarks/common.py: the seeded team and knowledge base
import intake as base  # benchmarks/intake.py: settings, database, durability

PDF = b"%PDF-1.4\n" + b"0" * 20_000 + b"\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f2c1d40000000049454e44ae426082"
)
BODY = "Hello, I ordered a kettle (order 4711) last week and it has not arrived. Could you check the parcel? "


def build(n: int, customers: int, tag: str) -> list[bytes]:
    """``n`` raw mails in the documented mix; replies point at an earlier mail of the same sender."""
    mails: list[bytes] = []
    last_id: dict[int, str] = {}
    for i in range(n):
        who = i % customers
        msg = EmailMessage()
        msg["From"] = f"Customer {who} <customer{who}@mail.example>"
        msg["To"] = "support@shop.example"
        msg["Message-ID"] = f"<{tag}.{i}@mail.example>"
        msg["Date"] = "Tue, 01 Dec 2026 10:00:00 +0100"
        kind = i % 20
        if kind < 5 and who in last_id:  # 25 %: a reply with the quoted conversation
            msg["Subject"] = "Re: Order 4711 has not arrived"
            msg["In-Reply-To"] = last_id[who]
            msg["References"] = last_id[who]
            msg.set_content(
                "Thanks, any news today?\n\nOn Mon, 30 Nov 2026 at 09:00, Support <support@shop.example> wrote:\n"
                + "\n".join(f"> {BODY}" for _ in range(8))
            )
        elif kind < 9:  # 20 %: Gmail-style text + HTML
            msg["Subject"] = f"Zamówienie {i} – pytanie"
            msg.set_content(BODY * 3 + "\n\nW dniu 30.11.2026 o 09:00, Obsługa pisze:\n> Dziękujemy.")
            msg.add_alternative(
                f'<div dir="ltr"><p>{BODY * 3}</p></div><div class="gmail_quote">W dniu … pisze:'
                "<blockquote>Dziękujemy.</blockquote></div>",
                subtype="html",
            )
        elif kind < 12:  # 15 %: an attachment and an inline image
            msg["Subject"] = f"Invoice for order {i}"
            msg.set_content(BODY)
            msg.add_attachment(PDF, maintype="application", subtype="pdf", filename=f"invoice-{i}.pdf")
            msg.add_attachment(PNG, maintype="image", subtype="png", filename="photo.png")
        else:  # 40 %: a new plain-text mail
            msg["Subject"] = f"Order {i} has not arrived"
            msg.set_content(BODY * 3)
        last_id.setdefault(who, msg["Message-ID"])
        mails.append(msg.as_bytes())
    return mails


def _options(parser) -> None:
    parser.add_argument(
        "--batch", type=int, default=0, help="mails per ingest_many call (default: the poll's batch, POLL_BATCH)"
    )


def main(argv: list[str] | None = None) -> None:
    args = base.parse_args(argv, extra=_options)
    base.configure(args)
    from django.core import mail
    from django.db import connection

    from wagtail_helpdesk.models import Attachment, InboundRecord, Message, Ticket
    from wagtail_helpdesk.services import mailboxes
    from wagtail_helpdesk.testing.factories import QueueFactory

    mail.outbox = []  # the locmem backend of the test settings (not setup_test_environment: see common.py)
    old_name = connection.settings_dict["NAME"]
    print(f"creating and migrating a fresh {connection.vendor} database ...", flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        from django.conf import settings

        settings.WAGTAIL_HELPDESK_ACKNOWLEDGEMENT_RATE_LIMIT = None
        facts = base.durability()
        queue = QueueFactory(slug="support", is_default=True)
        if not args.bare:
            common.seed_helpdesk(queue)
        batch = args.batch or mailboxes.POLL_BATCH
        mailboxes.ingest_many(build(args.warmup, args.customers, "warmup"))
        mails = build(args.n, args.customers, "run")
        latencies: list[float] = []
        failed = 0
        profiler = cProfile.Profile() if args.profile else None
        started, cpu_started = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        for start in range(0, len(mails), batch):
            t0 = time.perf_counter()
            failed += mailboxes.ingest_many(mails[start : start + batch]).count(False)
            latencies.append(time.perf_counter() - t0)
        if profiler:
            profiler.disable()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        counts = {
            "tickets": Ticket.objects.count(),
            "messages": Message.objects.count(),
            "attachments": Attachment.objects.count(),
            "inbound by state": dict(Counter(InboundRecord.objects.values_list("state", flat=True))),
        }
    finally:
        if not args.keep_db:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            for folder in base.CLEANUP:
                base.shutil.rmtree(folder, ignore_errors=True)

    latencies.sort()
    print("\n=== email ingest benchmark ===")
    print(f"database: {connection.vendor} " + ", ".join(f"{k}={v}" for k, v in facts.items()))
    print(f"acknowledgement: {args.ack}; distinct senders: {args.customers}; mails per batch: {batch}")
    print(f"mails ingested (timed): {args.n} in {elapsed:.2f}s, {failed} not stored")
    print(f"throughput: {args.n / elapsed:.0f} messages/s")
    # This process's CPU time: steadier than the clock on a shared machine (the database's is not in it).
    print(f"CPU time of this process: {cpu / args.n * 1000:.2f} ms per message")
    print(
        f"latency per batch: median {statistics.median(latencies) * 1000:.2f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95) - 1] * 1000:.2f} ms, max {latencies[-1] * 1000:.2f} ms"
    )
    print("after the run: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if profiler:
        print(f"\n--- cProfile, top {args.profile_top} by cumulative time ---")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile_top)
        if args.profile_out:
            profiler.dump_stats(args.profile_out)


if __name__ == "__main__":
    main()
