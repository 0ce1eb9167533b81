"""How fast the knowledge-base search answers: 10,000 articles, 200 realistic queries, p50/p95.

Run from the repository root::

    python benchmarks/kb_search.py                                            # SQLite (a temp file)
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/helpdesk python benchmarks/kb_search.py
    python benchmarks/kb_search.py --articles 2000 --queries 100

A measurement, not a test: nothing is asserted.  Django is configured from
``tests/settings.py`` with the database from ``DATABASE_URL``; a fresh
database (``<name>_kbbench``, or a temporary SQLite file) is created,
migrated and dropped afterwards.

Seeding is fast rather than realistic in its path: page rows are
bulk-inserted (treebeard paths computed here, article rows by SQL, because
Django cannot bulk-create multi-table models), then the search index is
built with the backend's ``add_bulk``, as ``manage.py update_index`` does.
Every timed query goes through ``services.kb.search`` (Wagtail search on the
configured backend, the live/public/locale filters, hits with highlighted
summaries and categories), exactly as the JSON endpoint calls it.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEANUP: list[Path] = []

PRODUCTS = [
    "kettle", "toaster", "blender", "coffee grinder", "espresso machine", "frying pan", "saucepan", "knife set",
    "cutting board", "mixer", "juicer", "rice cooker", "slow cooker", "air fryer", "waffle iron", "teapot",
    "water filter", "scale", "microwave", "dishwasher", "fridge", "oven", "hob", "extractor hood", "vacuum cleaner",
    "iron", "steam mop", "fan", "heater", "lamp", "mug", "plate set", "glassware", "cutlery", "apron", "oven gloves",
]  # fmt: skip


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles to seed (default 10000)")
    parser.add_argument("--queries", type=int, default=200, help="timed queries (default 200)")
    parser.add_argument("--limit", type=int, default=10, help="results per query (default 10)")
    parser.add_argument("--seed", type=int, default=4, help="random seed")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database afterwards")
    parser.add_argument(
        "--reuse-db", action="store_true", help="reuse a database kept by --keep-db (skips the slow seeding)"
    )
    return parser.parse_args(argv)


def configure() -> None:
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    from tests import settings as base

    values = {name: getattr(base, name) for name in dir(base) if name.isupper()}
    database = dict(values["DATABASES"]["default"])
    if database["ENGINE"].endswith("sqlite3"):
        tmpdir = Path(tempfile.mkdtemp(prefix="helpdesk-kbbench-"))
        database["NAME"] = str(tmpdir / "bench.sqlite3")
        database["TEST"] = {"NAME": str(tmpdir / "test_bench.sqlite3")}
        CLEANUP.append(tmpdir)
    else:
        # Not the suite's test database: a benchmark may run while tests do.
        database["TEST"] = {"NAME": f"{database['NAME']}_kbbench"}
        database["CONN_MAX_AGE"] = None
    values["DATABASES"] = {"default": database}
    values["DEBUG"] = False
    values["LOGGING"] = {"version": 1, "disable_existing_loggers": False}
    settings.configure(**values)
    django.setup()


def seed(count: int, rng: random.Random) -> tuple[float, float]:
    """Bulk-create ``count`` articles in the corpus' categories; returns (seconds to insert, seconds to index)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from tests.kb import corpus
    from wagtail_helpdesk.models import KBArticlePage, KBArticleTag, KBCategoryPage
    from wagtail_helpdesk.services import kb_import
    from wagtail_helpdesk.testing.pages import default_site_root

    started = time.perf_counter()
    root = kb_import.load(default_site_root(), title="Help", slug="help", categories=corpus.CATEGORIES, articles=[])
    categories = {page.slug: page for page in KBCategoryPage.objects.child_of(root)}
    content_type = ContentType.objects.get_for_model(KBArticlePage)
    now = timezone.now()
    pages, rows, per_category = [], [], dict.fromkeys(categories, 0)
    for n in range(count):
        base = corpus.ARTICLES[n % len(corpus.ARTICLES)]
        product = rng.choice(PRODUCTS)
        category = categories[base["category"]]
        per_category[category.slug] += 1
        slug = f"{base['key']}-{n}"
        title = f"{base['title']}: {product}" if n >= len(corpus.ARTICLES) else base["title"]
        page = Page(
            title=title,
            draft_title=title,
            slug=slug,
            path=Page._get_path(category.path, category.depth + 1, per_category[category.slug]),
            depth=category.depth + 1,
            numchild=0,
            url_path=f"{category.url_path}{slug}/",
            content_type=content_type,
            locale_id=category.locale_id,
            live=True,
            translation_key=uuid.uuid4(),
            first_published_at=now,
            last_published_at=now,
        )
        pages.append(page)
        text = base["body"][0][1].replace("item", product)
        body = kb_import.body_from_plain([("paragraph", f"{text} This applies to the {product}.")])
        rows.append((base["summary"], json.dumps(body), product, base["tags"]))
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=1000)
        ids = dict(Page.objects.filter(depth=pages[0].depth, content_type=content_type).values_list("path", "pk"))
        table = KBArticlePage._meta.db_table
        with connection.cursor() as cursor:
            cursor.executemany(
                f'INSERT INTO "{table}" (page_ptr_id, summary, body, applies_to) VALUES (%s, %s, %s, %s)',
                [(ids[page.path], *row[:3]) for page, row in zip(pages, rows, strict=True)],
            )
        for category in categories.values():
            Page.objects.filter(pk=category.pk).update(numchild=per_category[category.slug])
        tags = {name: Tag.objects.get_or_create(name=name)[0] for row in rows for name in row[3]}
        KBArticleTag.objects.bulk_create(
            [
                KBArticleTag(tag=tags[name], content_object_id=ids[page.path])
                for page, row in zip(pages, rows, strict=True)
                for name in row[3]
            ],
            batch_size=2000,
        )
    inserted = time.perf_counter() - started
    started = time.perf_counter()
    backend = get_search_backend()
    queryset = KBArticlePage.objects.order_by("pk").prefetch_related("tagged_items__tag")
    for offset in range(0, count + len(corpus.ARTICLES), 1000):
        backend.add_bulk(KBArticlePage, list(queryset[offset : offset + 1000]))
    return inserted, time.perf_counter() - started


