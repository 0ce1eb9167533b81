"""How many contact form submissions per second the site takes, end to end through Django.

Run from the repository root::

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/helpdesk python benchmarks/contact_form.py --n 2000
    python benchmarks/contact_form.py --n 500                                  # SQLite (a temp file)

Each submission is a multipart POST through Django's test client to a
``ContactFormPage`` (Wagtail routing, CSRF and session middleware, form
validation, the ``web`` channel, ``services.intake.receive()``, the
acknowledgement rendered and queued, and, Celery running eagerly, delivered
after commit to Django's in-memory mail backend), then the thank-you page
rendered with the reference.  Senders repeat (``--customers``), as returning
customers do.  The form's rate limit is switched off: every submission comes
from the same test client address.  Nothing is asserted; it prints figures.
The queue has a team of three agents and the site a published knowledge base
of ten articles (``common.seed_helpdesk``); ``--bare`` leaves both out.
``--profile FILE`` runs the timed loop under cProfile (about twice as slow),
prints the top costs and saves the stats for ``pstats``.

``--queue-tasks`` puts the Celery tasks on an in-memory broker and never runs
them: what the customer's request itself costs when a worker does the rest
(the acknowledgement's delivery, agent notifications, article suggestions).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
import uuid

import common


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="timed submissions (default 2000)")
    parser.add_argument("--warmup", type=int, default=50, help="untimed submissions first")
    parser.add_argument("--customers", type=int, default=500, help="distinct sender addresses")
    parser.add_argument("--attachment-every", type=int, default=10, help="attach a PDF to every Nth (0: never)")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument(
        "--bare",
        action="store_true",
        help="no agent team on the queue and no knowledge base: new tickets notify nobody and find no articles",
    )
    parser.add_argument(
        "--queue-tasks",
        action="store_true",
        help="queue Celery tasks on an in-memory broker instead of running them: the request's own cost, "
        "without the worker's (acknowledgement delivery, agent notifications, article suggestions)",
    )
    parser.add_argument("--profile", metavar="FILE", help="cProfile the timed loop, print top costs, save stats")
    parser.add_argument(
        "--disable-plugins", default="", help="comma-separated built-in plugins to switch off, to see what each costs"
    )
    return parser.parse_args()


def build_page(bare: bool = False):
    from wagtail_helpdesk.models import ContactFormPage
    from wagtail_helpdesk.testing.factories import QueueFactory
    from wagtail_helpdesk.testing.pages import default_site_root

    queue = QueueFactory(slug="general", name="General", is_default=True)
    page = ContactFormPage(title="Contact us", slug="contact", queue=queue, show_order_number=True)
    page.categories = [("category", {"label": "Order question", "queue": ""})]
    default_site_root().add_child(instance=page)
    if not bare:
        common.seed_helpdesk(queue)
    return page


def submit(client, url: str, i: int, customers: int, attachment_every: int) -> int:
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {
        "name": f"Customer {i % customers}",
        "email": f"customer{i % customers}@mail.example",
        "category": "Order question",
        "order_number": f"SO-{10000 + i}",
        "subject": f"Order SO-{10000 + i} has not arrived",
        "message": "Hello, my order left the warehouse on Monday and the tracking page has not moved since. " * 3,
        "token": uuid.uuid4().hex,
        "website": "",
    }
    if attachment_every and i % attachment_every == 0:
        data["attachments"] = [SimpleUploadedFile("receipt.pdf", b"%PDF-1.4\n" + b"0" * 20_000, "application/pdf")]
    return client.post(url, data).status_code


def main() -> None:
    args = parse_args()
    broker = {"CELERY_BROKER_URL": "memory://"} if args.queue_tasks else {}
    common.configure(
        eager=not args.queue_tasks,
        **broker,
        WAGTAIL_HELPDESK_CONTACT_RATE_LIMIT=None,
        WAGTAIL_HELPDESK_ACKNOWLEDGEMENT_RATE_LIMIT=None,
        WAGTAIL_HELPDESK_DISABLED_PLUGINS=[name for name in args.disable_plugins.split(",") if name],
    )
    from django.core import mail
    from django.test import Client

    from wagtail_helpdesk.models import OutboundMessage, Ticket

    with common.fresh_database(keep=args.keep_db):
        url = build_page(args.bare).url
        client = Client()
        for i in range(args.warmup):
            submit(client, url, i, args.customers, args.attachment_every)
        latencies: list[float] = []
        statuses: dict[int, int] = {}
        profiler = cProfile.Profile() if args.profile else None
        started = time.perf_counter()
        for i in range(args.warmup, args.warmup + args.n):
            began = time.perf_counter()
            if profiler:
                status = profiler.runcall(submit, client, url, i, args.customers, args.attachment_every)
            else:
                status = submit(client, url, i, args.customers, args.attachment_every)
            latencies.append(time.perf_counter() - began)
            statuses[status] = statuses.get(status, 0) + 1
        elapsed = time.perf_counter() - started
        if profiler:
            profiler.dump_stats(args.profile)
            pstats.Stats(profiler).strip_dirs().sort_stats("cumulative").print_stats(40)
        tickets = Ticket.objects.count()
        sent = OutboundMessage.objects.filter(state=OutboundMessage.State.SENT).count()
        print()
        print("=== contact form benchmark ===")
        print(common.versions())
        print(f"submissions (timed): {args.n} in {elapsed:.2f}s -> {args.n / elapsed:.0f} submissions/s")
        latencies.sort()
        print(
            f"latency: median {statistics.median(latencies) * 1000:.2f} ms, "
            f"p95 {common.percentile(latencies, 0.95) * 1000:.2f} ms, max {latencies[-1] * 1000:.2f} ms"
        )
        print(f"responses by status: {statuses}; tickets: {tickets}; acknowledgements sent: {sent}")
        tasks = "queued for a worker, not run (--queue-tasks)" if args.queue_tasks else "run eagerly, in process"
        print(f"tasks: {tasks}")
        print(f"mails in the locmem outbox: {len(mail.outbox)}")


if __name__ == "__main__":
    main()
