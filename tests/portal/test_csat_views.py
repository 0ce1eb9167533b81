"""The one-click satisfaction rating: signed links, one rating per ticket, hostile input."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.urls import reverse

from wagtail_helpdesk.models import SatisfactionRating
from wagtail_helpdesk.services import csat, portal
from wagtail_helpdesk.testing.factories import TicketFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket():
    return TicketFactory(status="solved")


def url(token: str, score: int) -> str:
    return reverse("wagtail_helpdesk:csat_rate", args=[token, score])


def test_one_click_stores_the_rating(client, ticket):
    response = client.get(url(csat.make_token(ticket), 5))
    assert response.status_code == 200
    assert SatisfactionRating.objects.get(ticket=ticket).score == 5
    assert ticket.reference in response.content.decode()


def test_clicking_another_score_changes_the_one_rating(client, ticket):
    token = csat.make_token(ticket)
    client.get(url(token, 5))
    client.get(url(token, 2))
    assert SatisfactionRating.objects.filter(ticket=ticket).count() == 1
    assert SatisfactionRating.objects.get(ticket=ticket).score == 2


def test_an_optional_comment_is_saved_and_escaped(client, ticket):
    token = csat.make_token(ticket)
    response = client.post(url(token, 4), {"comment": "<script>alert('x')</script> quick help"})
    assert response.status_code == 200
    rating = SatisfactionRating.objects.get(ticket=ticket)
    assert (rating.score, rating.comment) == (4, "<script>alert('x')</script> quick help")
    content = response.content.decode()
    assert "<script>alert('x')</script>" not in content
    assert "&lt;script&gt;" in content
    # A later click without a comment keeps it.
    client.get(url(token, 5))
    assert SatisfactionRating.objects.get(ticket=ticket).comment.endswith("quick help")


@pytest.mark.parametrize("score", [0, 6, 99])
def test_a_score_outside_one_to_five_is_rejected_and_nothing_stored(client, ticket, score):
    response = client.get(url(csat.make_token(ticket), score))
    assert response.status_code == 400
    assert "Choose a score from 1 to 5." in response.content.decode()
    assert not SatisfactionRating.objects.exists()


def test_a_comment_with_nul_characters_is_rejected_with_a_message(client, ticket):
    response = client.post(url(csat.make_token(ticket), 4), {"comment": "bad\x00byte"})
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    assert not SatisfactionRating.objects.filter(comment__contains="bad").exists()


def test_an_oversized_comment_is_rejected_and_the_score_kept(client, ticket):
    token = csat.make_token(ticket)
    client.get(url(token, 3))
    response = client.post(url(token, 3), {"comment": "x" * (csat.MAX_COMMENT + 1)})
    assert response.status_code == 400
    assert SatisfactionRating.objects.get(ticket=ticket).comment == ""


@pytest.mark.parametrize(
    "make_bad",
    [
        lambda t: csat.make_token(t)[:-2] + "xx",  # tampered signature
        lambda t: "not-a-token",
        lambda t: portal.make_token(t),  # a portal link is not a rating link (other salt)
        lambda t: signing.TimestampSigner(salt=csat.SALT).sign_object({"t": 999999}),  # unknown ticket
        lambda t: signing.TimestampSigner(salt=csat.SALT).sign_object({"t": "<b>1</b>"}),  # wrong type
    ],
)
def test_bad_links_are_a_404_that_names_no_ticket(client, ticket, make_bad):
    response = client.get(url(make_bad(ticket), 5))
    assert response.status_code == 404
    assert ticket.reference not in response.content.decode()
    assert not SatisfactionRating.objects.exists()


def test_an_expired_link_is_refused(client, ticket, settings):
    token = csat.make_token(ticket)
    settings.WAGTAIL_HELPDESK_PORTAL_LINK_MAX_AGE = -1
    assert client.get(url(token, 5)).status_code == 404


def test_one_tickets_link_cannot_rate_another_ticket(client, ticket):
    other = TicketFactory(status="solved")
    client.get(url(csat.make_token(ticket), 1))
    assert not SatisfactionRating.objects.filter(ticket=other).exists()


def test_the_survey_links_in_a_template_are_absolute_and_work(client, ticket):
    links = csat.links(ticket)
    assert sorted(links) == [f"url_{s}" for s in range(1, 6)]
    path = urlsplit(links["url_4"]).path
    assert path.startswith("/") and path.endswith("/4/")
    client.get(path)
    assert SatisfactionRating.objects.get(ticket=ticket).score == 4


def test_only_get_and_post_are_allowed(client, ticket):
    assert client.delete(url(csat.make_token(ticket), 5)).status_code == 405
