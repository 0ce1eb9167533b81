"""The example site end to end: migrate, load the demo data twice, visit it.

It runs in subprocesses under the example site's own settings (the suite's
settings do not install the shop), against a throw-away SQLite file and mail
folder, exactly as ``make demo`` does before it starts the server.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MANAGE = REPO / "example_site" / "manage.py"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site_env(tmp_path_factory):
    var = tmp_path_factory.mktemp("example-site-var")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_"))}
    # Never the database or broker a CI leg exports for the suite: the demo gets its own SQLite file.
    env.update(DJANGO_SETTINGS_MODULE="example_site.settings.dev", EXAMPLE_SITE_VAR_DIR=str(var))
    return env, var


def run(env, *args, timeout=300) -> str:
    done = subprocess.run(
        [sys.executable, *map(str, args)], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def demo(site_env):
    env, var = site_env
    run(env, MANAGE, "migrate", "--noinput", "-v0")
    first = run(env, MANAGE, "load_demo_data")
    second = run(env, MANAGE, "load_demo_data")
    report = json.loads(run(env, Path(__file__).with_name("site_probe.py")))
    return {"first": first, "second": second, "report": report, "var": var}


def test_example_site_models_have_their_migrations(site_env):
    env, _var = site_env
    run(env, MANAGE, "makemigrations", "--check", "--dry-run", "home", "shop")


def test_demo_data_prints_where_to_log_in(demo):
    assert "Demo history created" in demo["first"]
    assert "Admin: http://127.0.0.1:8000/admin/  login admin / admin" in demo["first"]


def test_demo_has_three_hundred_tickets_in_every_status_from_both_channels(demo):
    report = demo["report"]
    assert report["tickets"] == 300
    assert report["statuses"] == ["closed", "new", "on_hold", "open", "pending", "solved"]
    assert report["channels"] == ["email", "web"]
    assert report["queues"] == ["general", "payments", "repair-desk", "returns"]
    assert report["without_reference"] == 0


def test_demo_history_reaches_back_about_two_months(demo):
    assert 45 <= demo["report"]["history_days"] <= 60


def test_demo_history_has_follow_ups_merges_and_delivered_mail(demo):
    report = demo["report"]
    assert report["follow_ups"] > 20
    assert report["merged"] >= 2
    assert report["outbound_not_sent"] == 0
    assert len(list((demo["var"] / "sent-mail").iterdir())) > 300


def test_shop_plugin_classified_the_demo_tickets(demo):
    assert demo["report"]["order_tagged"] > 200
    assert demo["report"]["returns_category"] > 30


def test_running_the_demo_loader_again_duplicates_nothing(demo):
    assert "already loaded" in demo["second"]
    assert "tickets:  300 " in demo["second"]


def test_visitor_sees_the_shop_and_opens_a_ticket_through_the_contact_page(demo):
    pages = demo["report"]["pages"]
    assert pages["home"] == [200, True]
    assert pages["contact"] == [200, True]
    assert pages["submitted"] == [200, True]
    assert pages["admin_login"] == [200]
    assert demo["report"]["submitted_ticket"] == {
        "queue": "returns",  # the category the customer chose
        "category": "returns",
        "custom_fields": {"order_number": "SO-10042"},
        "tags": ["order"],
    }


def test_demo_customer_logs_in_and_sees_their_requests_in_several_states(demo):
    assert "as customer / demo (" in demo["first"]
    assert demo["report"]["customer_login"] is True
    status, statuses = demo["report"]["portal"]
    assert status == 200 and statuses >= 3
    assert demo["report"]["login_page"] == 200  # a guest is sent to the shop's login page, not a 404


def test_agents_and_the_admin_can_log_in(demo):
    assert demo["report"]["agent_login"] is True
    assert demo["report"]["admin_home"] == 200
    assert demo["report"]["superuser_login"] is True


def test_agent_sees_the_customers_orders_beside_a_ticket_about_an_order(demo):
    panel = demo["report"]["panel"]
    # The help centre's suggestions for the ticket come after the shop's orders.
    assert panel["titles"] in (["Shop orders"], ["Shop orders", "Suggested articles"])
    assert panel["shows_order"] and panel["marks_ticket_order"]


def test_ticket_view_shows_the_orders_panel_and_the_demo_canned_responses(demo):
    assert demo["report"]["ticket_view"]["orders_panel"] is True
    assert demo["report"]["ticket_view"]["canned"] == ["Thanks, we are on it", "PL: Prosimy o numer zamówienia"]


def test_the_demo_site_serves_the_rest_api_and_its_docs(demo):
    assert demo["report"]["api"] == {"list": [200, 5], "docs": 200, "anonymous": 401}


def test_the_demo_site_serves_canned_responses_and_the_help_centre_over_the_api(demo):
    assert demo["report"]["api_reading"] == {
        "canned": True,
        "kb": {"en": [200, True], "pl": [200, True]},
        "kb_locales": ["en", "pl"],
    }


def test_the_help_centre_is_there_in_english_and_polish_and_in_the_sitemap(demo):
    kb = demo["report"]["kb"]
    assert kb["articles"] == ["en", "pl"]
    assert kb["untranslated"] == 0
    assert kb["pages"] == [200, 200]
    assert kb["search_hits"] >= 1
    assert kb["sitemap_has_articles"]
