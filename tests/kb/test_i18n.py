"""One article per locale: translations share a translation key, search and routing follow the language."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from wagtail_helpdesk.services import kb, kb_import

MULTILINGUAL = override_settings(
    WAGTAIL_I18N_ENABLED=True, WAGTAIL_CONTENT_LANGUAGES=[("en", "English"), ("pl", "Polski")]
)
pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.kb.urls_i18n")]


@pytest.fixture
def polish(small, small_kb):
    """The knowledge base copied into Polish, with the refund article translated."""
    locale = Locale.objects.create(language_code="pl")
    small_kb.copy_for_translation(locale, copy_parents=True)
    refund = small["refund-time"]
    refund.get_parent().copy_for_translation(locale)
    pl = refund.copy_for_translation(locale)
    pl.title = "Kiedy otrzymam zwrot pieniędzy?"
    pl.summary = "Ile trwa zwrot pieniędzy po otrzymaniu paczki."
    pl.slug = "zwrot-pieniedzy"
    pl.tags.set(["zwrot"])
    pl.body = kb_import.body_from_plain([("paragraph", "Zwracamy pieniądze w ciągu 14 dni.")])
    pl.save_revision().publish()
    pl.refresh_from_db()
    return pl


@MULTILINGUAL
def test_a_translation_shares_the_translation_key_and_lives_in_its_locale(small, polish):
    assert polish.translation_key == small["refund-time"].translation_key
    assert polish.locale.language_code == "pl"


@MULTILINGUAL
def test_search_returns_articles_of_the_active_language_only(small, polish):
    with translation.override("pl"):
        assert [hit.title for hit in kb.search("zwrot")] == [polish.title]
        assert small["refund-time"].pk not in [hit.id for hit in kb.search("refund")]
    with translation.override("en"):
        assert [hit.title for hit in kb.search("refund")] == ["When will I get my refund?"]
        assert kb.search("zwrot") == []


@MULTILINGUAL
def test_the_json_endpoint_follows_the_requested_language(client, small, polish):
    data = client.get(reverse("wagtail_helpdesk:kb_search"), {"q": "zwrot", "lang": "pl"}).json()
    assert [hit["title"] for hit in data["results"]] == [polish.title]


@MULTILINGUAL
def test_each_language_has_its_own_url_and_a_switcher_to_the_other(client, small, polish):
    english = small["refund-time"]
    assert english.url == "/en/help/returns/refund-time/"
    assert polish.url == "/pl/help/returns/zwrot-pieniedzy/"
    html = client.get(english.url).content.decode()
    assert f'href="{polish.url}" hreflang="pl" lang="pl"' in html
    polish_html = client.get(polish.url).content.decode()
    assert "Kiedy otrzymam zwrot pieniędzy?" in polish_html
    assert f'href="{english.url}" hreflang="en"' in polish_html


@MULTILINGUAL
def test_a_ticket_in_a_language_without_articles_gets_no_suggestions(small, django_capture_on_commit_callbacks):
    from wagtail_helpdesk.services import intake
    from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message

    QueueFactory(is_default=True)
    Locale.objects.create(language_code="pl")  # a locale, but no article in it
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message(subject="return an item", language="pl")).ticket

    assert not kb.has_live_articles(language="pl") and kb.has_live_articles(language="en")
    assert list(ticket.article_suggestions.all()) == []