def queries(count: int, rng: random.Random) -> list[str]:
    """What customers type: the corpus' realistic questions, some naming a product, some misspelt."""
    from tests.kb import corpus

    base = [query for query, _key in corpus.SEARCH_CASES]
    result = []
    for n in range(count):
        query = base[n % len(base)]
        if n % 3 == 1:
            query = f"{query} {rng.choice(PRODUCTS)}"
        elif n % 7 == 2:  # a typo: swap two letters
            i = rng.randrange(1, max(len(query) - 2, 2))
            query = query[:i] + query[i + 1] + query[i] + query[i + 2 :]
        result.append(query)
    return result


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    configure()
    from django.db import connection
    from django.test.utils import setup_test_environment
    from wagtail.search.backends import get_search_backend

    from wagtail_helpdesk.models import KBArticlePage
    from wagtail_helpdesk.services import kb

    setup_test_environment()
    rng = random.Random(args.seed)
    old_name = connection.settings_dict["NAME"]
    print(f"creating and migrating a fresh {connection.vendor} database ...", flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.reuse_db)
    try:
        if args.reuse_db and KBArticlePage.objects.exists():
            print(f"  reusing {KBArticlePage.objects.count()} articles")
        else:
            inserted, indexed = seed(args.articles, rng)
            total = KBArticlePage.objects.count()
            print(f"  {total} articles: inserted in {inserted:.1f}s, indexed in {indexed:.1f}s")
        texts = queries(args.queries, rng)
        for text in texts[:20]:  # warm-up: caches, connection, query plans
            kb.search(text, limit=args.limit)
        latencies, found = [], 0
        for text in texts:
            started = time.perf_counter()
            hits = kb.search(text, limit=args.limit)
            latencies.append((time.perf_counter() - started) * 1000)
            found += bool(hits)
    finally:
        if not (args.keep_db or args.reuse_db):
            connection.creation.destroy_test_db(old_name, verbosity=0)
        for folder in CLEANUP:
            shutil.rmtree(folder, ignore_errors=True)

    import django
    import wagtail

    latencies.sort()
    p95 = latencies[max(int(len(latencies) * 0.95) - 1, 0)]
    print()
    print(f"backend   {type(get_search_backend()).__name__} on {connection.vendor}")
    print(f"versions  Django {django.get_version()}, Wagtail {wagtail.__version__}, Python {sys.version.split()[0]}")
    print(f"queries   {len(latencies)} (limit {args.limit}), {found} with at least one hit")
    print(f"latency   p50 {statistics.median(latencies):.1f} ms   p95 {p95:.1f} ms   max {latencies[-1]:.1f} ms")


if __name__ == "__main__":
    main()
