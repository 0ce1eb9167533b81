"""Canned responses of the demo shop: what its agents insert into replies most days.

Plain text with the placeholders ``services.templating`` fills in; one set for
every desk, a few restricted to the desk they belong to, and Polish versions
for the shop's Polish customers.
"""

from __future__ import annotations

from wagtail_helpdesk.models import CannedResponse, Queue

#: (title, queue slug or None for every desk, body)
CANNED_RESPONSES = [
    (
        "Thanks, we are on it",
        None,
        "Hello {{ customer.name }},\n\nthank you for writing to us. We are looking into {{ ticket.reference }} "
        "and will get back to you today.\n\nBest regards,\n{{ agent.name }}\nHearth & Kettle",
    ),
    (
        "Need your order number",
        None,
        "Hello {{ customer.name }},\n\ncould you send us your order number (it starts with SO-)? "
        "Then we can find your parcel straight away.\n\n{{ agent.name }}",
    ),
    (
        "Return label sent",
        "returns",
        "Hello {{ customer.name }},\n\nwe have emailed you a prepaid return label for {{ ticket.reference }}. "
        "Print it, stick it on the parcel and drop it at any post office. The refund follows within 5 working "
        "days of the parcel reaching us.\n\n{{ agent.name }}",
    ),
    (
        "Repair: please send a photo",
        "repair-desk",
        "Hello {{ customer.name }},\n\nsorry about the trouble. Could you send a photo of the fault and the "
        "serial number from the base? You can reply here: {{ portal_url }}\n\n{{ agent.name }}, repair desk",
    ),
    (
        "PL: Dziękujemy, zajmujemy się tym",
        None,
        "Dzień dobry {{ customer.name }},\n\ndziękujemy za wiadomość. Zajmujemy się zgłoszeniem "
        "{{ ticket.reference }} i odezwiemy się jeszcze dziś.\n\nPozdrawiamy,\n{{ agent.name }}\nHearth & Kettle",
    ),
    (
        "PL: Prosimy o numer zamówienia",
        None,
        "Dzień dobry {{ customer.name }},\n\nprosimy o numer zamówienia (zaczyna się od SO-), "
        "abyśmy mogli od razu odnaleźć przesyłkę.\n\n{{ agent.name }}",
    ),
]


def ensure_canned_responses(queues: dict[str, Queue]) -> int:
    """Create the canned responses that are missing (looked up by title); returns how many exist."""
    for title, slug, body in CANNED_RESPONSES:
        CannedResponse.objects.get_or_create(title=title, defaults={"body": body, "queue": queues.get(slug)})
    return CannedResponse.objects.count()
