"""How many tickets per second ``services.intake.receive`` opens, and how many SQL statements each costs.

Run from the repository root::

    python benchmarks/intake.py --n 2000                                   # SQLite (a temp file)
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/helpdesk python benchmarks/intake.py --n 2000
    python benchmarks/intake.py --n 500 --profile                          # + cProfile top costs

It is a measurement, not a test: nothing is asserted.  Django is configured
from ``tests/settings.py`` with the database taken from ``DATABASE_URL``; a
fresh database (``test_<name>``, or a temporary SQLite file) is created and
migrated, and dropped afterwards.  Every message goes through the one real
intake path, single-threaded unless ``--threads`` says otherwise.

What "a ticket" includes depends on ``--ack`` (the acknowledgement to the customer):

* ``locmem`` (default): the auto-reply is rendered and queued in the intake
  transaction, and the eager Celery task delivers it after commit to Django's
  in-memory mail backend: outbox delivery bookkeeping is included, SMTP is not;
* ``queued``: the auto-reply row is written and the delivery task is published
  to an in-memory broker that nobody consumes: delivery is excluded;
* ``off``: the ``template_autoreply`` plugin is disabled
  (``WAGTAIL_HELPDESK_DISABLED_PLUGINS=["template_autoreply"]``): no auto-reply.

Durability is printed with the result: on PostgreSQL the benchmark's
connections use ``synchronous_commit=off`` unless ``--synchronous-commit on``
(a crash may lose the last few hundred milliseconds of commits, never
consistency); on SQLite Django's defaults (rollback journal, ``synchronous=FULL``).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import common  # benchmarks/common.py (this script's folder is on sys.path): the seeded team and knowledge base

ROOT = Path(__file__).resolve().parent.parent
CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b", re.I)
#: Temporary folders removed at the end.
CLEANUP: list[Path] = []
TABLE = re.compile(r'^\s*(?:INSERT(?: OR IGNORE)? INTO|UPDATE|DELETE FROM|SELECT .*? FROM)\s+"?(\w+)"?', re.I | re.S)


def parse_args(argv: list[str] | None = None, *, extra=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    if extra:
        extra(parser)
    parser.add_argument("--n", type=int, default=2000, help="tickets to open in the timed run (default 2000)")
    parser.add_argument("--warmup", type=int, default=50, help="untimed tickets first (caches, plugin manager)")
    parser.add_argument("--sample", type=int, default=50, help="tickets whose SQL statements are counted")
    parser.add_argument("--customers", type=int, default=500, help="distinct senders (the rest are returning)")
    parser.add_argument("--threads", type=int, default=1, help="concurrent intake threads (PostgreSQL only)")
    parser.add_argument("--ack", choices=["locmem", "queued", "off"], default="locmem", help="see the module doc")
    parser.add_argument("--synchronous-commit", choices=["off", "on"], default="off", help="PostgreSQL only")
    parser.add_argument(
        "--sqlite-wal", action="store_true", help="SQLite: journal_mode=WAL, synchronous=NORMAL (default: Django's)"
    )
    parser.add_argument("--profile", action="store_true", help="run the timed loop under cProfile, print top costs")
    parser.add_argument("--profile-top", type=int, default=30)
    parser.add_argument("--profile-out", help="also save the cProfile stats to this file (for pstats/snakeviz)")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the benchmark database afterwards")
    parser.add_argument(
        "--bare",
        action="store_true",
        help="no agent team on the queue and no knowledge base: new tickets notify nobody and find no articles",
    )
    return parser.parse_args(argv)


def configure(args: argparse.Namespace) -> None:
    """Django settings: the test suite's, with the benchmark's database and acknowledgement mode."""
    sys.path.insert(0, str(ROOT))
    if args.ack == "queued":
        os.environ["CELERY_BROKER_URL"] = "memory://"
        os.environ["CELERY_RESULT_BACKEND"] = "cache+memory://"
    import django
    from django.conf import settings

    import tests.settings as base

    values: dict[str, Any] = {name: getattr(base, name) for name in dir(base) if name.isupper()}
    database = dict(values["DATABASES"]["default"])
    if database["ENGINE"].endswith("sqlite3"):
        # A file, as a site would have; created fresh in a temp dir and removed afterwards.
        tmpdir = Path(tempfile.mkdtemp(prefix="helpdesk-bench-"))
        database["NAME"] = str(tmpdir / "bench.sqlite3")
        database["TEST"] = {"NAME": str(tmpdir / "test_bench.sqlite3")}
        if args.sqlite_wal:
            database["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"}
        CLEANUP.append(tmpdir)
    else:
        database.setdefault("OPTIONS", {})["options"] = f"-c synchronous_commit={args.synchronous_commit}"
        database["CONN_MAX_AGE"] = None
    values["DATABASES"] = {"default": database}
    values["DEBUG"] = False
    values["CELERY_TASK_ALWAYS_EAGER"] = args.ack != "queued"
    if args.ack == "off":
        values["WAGTAIL_HELPDESK_DISABLED_PLUGINS"] = ["template_autoreply"]
    media = Path(tempfile.mkdtemp(prefix="helpdesk-bench-media-"))
    CLEANUP.append(media)
    values["WAGTAIL_HELPDESK_PRIVATE_MEDIA_ROOT"] = str(media)
    values["LOGGING"] = {"version": 1, "disable_existing_loggers": False}
    settings.configure(**values)
    django.setup()
    if args.ack == "queued":
        from tests.celery_app import app

        app.conf.task_always_eager = False


def durability() -> dict[str, str]:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            facts = {}
            for name in ("server_version", "synchronous_commit", "fsync", "wal_sync_method", "shared_buffers"):
                cursor.execute(f"SHOW {name}")
                facts[name] = cursor.fetchone()[0]
            return facts
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous")
        synchronous = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(cursor.fetchone()[0], "?")
        import sqlite3

        return {"sqlite_version": sqlite3.sqlite_version, "journal_mode": journal, "synchronous": synchronous}


def make_messages(start: int, count: int, customers: int, tag: str) -> list:
    from wagtail_helpdesk.testing.factories import inbound_message

    body = (
        "Hello, I ordered a kettle (order 4711) last week and it has not arrived yet. "
        "The tracking page says it left the warehouse on Monday. Could you check? "
    ) * 3
    return [
        inbound_message(
            external_id=f"bench:{tag}:{i}",
            sender_email=f"customer{i % customers}@mail.example",
            sender_name=f"Customer {i % customers}",
            subject=f"Order 4711 has not arrived ({i})",
            body_text=body,
        )
        for i in range(start, start + count)
    ]


def receive_all(messages: list, latencies: list[float]) -> None:
    from wagtail_helpdesk.services import intake

    for message in messages:
        started = time.perf_counter()
        intake.receive(message)
        latencies.append(time.perf_counter() - started)


def timed_run(args: argparse.Namespace) -> tuple[float, list[float]]:
    from django.db import connection

    messages = make_messages(args.warmup, args.n, args.customers, "run")
    latencies: list[float] = []
    if args.threads <= 1:
        profiler = cProfile.Profile() if args.profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        receive_all(messages, latencies)
        if profiler:
            profiler.disable()
        elapsed = time.perf_counter() - started
        if profiler:
            if args.profile_out:
                profiler.dump_stats(args.profile_out)
            print(f"\n--- cProfile, top {args.profile_top} by own time (tottime) ---")
            pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile_top)
            print(f"\n--- cProfile, top {args.profile_top} by cumulative time ---")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile_top)
        return elapsed, latencies
    if connection.vendor != "postgresql":
        sys.exit("--threads > 1 needs PostgreSQL (SQLite serialises writers)")
    chunks = [messages[i :: args.threads] for i in range(args.threads)]
    lock = threading.Lock()

    def worker(chunk: list) -> None:
        own: list[float] = []
        try:
            receive_all(chunk, own)
        finally:
            connection.close()
            with lock:
                latencies.extend(own)

    threads = [threading.Thread(target=worker, args=(chunk,)) for chunk in chunks]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies


class StatementTimer:
    """An ``execute_wrapper`` that adds up the wall time spent inside each SQL statement."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.by_table: Counter = Counter()

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - started
            self.seconds += spent
            match = TABLE.match(sql)
            self.by_table[match.group(1) if match else sql.split(None, 1)[0].upper()] += spent


