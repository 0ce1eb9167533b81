"""Indexes only PostgreSQL has: trigram indexes for the queue's search and a GIN index for knowledge-base search.

Django's schema has no portable way to say either, so they are created here,
on PostgreSQL only; on other databases this migration does nothing.
"""

from django.db import migrations

#: Trigram indexes on exactly the expressions Django's ``icontains`` compiles to
#: on PostgreSQL (``UPPER(col::text) LIKE UPPER(%s)``), so the queue's search over
#: subject, reference, customer and message text uses an index instead of
#: scanning every message.  Other databases search the same way, unindexed.
SEARCH_INDEXES = [
    ("helpdesk_tkt_subject_trgm", "wagtail_helpdesk_ticket", "subject"),
    ("helpdesk_tkt_reference_trgm", "wagtail_helpdesk_ticket", "reference"),
    ("helpdesk_cust_name_trgm", "wagtail_helpdesk_customer", "name"),
    ("helpdesk_cust_email_trgm", "wagtail_helpdesk_customer", "email"),
    ("helpdesk_msg_text_trgm", "wagtail_helpdesk_message", "body_text"),
]


def create_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in SEARCH_INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in SEARCH_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


#: Wagtail's PostgreSQL search filters on ``title || body`` but indexes the two
#: columns apart, so every search scans the whole index table.  This GIN index
#: on the expression lets PostgreSQL use the index (10,000 articles: p50 from
#: about 300 ms to 35 ms in benchmarks/kb_search.py).  Other databases: no-op.
DOCUMENT_INDEX = "helpdesk_kb_indexentry_document_gin"


def create_document_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {DOCUMENT_INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_document_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {DOCUMENT_INDEX}")


def create_indexes(apps, schema_editor):
    create_search_indexes(apps, schema_editor)
    create_document_index(apps, schema_editor)


def drop_indexes(apps, schema_editor):
    drop_search_indexes(apps, schema_editor)
    drop_document_index(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_helpdesk", "0001_initial"),
        ("wagtailsearch", "0006_customise_indexentry"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
