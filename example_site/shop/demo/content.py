"""What the demo shop sells, who buys, and what they write to customer service.

Plain data for the demo loader.  Placeholders: ``{order}`` (an order of the
customer's, e.g. SO-10042), ``{product}``, ``{first}`` (the customer's first
name), ``{agent}`` (the answering agent's first name), ``{tracking}``,
``{days}``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

#: How far back the demo history reaches.
HISTORY_DAYS = 60

SHOP_NAME = "Hearth & Kettle"
SUPPORT_ADDRESS = "support@hearth-kettle.example"

HOME_INTRO = "Kitchenware that lasts: kettles, knives, cast iron and coffee gear, shipped across Europe."
HOME_BODY = (
    "<p>We are a small family shop. Everything we sell comes with at least two years of warranty, "
    "and our customer service team answers every message, usually within a working day.</p>"
)
CONTACT_INTRO = (
    "<p>Tell us what happened and quote your order number (for example <b>SO-10042</b>) if you have one. "
    "You will get a reference by email; just reply to that email to add anything later.</p>"
)
#: The contact page's "What is it about?" choices and the queue each one feeds.
CONTACT_CATEGORIES = [
    ("Order or delivery", "general"),
    ("Return or refund", "returns"),
    ("Warranty repair", "repair-desk"),
    ("Payment or invoice", "payments"),
    ("Something else", ""),
]
#: A shop customer with a site account: logs in to see their requests in the portal.
DEMO_CUSTOMER_USERNAME = "customer"
CONTACT_THANKS = "<p>Thank you! Our customer service team answers within one working day.</p>"

#: (name, SKU, price, warranty months)
PRODUCTS = [
    ("Copper kettle 1.7 l", "HK-KET-17", "89.00", 24),
    ("Barista Pro espresso machine", "HK-ESP-01", "649.00", 36),
    ("Burr coffee grinder", "HK-GRN-02", "159.00", 24),
    ("Cast iron skillet 28 cm", "HK-SKL-28", "64.90", 120),
    ("Chef's knife 20 cm", "HK-KNF-20", "119.00", 60),
    ("Stand mixer 5 l", "HK-MIX-05", "399.00", 36),
    ("PowerMix blender", "HK-BLD-10", "129.00", 24),
    ("Ceramic teapot 1 l", "HK-TEA-01", "39.50", 24),
    ("Bamboo cutting board", "HK-BRD-40", "29.90", 12),
    ("Four-slice toaster", "HK-TST-04", "79.00", 24),
    ("Digital kitchen scale", "HK-SCL-05", "24.90", 24),
    ("Linen apron", "HK-APR-01", "34.00", 12),
]

#: Forty customers of the shop: (first name, last name, email domain).
CUSTOMERS = [
    ("Agnieszka", "Wiśniewska", "example.com"),
    ("Tomasz", "Zieliński", "example.org"),
    ("Marta", "Kamińska", "example.net"),
    ("Kasia", "Lewandowska", "example.com"),
    ("Michał", "Dąbrowski", "example.org"),
    ("Oksana", "Melnyk", "example.net"),
    ("Andriy", "Kovalenko", "example.com"),
    ("Iryna", "Bondarenko", "example.org"),
    ("Dmytro", "Tkachenko", "example.net"),
    ("Natalia", "Kravchenko", "example.com"),
    ("Rūta", "Kazlauskienė", "example.org"),
    ("Mindaugas", "Jankauskas", "example.net"),
    ("Eglė", "Stankevičiūtė", "example.com"),
    ("Tomas", "Vasiliauskas", "example.org"),
    ("Greta", "Žukauskaitė", "example.net"),
    ("Lukas", "Becker", "example.com"),
    ("Sophie", "Schneider", "example.org"),
    ("Felix", "Hoffmann", "example.net"),
    ("Hannah", "Wagner", "example.com"),
    ("Jonas", "Fischer", "example.org"),
    ("Emily", "Carter", "example.net"),
    ("James", "Whitaker", "example.com"),
    ("Olivia", "Bennett", "example.org"),
    ("Harry", "Doyle", "example.net"),
    ("Grace", "Holloway", "example.com"),
    ("Lucía", "Fernández", "example.org"),
    ("Mateo", "García", "example.net"),
    ("Chiara", "Russo", "example.com"),
    ("Luca", "Bianchi", "example.org"),
    ("Camille", "Dubois", "example.net"),
    ("Hugo", "Lefèvre", "example.com"),
    ("Sanne", "de Vries", "example.org"),
    ("Daan", "Jansen", "example.net"),
    ("Freja", "Nielsen", "example.com"),
    ("Oskar", "Lindqvist", "example.org"),
    ("Aino", "Virtanen", "example.net"),
    ("Petra", "Novotná", "example.com"),
    ("Jakub", "Dvořák", "example.org"),
    ("Zsófia", "Nagy", "example.net"),
    ("Bence", "Kovács", "example.com"),
]

#: (username, first name, last name)
AGENTS = [
    ("anna", "Anna", "Kowalska"),
    ("piotr", "Piotr", "Nowak"),
    ("olena", "Olena", "Shevchenko"),
    ("jonas", "Jonas", "Petrauskas"),
]

#: (queue name, slug, is default, agents' usernames)
QUEUES = [
    ("General", "general", True, ["anna", "jonas"]),
    ("Returns", "returns", False, ["piotr", "anna"]),
    ("Repair desk", "repair-desk", False, ["olena"]),
    ("Payments", "payments", False, ["jonas"]),
]

ACKNOWLEDGEMENT_SUBJECT = "[{{ ticket.reference }}] We got your message: {{ ticket.subject }}"
ACKNOWLEDGEMENT_BODY = """Hello {{ customer.name }},

