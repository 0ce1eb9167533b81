"""How fast the SLA sweep finds the tickets that are due, among a million open ones (PostgreSQL).

Run from the repository root::

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/helpdesk python benchmarks/sla_sweep.py
    DATABASE_URL=... python benchmarks/sla_sweep.py --n 1000000 --due 1000 --process 200

It is a measurement, not a test: nothing is asserted.  A fresh database
(``test_<name>``) is created and migrated, seeded with ``--n`` open tickets in
one ``INSERT ... SELECT generate_series`` (spread over queues, priorities and
statuses; deadlines from a minute ago to a few weeks ahead, about ``--due`` of
them already due, one in ten paused), analysed, and dropped afterwards.

Printed: the sweep's query (``services.sla_sweep.due_ticket_ids``) with its
``EXPLAIN ANALYZE`` plan, its timing over ``--repeat`` runs, and the time to
process ``--process`` due tickets (announce, record, escalate) with
``services.sla_sweep.sweep``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="open tickets to seed (default 1,000,000)")
    parser.add_argument("--due", type=int, default=1000, help="about how many of them are due now")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs of the sweep query")
    parser.add_argument("--batch", type=int, default=1000, help="the sweep's batch size (its LIMIT)")
    parser.add_argument("--process", type=int, default=200, help="due tickets to process with sweep() (0: skip)")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the benchmark database afterwards")
    return parser.parse_args(argv)


def configure() -> None:
    sys.path.insert(0, str(ROOT))
    if "postgresql" not in os.environ.get("DATABASE_URL", ""):
        raise SystemExit("Set DATABASE_URL=postgresql://...: the benchmark is about PostgreSQL's index scan.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()


SEED = """
INSERT INTO wagtail_helpdesk_ticket (
    reference, subject, status, priority, channel, queue_id, customer_id, category, shop_reference,
    custom_fields, language, first_response_due, resolution_due, sla_due_at, sla_warn_at, sla_check_at,
    sla_paused_at, sla_paused_minutes, created_at, updated_at, last_activity_at
)
SELECT
    'BM-' || g, 'Benchmark ticket ' || g,
    (ARRAY['new', 'open', 'open', 'on_hold', 'pending'])[1 + g %% 5],
    1 + g %% 4, CASE WHEN g %% 3 = 0 THEN 'email' ELSE 'web' END,
    (%(queue_ids)s::bigint[])[1 + g %% 3], %(customer_id)s, '', '', '{}', '',
    due.at, due.at + interval '2 days',
    CASE WHEN paused THEN NULL ELSE due.at END,
    CASE WHEN paused THEN NULL ELSE due.at - interval '30 minutes' END,
    CASE WHEN paused THEN NULL ELSE due.at - interval '30 minutes' END,
    CASE WHEN paused THEN now() - interval '1 hour' END, 0,
    now() - interval '1 day', now(), now() - (g %% 1000) * interval '1 minute'
FROM generate_series(1, %(n)s) AS g,
     LATERAL (SELECT g %% 10 = 4 AS paused) AS p,
     -- Spread the warnings evenly over "spread" minutes from now; the first
     -- "due" slots of that range are already past.
     LATERAL (SELECT now() + ((g::bigint * 7919) %% %(spread)s - %(due_minutes)s) * interval '1 minute'
                             + interval '30 minutes' AS at) AS due
"""


def seed(n: int, due: int) -> float:
    from django.db import connection

    from wagtail_helpdesk.models import Customer, Queue, SLAPolicy, SLATarget

    queues = [Queue.objects.create(name=f"Desk {i}", slug=f"desk-{i}").pk for i in range(3)]
    # The policy the processed tickets are judged by (round the clock, so deadlines are the seeded ones).
    policy = SLAPolicy.objects.create(name="Benchmark", raise_priority=True)
    for priority in range(1, 5):
        SLATarget.objects.create(
            policy=policy, priority=priority, first_response_minutes=60, resolution_minutes=2 * 24 * 60
        )
    customer = Customer.objects.create(email="bench@mail.example", name="Bench")
    # A warning every minute for "spread" minutes; due/n of them in the past.
    spread = 60 * 24 * 42
    due_minutes = max(1, round(spread * due / n))
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            SEED,
            {"queue_ids": queues, "customer_id": customer.pk, "n": n, "spread": spread, "due_minutes": due_minutes},
        )
        cursor.execute("ANALYZE wagtail_helpdesk_ticket")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    configure()
    from django.db import connection
    from django.utils import timezone

    from wagtail_helpdesk.models import Ticket
    from wagtail_helpdesk.services import sla_sweep

    old_name = connection.settings_dict["NAME"]
    print("creating and migrating a fresh PostgreSQL database ...", flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        print(f"seeding {args.n:,} tickets ...", flush=True)
        seeded = seed(args.n, args.due)
        print(f"  seeded and analysed in {seeded:.1f}s")
        now = timezone.now()
        query = Ticket.objects.filter(sla_check_at__lte=now).order_by("sla_check_at").values_list("pk", flat=True)
        sql, params = query[: args.batch].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        timings, found = [], 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            found = len(sla_sweep.due_ticket_ids(now, args.batch))
            timings.append(time.perf_counter() - started)
        total_due = Ticket.objects.filter(sla_check_at__lte=now).count()
        processed = None
        if args.process:
            started = time.perf_counter()
            result = sla_sweep.sweep(limit=args.process)
            processed = (result, time.perf_counter() - started)
    finally:
        if not args.keep_db:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    print()
    print("=== SLA sweep benchmark ===")
    print(f"PostgreSQL {version}; {args.n:,} open tickets, {total_due:,} due now (batch {args.batch})")
    print(f"query: {sql % tuple(repr(p) for p in params)}")
    print(
        f"sweep query: median {statistics.median(timings) * 1000:.2f} ms, "
        f"min {min(timings) * 1000:.2f} ms, max {max(timings) * 1000:.2f} ms over {args.repeat} runs; "
        f"{found} ids returned"
    )
    print("EXPLAIN ANALYZE:")
    print("  " + plan.replace("\n", "\n  "))
    if processed is not None:
        result, seconds = processed
        print(
            f"processing {result.checked} due tickets (sweep): {seconds:.2f}s "
            f"({seconds / max(result.checked, 1) * 1000:.1f} ms each; "
            f"{result.warnings} warnings, {result.breaches} breaches recorded)"
        )


if __name__ == "__main__":
    main()
