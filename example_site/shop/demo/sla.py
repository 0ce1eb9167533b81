"""The demo's SLA and automation configuration: what a real shop's manager would set up.

Three desks in three offices: the general desk in Warsaw, returns in Vilnius,
the repair desk in Kyiv, each with its business hours and national holidays;
SLA policies per desk (VIP customers first); automation rules that tell the
customer about their ticket, remind them, close solved tickets and ask for a
rating; and every customer-facing template in English, Polish, Ukrainian and
Lithuanian.

Loaded after the ticket history, so the history is what intake and workflow
made; :func:`start_clocks` then gives the open demo tickets their deadlines.
"""

from __future__ import annotations

from datetime import date, time

from wagtail_helpdesk.models import (
    AutomationRule,
    BusinessCalendar,
    BusinessHours,
    Holiday,
    Priority,
    Queue,
    ReplyTemplate,
    SLAPolicy,
    SLATarget,
    Status,
    Ticket,
)
from wagtail_helpdesk.services import sla

Event = ReplyTemplate.Event
Trigger = AutomationRule.Trigger

WEEKDAYS = range(5)

#: name, time zone, daily intervals (Mon-Fri), holidays.
CALENDARS = [
    (
        "Warsaw office",
        "Europe/Warsaw",
        [(time(8), time(16))],
        [
            (date(2026, 11, 11), "Narodowe Święto Niepodległości"),
            (date(2026, 12, 24), "Wigilia Bożego Narodzenia"),
            (date(2026, 12, 25), "Boże Narodzenie"),
            (date(2026, 12, 26), "Drugi dzień Bożego Narodzenia"),
            (date(2027, 1, 1), "Nowy Rok"),
            (date(2027, 1, 6), "Święto Trzech Króli"),
        ],
    ),
    (
        "Kyiv workshop",
        "Europe/Kyiv",
        [(time(9), time(13)), (time(14), time(18))],
        [
            (date(2026, 12, 25), "Різдво Христове"),
            (date(2027, 1, 1), "Новий рік"),
            (date(2027, 3, 8), "Міжнародний жіночий день"),
        ],
    ),
    (
        "Vilnius returns centre",
        "Europe/Vilnius",
        [(time(8), time(17))],
        [
            (date(2026, 12, 24), "Kūčios"),
            (date(2026, 12, 25), "Kalėdos"),
            (date(2026, 12, 26), "Antroji Kalėdų diena"),
            (date(2027, 1, 1), "Naujieji metai"),
            (date(2027, 2, 16), "Lietuvos valstybės atkūrimo diena"),
            (date(2027, 3, 11), "Lietuvos nepriklausomybės atkūrimo diena"),
        ],
    ),
]