thank you for writing to Hearth & Kettle. Your message has the reference {{ ticket.reference }}.
One of us will answer within one working day; simply reply to this email if you want to add anything.

Warm regards,
the Hearth & Kettle customer service
"""


@dataclass(frozen=True)
class Scenario:
    """One kind of customer problem, with the words of both sides."""

    key: str
    #: The desk that ends up working it; tickets arrive in "general" and are transferred.
    queue: str
    weight: int
    subjects: tuple[str, ...]
    bodies: tuple[str, ...]
    #: The agent's first answer when it needs something from the customer (ticket becomes pending).
    questions: tuple[str, ...]
    #: The customer's answer to that question (through intake, by email, quoting the reference).
    answers: tuple[str, ...]
    #: The agent's answer that settles the matter (ticket becomes solved).
    resolutions: tuple[str, ...]
    #: Internal notes agents leave for each other.
    notes: tuple[str, ...]
    #: Why the ticket waits on a third party (on hold).
    hold_notes: tuple[str, ...] = ()
    with_order: bool = True
    with_photo: bool = False
    priority: int | None = None
    tags: tuple[str, ...] = ()


SCENARIOS = [
    Scenario(
        key="late-delivery",
        queue="general",
        weight=22,
        subjects=(
            "Where is my order {order}?",
            "Order {order} still not delivered",
            "Parcel tracking has not moved for {days} days",
            "Delivery of {order} is late",
        ),
        bodies=(
            "Hello, I ordered the {product} {days} days ago (order {order}) and it still has not arrived. "
            "The tracking page says 'in transit' since last week. Can you check what is going on?\n\n{first}",
            "Hi, my order {order} was supposed to arrive on Friday. Nothing came and nobody rang. "
            "Could you tell me where the parcel is?\n\nThanks, {first}",
            "Good morning. Tracking number {tracking} shows no movement for {days} days. "
            "The order is {order}. I need the {product} for a birthday on the weekend.\n\nBest, {first}",
        ),
        questions=(
            "Hello {first}, I am sorry for the wait. The courier reports a failed delivery attempt. "
            "Could you confirm your street address and a phone number the driver can call?\n\n{agent}, Hearth & Kettle",
            "Hi {first}, thanks for your patience. I asked the courier to trace the parcel {tracking}. "
            "Can you check with your neighbours whether they took it in?\n\n{agent}",
        ),
        answers=(
            "The address is correct, the flat number is 14. My phone is +370 600 12345. Thanks!",
            "None of the neighbours have it. Please send a new one if it is lost.",
            "Thanks, I will be at home all day tomorrow.",
        ),
        resolutions=(
            "Hi {first}, good news: the courier confirms delivery for tomorrow before noon. "
            "I have refunded the shipping cost as an apology.\n\n{agent}",
            "Hello {first}, the parcel was lost at the depot, so we sent a replacement today with express delivery "
            "(tracking {tracking}). You do not need to do anything.\n\n{agent}",
        ),
        notes=(
            "Courier opened an investigation, case number DPD-{days}118.",
            "Second complaint about this depot this week; told the logistics lead.",
        ),
        hold_notes=("Waiting for the courier's investigation result (usually 3 working days).",),
        tags=("courier",),
    ),
    Scenario(
        key="damaged",
        queue="returns",
        weight=14,
        subjects=(
            "{product} arrived damaged",
            "Broken item in order {order}",
        ),
        bodies=(
            "Hello, the box was crushed and the {product} inside is dented. Photo attached. "
            "Order {order}. I would like a replacement please.\n\n{first}",
            "Hi, I just unpacked order {order} and the {product} is broken. I attach a photo of the damage. "
            "What should I do now?\n\n{first}",
        ),
        questions=(
            "Hello {first}, I am sorry about that. Could you also send a photo of the outer box? "
            "The courier needs it for the damage claim.\n\n{agent}",
        ),
        answers=(
            "Here is the photo of the box, you can see the corner is crushed.",
            "I already threw the box away, sorry. Is the photo of the item enough?",
        ),
        resolutions=(
            "Hi {first}, a replacement {product} left our warehouse today. Please keep the damaged one; "
            "no need to send it back.\n\n{agent}",
            "Hello {first}, we have refunded the full price of the {product} to your card. "
            "It takes 3 to 5 working days to show up.\n\n{agent}",
        ),
        notes=("Damage claim filed with the courier.", "Replacement reserved in the warehouse."),
        hold_notes=("Waiting for the courier to collect the damaged item for inspection.",),
        with_photo=True,
        priority=3,
    ),
    Scenario(
        key="return",
        queue="returns",
        weight=14,
        subjects=(
            "I want to return the {product}",
            "Return request for order {order}",
            "How do I send back the {product}?",
        ),
        bodies=(
            "Hello, the {product} from order {order} is not what I expected and I would like to return it. "
            "It is unused and in its original packaging. How do I send it back?\n\n{first}",
            "Hi, I changed my mind about the {product} (order {order}). Can I return it for a refund?\n\n{first}",
        ),
        questions=(
            "Hello {first}, of course. I have emailed you a prepaid return label. "
            "Please let us know once you have dropped off the parcel.\n\n{agent}",
        ),
        answers=(
            "Thanks, I dropped it off at the parcel shop today.",
            "The label worked, the parcel is on its way back to you.",
        ),
        resolutions=("Hi {first}, your return has arrived and the refund for the {product} is on its way.\n\n{agent}",),
        notes=("Return label RL-{days}337 created.", "Item checked: unused, full refund approved."),
    ),
    Scenario(
        key="refund",
        queue="returns",
        weight=10,
        subjects=(
            "Refund for returned order {order}",
            "When will I get my money back?",
            "Refund still missing for {order}",
        ),
        bodies=(
            "Hello, I returned the {product} {days} days ago (order {order}) but I have not received a refund yet. "
            "Could you check?\n\n{first}",
            "Hi, the return of order {order} was delivered to you last week according to tracking. "
            "When will the refund arrive?\n\n{first}",
        ),
        questions=(
            "Hello {first}, I see the return in our system. Which payment method did you use for the order?\n\n{agent}",
        ),
        answers=("I paid by card.", "It was PayPal."),
        resolutions=(
            "Hi {first}, the refund was issued today. Depending on your bank it shows up within 5 working days."
            "\n\n{agent}",
        ),
        notes=("Refund was stuck in the payment provider's review; released manually.",),
        hold_notes=("Waiting for the payment provider to confirm the refund.",),
    ),
    Scenario(
        key="warranty",
        queue="repair-desk",
        weight=12,
        subjects=(
            "{product} stopped working",
            "Warranty repair for my {product}",
            "{product} is faulty",
        ),
        bodies=(
            "Hello, my {product} (order {order}) stopped working after {days} weeks. It does not switch on at all. "
            "It should still be under warranty. Can you repair it?\n\n{first}",
            "Hi, the {product} I bought from you makes a loud grinding noise since yesterday. "
            "Order number {order}. Is this covered by the warranty?\n\n{first}",
        ),
        questions=(
            "Hello {first}, sorry to hear that. Could you tell us the serial number on the bottom of the device "
            "and send a short video of the problem?\n\n{agent}, repair desk",
            "Hi {first}, please try a descaling cycle first (see page 12 of the manual). "
            "Does the noise remain afterwards?\n\n{agent}",
        ),
        answers=(
            "The serial number is SN-4471{days}. I have attached a video link: the noise starts after 10 seconds.",
            "I did the descaling, the noise is still there.",
        ),
        resolutions=(
            "Hello {first}, the repair is done (the motor was replaced under warranty) "
            "and your {product} is on its way back to you.\n\n{agent}",
            "Hi {first}, the {product} could not be repaired, so we are sending you a new one under warranty."
            "\n\n{agent}",
        ),
        notes=("Known issue with the first production batch, replace the pump.", "Courier pick-up booked."),
        hold_notes=("Device is at the manufacturer's service centre; they quote 10 working days.",),
        tags=("warranty",),
    ),
    Scenario(
        key="invoice",
        queue="payments",
        weight=9,
        subjects=(
            "Invoice for order {order}",
            "Invoice question about {order}",
        ),
        bodies=(
            "Hello, could you send me an invoice for order {order}? I need it for my company, "
            "VAT number LT100012345{days}.\n\n{first}",
            "Hi, the invoice for {order} has a typo in the company name. Could you issue a corrected one?\n\n{first}",
        ),
        questions=("Hello {first}, could you send us the full company name and address for the invoice?\n\n{agent}",),
        answers=("Of course: Kitchen Lab UAB, Gedimino pr. 1, Vilnius.",),
        resolutions=("Hi {first}, the corrected invoice is attached to this email.\n\n{agent}",),
        notes=("Invoice re-issued in the accounting system.",),
        tags=("invoice",),
    ),
    Scenario(
        key="double-charge",
        queue="payments",
        weight=6,
        subjects=("I was charged twice for {order}", "Double payment on my card"),
        bodies=(
            "Hello, my bank statement shows two payments for order {order}. Please refund one of them.\n\n{first}",
        ),
        questions=(
            "Hello {first}, I only see one captured payment on our side. Could the second one be a pending "
            "authorisation? Those disappear by themselves within a few days.\n\n{agent}",
        ),
        answers=("It is still there after five days, and it is marked as booked.",),
        resolutions=(
            "Hi {first}, you were right: the payment provider captured twice. The second payment was refunded today."
            "\n\n{agent}",
        ),
        notes=("Reported the double capture to the payment provider.",),
        hold_notes=("Waiting for the payment provider's answer about the double capture.",),
        priority=3,
    ),
    Scenario(
        key="product-question",
        queue="general",
        weight=8,
        subjects=(
            "Question about the {product}",
            "Before I order: {product}",
        ),
        bodies=(
            "Hello, before I order: can the {product} go into the dishwasher, or does it need hand washing?\n\n{first}",
            "Hi, I am thinking about buying the {product}. Does it work on an induction hob?\n\n{first}",
        ),
        questions=("Hello {first}, happy to help. Which model of hob do you have?\n\n{agent}",),
        answers=("It is a Bosch induction hob, about three years old.",),
        resolutions=(
            "Hi {first}, yes, it works on every induction hob. Hand washing keeps it nice for longer.\n\n{agent}",
        ),
        notes=("Added this question to the FAQ list for the product page.",),
        with_order=False,
    ),
    Scenario(
        key="change-order",
        queue="general",
        weight=5,
        subjects=("Change to order {order}", "Please help with order {order}"),
        bodies=(
            "Hello, I moved last week. Could you send order {order} to my new address instead?\n\n{first}",
            "Hi, please cancel order {order}, I ordered the {product} twice by mistake.\n\n{first}",
        ),
        questions=("Hello {first}, could you give us the new address, including the postcode?\n\n{agent}",),
        answers=("Laisvės al. 10-3, 44240 Kaunas.",),
        resolutions=("Hi {first}, done: the order has been updated.\n\n{agent}",),
        notes=("Warehouse confirmed the change before shipping.",),
    ),
]

#: What a customer writes when a solved ticket is fine for them.
THANKS = (
    "Thank you, that was quick!",
    "Received it today, all good. Thanks a lot.",
    "Great, thanks for your help.",
)

#: What a customer writes when they opened a second ticket about the same thing.
DUPLICATE_BODIES = (
    "I wrote to you already but got no answer yet. Order {order}, the {product}. Please reply.\n\n{first}",
    "Sending this again in case my first message got lost: it is about order {order}.\n\n{first}",
)


def customer_email(first: str, last: str, domain: str) -> str:
    """``Rūta Kazlauskienė`` -> ``ruta.kazlauskiene@example.org``."""
    return f"{_ascii(first)}.{_ascii(last)}@{domain}"


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.lower().replace("ł", "l"))
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())