def count_statements(args: argparse.Namespace) -> dict[str, Any]:
    """Receive a sample of messages while counting and timing every SQL statement."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    messages = make_messages(args.warmup + args.n, args.sample, args.customers, "sample")
    timer = StatementTimer()
    started = time.perf_counter()
    with connection.execute_wrapper(timer), CaptureQueriesContext(connection) as ctx:
        receive_all(messages, [])
    wall = time.perf_counter() - started
    sql = [query["sql"] for query in ctx.captured_queries]
    data = [s for s in sql if not CONTROL.match(s)]
    return {
        "data": len(data) / len(messages),
        "control": (len(sql) - len(data)) / len(messages),
        "kinds": Counter(s.split(None, 1)[0].upper() for s in data),
        "tables": Counter((match.group(1) if (match := TABLE.match(s)) else "?") for s in data),
        "wall_ms": wall * 1000 / len(messages),
        "sql_ms": timer.seconds * 1000 / len(messages),
        "sql_ms_by_table": {name: spent * 1000 / len(messages) for name, spent in timer.by_table.most_common()},
    }


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    configure(args)
    from django.core import mail
    from django.db import connection

    from wagtail_helpdesk.models import OutboundMessage, Ticket
    from wagtail_helpdesk.testing.factories import QueueFactory

    mail.outbox = []  # the locmem backend of the test settings (not setup_test_environment: see common.py)
    old_name = connection.settings_dict["NAME"]
    print(f"creating and migrating a fresh {connection.vendor} database ...", flush=True)
    started = time.perf_counter()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    print(f"  {connection.settings_dict['NAME']} ready in {time.perf_counter() - started:.1f}s")
    try:
        facts = durability()
        queue = QueueFactory(slug="support", is_default=True)
        if not args.bare:
            common.seed_helpdesk(queue)
        receive_all(make_messages(0, args.warmup, args.customers, "warmup"), [])
        elapsed, latencies = timed_run(args)
        sample = count_statements(args)
        tickets = Ticket.objects.count()
        outbound = Counter(OutboundMessage.objects.values_list("state", flat=True))
    finally:
        if not args.keep_db:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            for folder in CLEANUP:
                shutil.rmtree(folder, ignore_errors=True)

    import django
    import wagtail

    latencies.sort()
    print()
    print("=== intake benchmark ===")
    print(f"python {sys.version.split()[0]}, Django {django.get_version()}, Wagtail {wagtail.__version__}")
    print(f"database: {connection.vendor} " + ", ".join(f"{k}={v}" for k, v in facts.items()))
    print(f"acknowledgement: {args.ack}; threads: {args.threads}; distinct senders: {args.customers}")
    print(f"tickets opened (timed): {args.n} in {elapsed:.2f}s")
    print(f"throughput: {args.n / elapsed:.0f} tickets/s")
    print(
        f"latency per ticket: median {statistics.median(latencies) * 1000:.2f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95) - 1] * 1000:.2f} ms, max {latencies[-1] * 1000:.2f} ms"
    )
    n = args.sample
    print(
        f"SQL per ticket (sample of {n}): {sample['data']:.1f} data statements + {sample['control']:.1f} "
        "SAVEPOINT/RELEASE (BEGIN/COMMIT are not logged statements)"
    )
    print("  by kind: " + ", ".join(f"{k} {v / n:.1f}" for k, v in sample["kinds"].most_common()))
    print("  by table: " + ", ".join(f"{k} {v / n:.1f}" for k, v in sample["tables"].most_common()))
    print(
        f"time per ticket in the sample: {sample['wall_ms']:.2f} ms, of which {sample['sql_ms']:.2f} ms "
        f"inside logged SQL statements (the rest: Python - ORM, templates, plugins, Celery - and commits)"
    )
    print("  SQL ms by table: " + ", ".join(f"{k} {v:.2f}" for k, v in sample["sql_ms_by_table"].items()))
    print(f"tickets in the database: {tickets}; outbound rows by state: {dict(outbound)}")


if __name__ == "__main__":
    main()