#: Business minutes: priority → (first response, next response, resolution).
STANDARD = {
    Priority.LOW: (8 * 60, 16 * 60, 5 * 8 * 60),
    Priority.NORMAL: (4 * 60, 8 * 60, 3 * 8 * 60),
    Priority.HIGH: (60, 4 * 60, 8 * 60),
    Priority.URGENT: (30, 60, 4 * 60),
}
FAST = {priority: tuple(m // 2 for m in minutes) for priority, minutes in STANDARD.items()}

#: name, order, queue slug, calendar, customer segment, targets, escalation.
POLICIES = [
    ("VIP customers", 0, None, "Warsaw office", "VIP-*", FAST, {"raise_priority": True}),
    ("Repair desk", 10, "repair-desk", "Kyiv workshop", "", STANDARD, {"raise_priority": True}),
    ("Returns", 20, "returns", "Vilnius returns centre", "", STANDARD, {}),
    ("General", 30, None, "Warsaw office", "", STANDARD, {}),
]

TEMPLATES: dict[str, dict[str, tuple[str, str]]] = {
    Event.IN_PROGRESS: {
        "en": (
            "[{{ ticket.reference }}] We are working on your request",
            "Hello {{ customer.name }},\n\nan agent is now working on your request "
            '"{{ ticket.subject }}". We will write as soon as we know more.\n\n'
            "Follow it here: {{ portal_url }}\n\nHearth & Kettle customer service",
        ),
        "pl": (
            "[{{ ticket.reference }}] Zajmujemy się Twoim zgłoszeniem",
            "Dzień dobry {{ customer.name }},\n\nkonsultant zajmuje się już Twoim zgłoszeniem "
            "„{{ ticket.subject }}”. Napiszemy, gdy tylko będziemy wiedzieć więcej.\n\n"
            "Status sprawdzisz tutaj: {{ portal_url }}\n\nObsługa klienta Hearth & Kettle",
        ),
        "uk": (
            "[{{ ticket.reference }}] Ми працюємо над вашим зверненням",
            "Добрий день, {{ customer.name }}!\n\nНаш фахівець уже працює над вашим зверненням "
            "«{{ ticket.subject }}». Ми напишемо, щойно матимемо новини.\n\n"
            "Стежити за статусом: {{ portal_url }}\n\nСлужба підтримки Hearth & Kettle",
        ),
        "lt": (
            "[{{ ticket.reference }}] Jūsų užklausa nagrinėjama",
            "Sveiki, {{ customer.name }},\n\nmūsų konsultantas jau nagrinėja jūsų užklausą "
            "„{{ ticket.subject }}“. Parašysime, kai tik sužinosime daugiau.\n\n"
            "Būseną galite sekti čia: {{ portal_url }}\n\nHearth & Kettle klientų aptarnavimas",
        ),
    },
    Event.WAITING_ON_CUSTOMER: {
        "en": (
            "[{{ ticket.reference }}] We need your answer",
            'Hello {{ customer.name }},\n\nto continue with "{{ ticket.subject }}" we need a reply '
            "from you. Just answer this mail or write here: {{ portal_url }}\n\n"
            "Hearth & Kettle customer service",
        ),
        "pl": (
            "[{{ ticket.reference }}] Czekamy na Twoją odpowiedź",
            "Dzień dobry {{ customer.name }},\n\naby kontynuować sprawę „{{ ticket.subject }}”, "
            "potrzebujemy Twojej odpowiedzi. Wystarczy odpisać na tę wiadomość lub napisać tutaj: "
            "{{ portal_url }}\n\nObsługa klienta Hearth & Kettle",
        ),
        "uk": (
            "[{{ ticket.reference }}] Чекаємо на вашу відповідь",
            "Добрий день, {{ customer.name }}!\n\nЩоб продовжити роботу над «{{ ticket.subject }}», "
            "нам потрібна ваша відповідь. Просто дайте відповідь на цей лист або напишіть тут: "
            "{{ portal_url }}\n\nСлужба підтримки Hearth & Kettle",
        ),
        "lt": (
            "[{{ ticket.reference }}] Laukiame jūsų atsakymo",
            "Sveiki, {{ customer.name }},\n\nkad galėtume tęsti „{{ ticket.subject }}“, mums reikia "
            "jūsų atsakymo. Tiesiog atsakykite į šį laišką arba parašykite čia: {{ portal_url }}\n\n"
            "Hearth & Kettle klientų aptarnavimas",
        ),
    },
    Event.SOLVED: {
        "en": (
            "[{{ ticket.reference }}] Your request is solved",
            'Hello {{ customer.name }},\n\nwe have marked "{{ ticket.subject }}" as solved. '
            "If anything is still wrong, simply reply and we will reopen it.\n\n"
            "Hearth & Kettle customer service",
        ),
        "pl": (
            "[{{ ticket.reference }}] Zgłoszenie zostało rozwiązane",
            "Dzień dobry {{ customer.name }},\n\noznaczyliśmy sprawę „{{ ticket.subject }}” jako "
            "rozwiązaną. Jeśli coś jest nadal nie tak, po prostu odpisz, a otworzymy ją ponownie.\n\n"
            "Obsługa klienta Hearth & Kettle",
        ),
        "uk": (
            "[{{ ticket.reference }}] Ваше звернення вирішено",
            "Добрий день, {{ customer.name }}!\n\nМи позначили «{{ ticket.subject }}» як вирішене. "
            "Якщо щось досі не так, просто дайте відповідь, і ми відкриємо його знову.\n\n"
            "Служба підтримки Hearth & Kettle",
        ),
        "lt": (
            "[{{ ticket.reference }}] Jūsų užklausa išspręsta",
            "Sveiki, {{ customer.name }},\n\n„{{ ticket.subject }}“ pažymėjome kaip išspręstą. "
            "Jei kas nors vis dar negerai, tiesiog atsakykite ir mes ją vėl atversime.\n\n"
            "Hearth & Kettle klientų aptarnavimas",
        ),
    },
    Event.REMINDER: {
        "en": (
            "[{{ ticket.reference }}] Reminder: we are still waiting for your answer",
            "Hello {{ customer.name }},\n\nwe are still waiting for your reply about "
            '"{{ ticket.subject }}". Without it we cannot go on.\n\n{{ portal_url }}\n\n'
            "Hearth & Kettle customer service",
        ),
        "pl": (
            "[{{ ticket.reference }}] Przypomnienie: wciąż czekamy na odpowiedź",
            "Dzień dobry {{ customer.name }},\n\nwciąż czekamy na Twoją odpowiedź w sprawie "
            "„{{ ticket.subject }}”. Bez niej nie możemy kontynuować.\n\n{{ portal_url }}\n\n"
            "Obsługa klienta Hearth & Kettle",
        ),
        "uk": (
            "[{{ ticket.reference }}] Нагадування: ми досі чекаємо на вашу відповідь",
            "Добрий день, {{ customer.name }}!\n\nМи досі чекаємо на вашу відповідь щодо "
            "«{{ ticket.subject }}». Без неї ми не можемо продовжити.\n\n{{ portal_url }}\n\n"
            "Служба підтримки Hearth & Kettle",
        ),
        "lt": (
            "[{{ ticket.reference }}] Priminimas: vis dar laukiame jūsų atsakymo",
            "Sveiki, {{ customer.name }},\n\nvis dar laukiame jūsų atsakymo dėl „{{ ticket.subject }}“. "
            "Be jo negalime tęsti.\n\n{{ portal_url }}\n\nHearth & Kettle klientų aptarnavimas",
        ),
    },
    Event.CSAT_REQUEST: {
        "en": (
            "[{{ ticket.reference }}] How did we do?",
            "Hello {{ customer.name }},\n\nhow happy are you with how we handled "
            '"{{ ticket.subject }}"? One click is enough:\n\n'
            "1 (very unhappy) {{ csat.url_1 }}\n2 {{ csat.url_2 }}\n3 {{ csat.url_3 }}\n"
            "4 {{ csat.url_4 }}\n5 (very happy) {{ csat.url_5 }}\n\nThank you!\nHearth & Kettle",
        ),
        "pl": (
            "[{{ ticket.reference }}] Jak nam poszło?",
            "Dzień dobry {{ customer.name }},\n\njak oceniasz obsługę sprawy „{{ ticket.subject }}”? "
            "Wystarczy jedno kliknięcie:\n\n"
            "1 (bardzo źle) {{ csat.url_1 }}\n2 {{ csat.url_2 }}\n3 {{ csat.url_3 }}\n"
            "4 {{ csat.url_4 }}\n5 (bardzo dobrze) {{ csat.url_5 }}\n\nDziękujemy!\nHearth & Kettle",
        ),
        "uk": (
            "[{{ ticket.reference }}] Як ми впоралися?",
            "Добрий день, {{ customer.name }}!\n\nНаскільки ви задоволені тим, як ми вирішили "
            "«{{ ticket.subject }}»? Досить одного кліку:\n\n"
            "1 (дуже незадоволений) {{ csat.url_1 }}\n2 {{ csat.url_2 }}\n3 {{ csat.url_3 }}\n"
            "4 {{ csat.url_4 }}\n5 (дуже задоволений) {{ csat.url_5 }}\n\nДякуємо!\nHearth & Kettle",
        ),
        "lt": (
            "[{{ ticket.reference }}] Kaip mums sekėsi?",
            "Sveiki, {{ customer.name }},\n\nar esate patenkinti, kaip išsprendėme "
            "„{{ ticket.subject }}“? Užtenka vieno paspaudimo:\n\n"
            "1 (labai nepatenkintas) {{ csat.url_1 }}\n2 {{ csat.url_2 }}\n3 {{ csat.url_3 }}\n"
            "4 {{ csat.url_4 }}\n5 (labai patenkintas) {{ csat.url_5 }}\n\nAčiū!\nHearth & Kettle",
        ),
    },
}

#: name, trigger, fields.
RULES = [
    (
        "Tell the customer we are on it",
        Trigger.STATUS_CHANGED,
        {"status": Status.OPEN, "send_template": Event.IN_PROGRESS},
    ),
    (
        "Ask the customer for an answer",
        Trigger.STATUS_CHANGED,
        {"status": Status.PENDING, "send_template": Event.WAITING_ON_CUSTOMER},
    ),
    (
        "Tell the customer it is solved",
        Trigger.STATUS_CHANGED,
        {"status": Status.SOLVED, "send_template": Event.SOLVED},
    ),
    (
        "Urgent words raise the priority",
        Trigger.TICKET_CREATED,
        {"words": "urgent\npilne\nтерміново\nskubu", "set_priority": Priority.HIGH, "add_tags": "urgent"},
    ),
    ("Breaches go to the team", Trigger.SLA_BREACHED, {"notify_agents": True, "add_tags": "sla-breached"}),
    ("Remind after 3 days waiting", Trigger.PENDING_FOR, {"after_days": 3, "send_template": Event.REMINDER}),
    ("Ask for a rating when solved", Trigger.SOLVED_FOR, {"after_days": 0, "send_template": Event.CSAT_REQUEST}),
    ("Close solved tickets after 7 days", Trigger.SOLVED_FOR, {"after_days": 7, "set_status": Status.CLOSED}),
]


def ensure_sla_configuration() -> dict[str, int]:
    """Create the calendars, policies, templates and rules that are missing; returns counts."""
    calendars = {}
    for name, zone, intervals, holidays in CALENDARS:
        calendar, created = BusinessCalendar.objects.get_or_create(name=name, defaults={"time_zone": zone})
        if created:
            BusinessHours.objects.bulk_create(
                BusinessHours(calendar=calendar, weekday=day, opens=opens, closes=closes)
                for day in WEEKDAYS
                for opens, closes in intervals
            )
            Holiday.objects.bulk_create(Holiday(calendar=calendar, date=d, name=n) for d, n in holidays)
        calendars[name] = calendar
    queues = {q.slug: q for q in Queue.objects.all()}
    for name, order, queue_slug, calendar_name, segment, targets, escalation in POLICIES:
        policy, created = SLAPolicy.objects.get_or_create(
            name=name,
            defaults={
                "order": order,
                "queue": queues.get(queue_slug) if queue_slug else None,
                "calendar": calendars[calendar_name],
                "customer_segment": segment,
                "raise_priority": escalation.get("raise_priority", False),
            },
        )
        if created:
            SLATarget.objects.bulk_create(
                SLATarget(
                    policy=policy,
                    priority=priority,
                    first_response_minutes=first,
                    next_response_minutes=nxt,
                    resolution_minutes=resolution,
                )
                for priority, (first, nxt, resolution) in targets.items()
            )
    for event, languages in TEMPLATES.items():
        for language, (subject, body) in languages.items():
            ReplyTemplate.objects.get_or_create(
                event=event,
                language=language,
                defaults={"name": f"{Event(event).label} ({language})", "subject": subject, "body": body},
            )
    for order, (name, trigger, fields) in enumerate(RULES):
        AutomationRule.objects.get_or_create(name=name, defaults={"trigger": trigger, "order": order * 10, **fields})
    return {
        "calendars": BusinessCalendar.objects.count(),
        "policies": SLAPolicy.objects.count(),
        "rules": AutomationRule.objects.count(),
    }


def start_clocks() -> int:
    """Give active demo tickets that have none their deadlines (their history predates the policies)."""
    started = 0
    for ticket in (
        Ticket.objects.active()
        .filter(sla_check_at__isnull=True, resolution_due__isnull=True)
        .select_related("customer")
    ):
        if sla.recalculate(ticket):
            started += 1
    return started
