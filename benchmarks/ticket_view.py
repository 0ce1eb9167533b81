"""How long the agent's ticket view and its presence poll take server-side, and how many SQL statements each costs.

Run from the repository root::

    python benchmarks/ticket_view.py --tickets 20000                       # SQLite (a temp file)
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/helpdesk python benchmarks/ticket_view.py --tickets 100000

It is a measurement, not a test: nothing is asserted.  A fresh database is
created and migrated (``test_<name>`` or a temporary SQLite file) and dropped
afterwards.  Seeding uses bulk inserts (5 queues, 30 agents, ``--min``–``--max``
messages per ticket, every third with an attachment row, two events per
message); it sets up existing state fast and is not what is measured.  Then an
agent of one queue opens ``--requests`` random tickets of their queues through
Django's test client (the whole admin stack: middleware, session, Wagtail's
menu, templates), once warm, and polls presence on each.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CLEANUP: list[Path] = []


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=20000, help="tickets to seed (default 20000)")
    parser.add_argument("--min", type=int, default=3, help="fewest messages per ticket")
    parser.add_argument("--max", type=int, default=10, help="most messages per ticket")
    parser.add_argument("--requests", type=int, default=200, help="ticket views to time")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep-db", action="store_true", help="leave the database for a look afterwards")
    return parser.parse_args(argv)


def configure() -> None:
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    import tests.settings as base

    values: dict[str, Any] = {name: getattr(base, name) for name in dir(base) if name.isupper()}
    database = dict(values["DATABASES"]["default"])
    if database["ENGINE"].endswith("sqlite3"):
        tmpdir = Path(tempfile.mkdtemp(prefix="helpdesk-bench-"))
        database["NAME"] = str(tmpdir / "bench.sqlite3")
        database["TEST"] = {"NAME": str(tmpdir / "test_bench.sqlite3")}
        CLEANUP.append(tmpdir)
    else:
        database["CONN_MAX_AGE"] = None
    values["DATABASES"] = {"default": database}
    values["DEBUG"] = False
    values["LOGGING"] = {"version": 1, "disable_existing_loggers": False}
    settings.configure(**values)
    django.setup()


def seed(args: argparse.Namespace, rng: random.Random):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.db import transaction
    from django.utils import timezone

    from wagtail_helpdesk.models import Attachment, Customer, EventKind, Message, Queue, Status, Ticket, TicketEvent

    User = get_user_model()
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    with transaction.atomic():
        queues = [Queue.objects.create(name=f"Desk {n}", slug=f"desk-{n}") for n in range(5)]
        agents = []
        for n in range(30):
            user = User.objects.create(username=f"agent{n}", first_name=f"Agent{n}", email=f"a{n}@shop.example")
            user.user_permissions.add(access)
            group, _ = Group.objects.get_or_create(name=f"Desk {n % 5} agents")
            queues[n % 5].groups.add(group)
            user.groups.add(group)
            agents.append(user)
        customers = Customer.objects.bulk_create(
            [Customer(email=f"c{n}@mail.example", name=f"Customer {n}") for n in range(max(args.tickets // 3, 1))]
        )
        if not customers[0].pk:
            customers = list(Customer.objects.order_by("pk"))
        statuses = [Status.NEW, Status.OPEN, Status.PENDING, Status.SOLVED, Status.CLOSED]
        now = timezone.now()
        batch = 2000
        for start in range(0, args.tickets, batch):
            tickets = Ticket.objects.bulk_create(
                [
                    Ticket(
                        subject=f"Order {n} problem",
                        channel="web",
                        status=rng.choice(statuses),
                        queue=queues[n % 5],
                        assignee=agents[(n % 5) + 5 * rng.randrange(6)] if n % 3 else None,
                        customer=rng.choice(customers),
                    )
                    for n in range(start, min(start + batch, args.tickets))
                ]
            )
            if not tickets[0].pk:
                tickets = list(Ticket.objects.order_by("-pk")[: len(tickets)])
            for ticket in tickets:
                ticket.reference = f"HD-{ticket.pk:06d}"
            Ticket.objects.bulk_update(tickets, ["reference"])
            messages = []
            for ticket in tickets:
                for number in range(rng.randint(args.min, args.max)):
                    kind = [Message.Kind.INBOUND, Message.Kind.REPLY, Message.Kind.NOTE][number % 3]
                    messages.append(
                        Message(
                            ticket=ticket,
                            kind=kind,
                            channel="web",
                            author_customer=ticket.customer if kind == Message.Kind.INBOUND else None,
                            author_user=ticket.assignee if kind != Message.Kind.INBOUND else None,
                            body_text=f"Message {number} about the order.\nSecond line.",
                        )
                    )
            messages = Message.objects.bulk_create(messages)
            if messages and not messages[0].pk:
                messages = list(Message.objects.filter(ticket__in=tickets))
            Attachment.objects.bulk_create(
                [
                    Attachment(
                        message=m,
                        file=f"x/{m.pk}",
                        filename=f"f{m.pk}.png",
                        content_type="image/png",
                        size=100,
                        sha256="0" * 64,
                    )
                    for m in messages[::3]
                ]
            )
            TicketEvent.objects.bulk_create(
                [
                    TicketEvent(ticket_id=m.ticket_id, kind=EventKind.STATUS, data={"from": "new", "to": "open"})
                    for m in messages
                ]
                + [
                    TicketEvent(ticket_id=m.ticket_id, kind=EventKind.ASSIGNED, data={"from": None, "to": agents[0].pk})
                    for m in messages
                ]
            )
        Ticket.objects.update(last_activity_at=now)
    return agents, queues


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[max(int(len(values) * p) - 1, 0)]


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    configure()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from wagtail_helpdesk.models import Message, Ticket

    # No setup_test_environment(): its instrumented template rendering copies every
    # template context for the test client and would double the time measured.
    old_name = connection.settings_dict["NAME"]
    rng = random.Random(args.seed)
    print(f"creating and migrating a fresh {connection.vendor} database ...", flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        started = time.perf_counter()
        agents, _queues = seed(args, rng)
        print(
            f"  seeded {Ticket.objects.count()} tickets, {Message.objects.count()} messages "
            f"in {time.perf_counter() - started:.1f}s",
            flush=True,
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        agent = agents[0]
        client = Client()
        client.force_login(agent)
        ids = list(Ticket.objects.visible_to(agent).values_list("pk", flat=True))
        chosen = [rng.choice(ids) for _ in range(args.requests)]
        for pk in chosen[:10]:  # warm: caches, templates, plugin manager
            client.get(reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(pk,)))
        view_ms, poll_ms, statements = [], [], []
        for pk in chosen:
            url = reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(pk,))
            with CaptureQueriesContext(connection) as queries:
                begun = time.perf_counter()
                response = client.get(url)
                view_ms.append((time.perf_counter() - begun) * 1000)
            assert response.status_code == 200, response.status_code
            statements.append(len(queries))
            begun = time.perf_counter()
            client.post(reverse("wagtail_helpdesk_ticket_presence", args=(pk,)), {"since": "0"})
            poll_ms.append((time.perf_counter() - begun) * 1000)
    finally:
        if not args.keep_db:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            for folder in CLEANUP:
                shutil.rmtree(folder, ignore_errors=True)

    import django
    import wagtail

    print()
    print("=== ticket view benchmark ===")
    print(
        f"python {sys.version.split()[0]}, Django {django.get_version()}, Wagtail {wagtail.__version__}, "
        f"{connection.vendor}"
    )
    print(
        f"tickets {args.tickets}, {args.min}-{args.max} messages each; "
        f"{args.requests} random views of one agent's queue"
    )
    print(
        f"ticket view: median {statistics.median(view_ms):.1f} ms, p95 {percentile(view_ms, 0.95):.1f} ms, "
        f"max {max(view_ms):.1f} ms; SQL statements {min(statements)}-{max(statements)}"
    )
    print(f"presence poll: median {statistics.median(poll_ms):.1f} ms, p95 {percentile(poll_ms, 0.95):.1f} ms")


if __name__ == "__main__":
    main()
