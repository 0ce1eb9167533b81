"""Typing into the contact form shows matching help articles; opening one is recorded."""

import pytest

from tests.kb.conftest import small, small_kb  # noqa: F401  fixtures
from wagtail_helpdesk.models import ContactFormPage, DeflectionEvent, DeflectionKind
from wagtail_helpdesk.testing.factories import QueueFactory
from wagtail_helpdesk.testing.pages import default_site_root

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def contact_page(small_kb):  # noqa: F811
    queue = QueueFactory(slug="general", name="General", is_default=True)
    return default_site_root().add_child(instance=ContactFormPage(title="Contact us", slug="contact", queue=queue))


def test_typing_a_subject_suggests_an_article_and_opening_it_is_recorded(live_server, page, contact_page, small):  # noqa: F811
    page.goto(live_server.url + contact_page.url)
    assert not page.is_visible(".kb-suggestions")
    page.get_by_label("Subject").press_sequentially("When is my refund coming", delay=20)
    link = page.locator(".kb-suggestions a", has_text="When will I get my refund?")
    link.wait_for(timeout=10_000)
    assert page.is_visible(".kb-suggestions")
    with page.context.expect_page() as opened:
        link.click()
    opened.value.wait_for_load_state()
    assert "/help/returns/refund-time/" in opened.value.url
    page.wait_for_function("true")  # let the event requests finish
    for _ in range(50):
        kinds = set(DeflectionEvent.objects.values_list("kind", flat=True))
        if DeflectionKind.ARTICLE_OPENED in kinds:
            break
        page.wait_for_timeout(100)
    assert {DeflectionKind.SUGGESTIONS_SHOWN, DeflectionKind.ARTICLE_OPENED} <= kinds
    assert DeflectionEvent.objects.get(kind=DeflectionKind.ARTICLE_OPENED).article_id == small["refund-time"].pk

    # Leaving the form after reading an article is recorded by a beacon as the page goes away;
    # wait for it here, so it never reaches the server while the test database is being flushed.
    opened.value.close()
    page.goto("about:blank")
    left = DeflectionEvent.objects.filter(kind=DeflectionKind.LEFT_WITHOUT_SUBMITTING)
    for _ in range(100):
        if left.exists():
            break
        page.wait_for_timeout(100)
    assert left.get().article_id == small["refund-time"].pk


def test_markup_in_an_article_title_is_shown_as_text(live_server, page, contact_page, small):  # noqa: F811
    article = small["payment-methods"]
    article.title = "Pay <img src=x onerror=window.hacked=1> safely"
    article.save_revision().publish()
    page.goto(live_server.url + contact_page.url)
    page.get_by_label("Subject").press_sequentially("payment methods", delay=20)
    page.locator(".kb-suggestions a", has_text="Pay <img").wait_for(timeout=10_000)
    assert page.evaluate("window.hacked") is None
    assert page.locator(".kb-suggestions img").count() == 0
