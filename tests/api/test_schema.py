"""The OpenAPI schema: valid, free of warnings, and the same as the checked-in docs/api/openapi.yaml.

After changing the API, regenerate the file with::

    python -m django spectacular_helpdesk --file docs/api/openapi.yaml --settings=tests.settings --pythonpath=.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wagtail_helpdesk.api.schema import generate_schema

CHECKED_IN = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"


def test_the_schema_validates_without_warnings():
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.validation import validate_schema

    GENERATOR_STATS.reset()
    schema = generate_schema()
    validate_schema(schema)
    assert not GENERATOR_STATS._warn_cache, list(GENERATOR_STATS._warn_cache)
    assert not GENERATOR_STATS._error_cache, list(GENERATOR_STATS._error_cache)


def test_the_schema_holds_only_the_helpdesk_api():
    paths = generate_schema()["paths"]
    assert paths
    assert all(path.startswith("/api/helpdesk/v1/") for path in paths)
    assert "/api/helpdesk/v1/gateway/messages/" in paths


def test_the_checked_in_schema_is_up_to_date():
    assert CHECKED_IN.is_file(), f"{CHECKED_IN} is missing"
    assert yaml.safe_load(CHECKED_IN.read_text(encoding="utf-8")) == generate_schema(), (
        "docs/api/openapi.yaml is stale; regenerate it (see this module's docstring)"
    )


@pytest.mark.django_db
def test_the_schema_and_docs_pages_are_served(client):
    schema = client.get("/api/helpdesk/v1/schema/?format=json")
    docs = client.get("/api/helpdesk/v1/docs/")
    assert schema.status_code == 200 and schema.json()["openapi"].startswith("3.")
    assert docs.status_code == 200
    assert b"swagger-ui" in docs.content
    assert b"cdn." not in docs.content and b"unpkg" not in docs.content  # served from the sidecar's static files
