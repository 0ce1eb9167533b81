"""Builds the demo shop and two months of helpdesk history.

Everything a customer says goes through the real channel adapters (a web-form
payload, a raw email) and ``services.intake.receive()``; everything an agent
does goes through ``services.workflow``.  So the demo data is exactly what a
live site would have produced: references, routing, events, acknowledgements
and replies in the outbox, mail written by the configured mail backend.

Only the clock is faked.  The whole history runs in a few seconds, in the
order of the moments it stands for, and :class:`DemoClock` then moves every
timestamp back to its moment over the last 60 days (see :func:`rewrite_history`).

Safe to run again: set-up data is looked up before it is created, and the
ticket history is created once, in one transaction.
"""

from __future__ import annotations

import bisect
import random
import struct
import time
import unicodedata
import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.utils import timezone
from wagtail.models import Page, Site

from example_site.home.models import HomePage
from wagtail_helpdesk.models import (
    Attachment,
    ContactFormPage,
    Customer,
    InboundRecord,
    Message,
    OutboundMessage,
    Queue,
    ReplyTemplate,
    Status,
    Ticket,
    TicketEvent,
)
from wagtail_helpdesk.services import intake, workflow
from wagtail_helpdesk.services.channels import get_channel
from wagtail_helpdesk.types import InboundAttachment

from . import demo_content as content
from .demo_content import Scenario
from .models import Order, OrderLine, Product

User = get_user_model()

#: How far back the demo history reaches.
HISTORY_DAYS = 60
#: Tickets a customer opens a second time about the same matter; agents merge them.
DUPLICATES = 4
#: Deterministic ids, so a second run recognises the history it created.
ID_NAMESPACE = uuid.UUID("6f1d2c1e-8a55-4d0b-9d1e-2f4b8f3c0a11")
CUSTOMER_MAIL_DOMAIN = "mail.example"


@dataclass
class DemoResult:
    """What :func:`load` found or made, for the command's summary."""

    created_history: bool
    seconds: float
    products: int = 0
    orders: int = 0
    shop_customers: int = 0
    queues: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    tickets_by_status: dict[str, int] = field(default_factory=dict)
    tickets_by_channel: dict[str, int] = field(default_factory=dict)
    merged: int = 0
    messages: int = 0
    outbound_sent: int = 0
    contact_url: str = ""

    @property
    def tickets(self) -> int:
        return sum(self.tickets_by_status.values())


def load(*, tickets: int = 300, seed: int = 2026) -> DemoResult:
    """Create whatever of the demo is missing and return a summary."""
    started = time.monotonic()
    with transaction.atomic():
        queues = ensure_queues_and_agents()
        ensure_admin()
        contact = ensure_pages(queues["general"])
        products = ensure_products()
        ensure_orders(products, random.Random(seed))
        ensure_reply_templates()
    created = False
    if not history_exists():
        with transaction.atomic():
            HistoryBuilder(random.Random(seed + 1), queues, contact).build(tickets)
        created = True
    return _summary(created, time.monotonic() - started, contact)


# ---------------------------------------------------------------------------
# Set-up data: site, people, shop
# ---------------------------------------------------------------------------


def ensure_queues_and_agents() -> dict[str, Queue]:
    """The four desks, an agent group each, and the agents (password ``demo``)."""
    password = make_password("demo")  # hashed once: hashing is deliberately slow
    users = {}
    for username, first, last in content.AGENTS:
        user, _created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@hearth-kettle.example",
                "password": password,
            },
        )
        users[username] = user
    permissions = list(_agent_permissions())
    queues = {}
    for name, slug, is_default, members in content.QUEUES:
        queue, _created = Queue.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "is_default": is_default, "email": f"{slug}@hearth-kettle.example"},
        )
        group, _created = Group.objects.get_or_create(name=f"{name} agents")
        group.permissions.add(*permissions)
        queue.groups.add(group)
        for username in members:
            users[username].groups.add(group)
        queues[slug] = queue
    return queues


def _agent_permissions() -> Iterable[Permission]:
    """Log into the Wagtail admin and look at the helpdesk's configuration.

    Which tickets an agent works is decided by queue membership (the group), not by model permissions.
    """
    yield Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    yield from Permission.objects.filter(content_type__app_label="wagtail_helpdesk", codename__startswith="view_")


def ensure_admin() -> None:
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@hearth-kettle.example", "admin")


def ensure_pages(general: Queue) -> ContactFormPage:
    """The shop's home page as the site root, with the "Contact us" form below it."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=content.SHOP_NAME, slug="hearth-kettle", intro=content.HOME_INTRO, body=content.HOME_BODY
            )
        )
        site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", is_default_site=True)
        welcome = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = content.SHOP_NAME
        site.save()
        # Wagtail's initial migration creates a placeholder "Welcome" page as the site root.
        if welcome is not None and welcome.specific_class is Page and not welcome.get_children().exists():
            welcome.delete()
    contact = ContactFormPage.objects.child_of(home).filter(slug="contact-us").first()
    if contact is None:
        contact = home.add_child(
            instance=ContactFormPage(
                title="Contact us",
                slug="contact-us",
                intro=content.CONTACT_INTRO,
                thank_you_text=content.CONTACT_THANKS,
                queue=general,
            )
        )
    return contact


def ensure_products() -> list[Product]:
    products = []
    for name, sku, price, warranty in content.PRODUCTS:
        product, _created = Product.objects.get_or_create(
            sku=sku, defaults={"name": name, "price": Decimal(price), "warranty_months": warranty}
        )
        products.append(product)
    return products


def customer_email(first: str, last: str, domain: str) -> str:
    """``Rūta Kazlauskienė`` -> ``ruta.kazlauskiene@example.org``."""
    return f"{_ascii(first)}.{_ascii(last)}@{domain}"


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.lower().replace("ł", "l"))
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


def ensure_orders(products: list[Product], rng: random.Random) -> None:
    """One to four orders for each of the forty customers, numbered from SO-10001."""
    if Order.objects.exists():
        return
    now = timezone.now()
    number = 10001
    for first, last, domain in content.CUSTOMERS:
        email = customer_email(first, last, domain)
        for _ in range(rng.randint(1, 4)):
            placed_at = now - timedelta(days=rng.uniform(1, HISTORY_DAYS + 60), hours=rng.uniform(0, 12))
            age = (now - placed_at).days
            status = (
                Order.Status.PAID
                if age < 2
                else Order.Status.SHIPPED
                if age < 6
                else rng.choice([Order.Status.DELIVERED] * 6 + [Order.Status.RETURNED])
            )
            order = Order.objects.create(
                number=f"SO-{number}",
                email=email,
                customer_name=f"{first} {last}",
                status=status,
                placed_at=placed_at,
                tracking_code=f"DPD{rng.randint(10**9, 10**10 - 1)}" if status != Order.Status.PAID else "",
            )
            for product in rng.sample(products, rng.randint(1, 3)):
                OrderLine.objects.create(
                    order=order, product=product, quantity=rng.choice([1, 1, 1, 2]), unit_price=product.price
                )
            number += 1


def ensure_reply_templates() -> None:
    """The shop's own acknowledgement replaces the packaged one (edited under Helpdesk in the admin)."""
    ReplyTemplate.objects.get_or_create(
        name="Shop acknowledgement",
        defaults={
            "event": ReplyTemplate.Event.TICKET_CREATED,
            "subject": content.ACKNOWLEDGEMENT_SUBJECT,
            "body": content.ACKNOWLEDGEMENT_BODY,
        },
    )


# ---------------------------------------------------------------------------
# The history
# ---------------------------------------------------------------------------


def history_exists() -> bool:
    """Whether the first story's first message, by whichever channel it came, is already stored."""
    first = [f"web:{uuid.uuid5(ID_NAMESPACE, 'story-0').hex}", f"<demo-0-1@{CUSTOMER_MAIL_DOMAIN}>"]
    return InboundRecord.objects.filter(external_id__in=first).exists()


@dataclass
class Story:
    """One ticket's life: who writes about what, who answers, and where it ends."""

    number: int
    scenario: Scenario
    name: str
    email: str
    channel: str
    opened_at: datetime
    final: str
    triager: User
    owner: User
    words: dict[str, str]
    ticket: Ticket | None = None
    steps_sent: int = 0

    def say(self, rng: random.Random, choices: Iterable[str]) -> str:
        return rng.choice(list(choices)).format(**self.words)


@dataclass(order=True)
class Action:
    when: datetime
    seq: int
    run: Callable[[], object] = field(compare=False)


class DemoClock:
    """Maps the real moments the actions ran at to the moments they stand for.

    Before each action :meth:`mark` records (now, demo moment).  A timestamp
    written during an action keeps its tiny real offset from the action's
    start, so rows written by one action stay in order.
    """

    def __init__(self) -> None:
        self.real: list[datetime] = []
        self.demo: list[datetime] = []

    def mark(self, moment: datetime) -> None:
        self.real.append(timezone.now())
        self.demo.append(moment)

    def __call__(self, moment: datetime | None) -> datetime | None:
        if moment is None or not self.real or moment < self.real[0]:
            return moment
        i = bisect.bisect_right(self.real, moment) - 1
        mapped = self.demo[i] + (moment - self.real[i])
        return min(mapped, self.demo[i + 1]) if i + 1 < len(self.demo) else mapped


class HistoryBuilder:
    """Plans ~300 ticket stories, runs their actions in time order, then rewrites the clock."""

    def __init__(self, rng: random.Random, queues: dict[str, Queue], contact: ContactFormPage) -> None:
        self.rng = rng
        self.queues = queues
        self.contact = contact
        self.now = timezone.now()
        self.actions: list[Action] = []
        self.clock = DemoClock()
        self.agents = {
            slug: list(User.objects.filter(groups__helpdesk_queues=queue).distinct().order_by("username"))
            for slug, queue in queues.items()
        }
        self.anna = User.objects.get(username="anna")
        self.orders: dict[str, list[Order]] = {}
        for order in Order.objects.prefetch_related("lines__product"):
            self.orders.setdefault(order.email, []).append(order)
        self.photo = _photo_png()

    # -- planning -----------------------------------------------------------

    def build(self, count: int) -> None:
        started = timezone.now()
        stories = [self._story(n, when) for n, when in enumerate(self._opening_times(count - DUPLICATES))]
        for story in stories:
            self._plan(story)
        self._plan_duplicates(stories, count - DUPLICATES)
        for action in sorted(self.actions):
            self.clock.mark(action.when)
            action.run()
        rewrite_history(self.clock, since=started, rng=self.rng)

    def _opening_times(self, count: int) -> list[datetime]:
        """Spread over the last 60 days, busier in daytime and busier lately (the shop is growing)."""
        times = []
        for _ in range(count):
            day = HISTORY_DAYS * self.rng.random() ** 1.6
            moment = self.now - timedelta(days=day)
            hour = self.rng.choice([8, 9, 9, 10, 10, 11, 12, 13, 14, 14, 15, 16, 17, 19, 20, 21, 22])
            moment = moment.replace(hour=hour, minute=self.rng.randrange(60))
            if moment > self.now - timedelta(minutes=20):
                moment -= timedelta(days=1)
            times.append(moment)
        return sorted(times)

    def _story(self, number: int, opened_at: datetime) -> Story:
        rng = self.rng
        scenario = rng.choices(content.SCENARIOS, weights=[s.weight for s in content.SCENARIOS])[0]
        first, last, domain = rng.choice(content.CUSTOMERS)
        email = customer_email(first, last, domain)
        order = rng.choice(self.orders[email])
        product = rng.choice(list(order.lines.all())).product.name
        if not scenario.with_order:
            product = rng.choice(content.PRODUCTS)[0]
        owner = rng.choice(self.agents[scenario.queue])
        return Story(
            number=number,
            scenario=scenario,
            name=f"{first} {last}",
            email=email,
            channel="web" if rng.random() < 0.55 else "email",
            opened_at=opened_at,
            final=self._final_status(opened_at, scenario),
            triager=rng.choice(self.agents["general"]),
            owner=owner,
            words={
                "order": order.number,
                "product": product,
                "first": first,
                "agent": owner.first_name,
                "tracking": order.tracking_code or "DPD0000000000",
                "days": str(rng.randint(3, 12)),
            },
        )

    def _final_status(self, opened_at: datetime, scenario: Scenario) -> str:
        """Young tickets are mostly new or in progress, old ones mostly solved or closed."""
        age_days = (self.now - opened_at).total_seconds() / 86400
        if age_days < 1:
            weights = {Status.NEW: 60, Status.OPEN: 25, Status.PENDING: 15}
        elif age_days < 3:
            weights = {Status.NEW: 15, Status.OPEN: 30, Status.PENDING: 30, Status.ON_HOLD: 10, Status.SOLVED: 15}
        elif age_days < 10:
            weights = {
                Status.NEW: 3,
                Status.OPEN: 15,
                Status.PENDING: 25,
                Status.ON_HOLD: 12,
                Status.SOLVED: 30,
                Status.CLOSED: 15,
            }
        else:
            weights = {Status.OPEN: 4, Status.PENDING: 6, Status.ON_HOLD: 6, Status.SOLVED: 20, Status.CLOSED: 64}
        final = self.rng.choices(list(weights), weights=list(weights.values()))[0]
        if final == Status.ON_HOLD and not scenario.hold_notes:
            final = Status.PENDING
        return final

    def _plan(self, story: Story) -> None:
        """Turn a story into timed actions; gaps shrink to fit if the story is young."""
        s, rng = story.scenario, self.rng
        steps: list[tuple[tuple[float, float], Callable[[], object]]] = [((0, 0), lambda: self.customer_opens(story))]
        transferred = s.queue != "general"
        if story.final == Status.NEW:
            if transferred and rng.random() < 0.4:
                steps.append(((0.1, 4), lambda: self.transfer(story)))
            return self._schedule(story, steps)
        if transferred:
            steps.append(((0.1, 4), lambda: self.transfer(story)))
        steps.append(((0.1, 6), lambda: self.agent(story, workflow.claim)))
        if s.priority and rng.random() < 0.6:
            steps.append(((0.01, 0.2), lambda: self.agent(story, workflow.set_priority, s.priority)))
        if s.tags:
            steps.append(((0.01, 0.2), lambda: self.add_tags(story)))
        if rng.random() < 0.35:
            steps.append(((0.05, 2), lambda: self.note(story, s.notes)))
        ask = lambda: self.reply(story, s.questions, Status.PENDING)  # noqa: E731
        answer = lambda: self.customer_follows_up(story, s.answers)  # noqa: E731
        if story.final == Status.OPEN:
            if rng.random() < 0.5:
                steps += [((0.1, 3), ask), ((1, 40), answer)]
        elif story.final == Status.PENDING:
            steps.append(((0.1, 3), ask))
        elif story.final == Status.ON_HOLD:
            steps.append(((0.2, 8), lambda: self.put_on_hold(story)))
        else:
            if rng.random() < 0.6:
                steps += [((0.1, 3), ask), ((1, 40), answer)]
            steps.append(((0.5, 24), lambda: self.reply(story, s.resolutions, Status.SOLVED)))
            if story.final == Status.CLOSED:
                if rng.random() < 0.3:
                    steps.append(((1, 30), lambda: self.customer_follows_up(story, content.THANKS)))
                steps.append(((24, 120), lambda: self.agent(story, workflow.set_status, Status.CLOSED)))
        return self._schedule(story, steps)

    def _schedule(self, story: Story, steps: list[tuple[tuple[float, float], Callable[[], object]]]) -> None:
        gaps = [self.rng.uniform(lo, hi) for (lo, hi), _run in steps]
        room = (self.now - timedelta(minutes=10) - story.opened_at).total_seconds() / 3600
        scale = min(1.0, room / sum(gaps)) if sum(gaps) else 1.0
        moment = story.opened_at
        for gap, (_range, run) in zip(gaps, steps, strict=True):
            moment += timedelta(hours=gap * scale)
            self.actions.append(Action(moment, len(self.actions), run))

    def _plan_duplicates(self, stories: list[Story], first_number: int) -> None:
        """A few customers write again, through the other channel, before anyone answered."""
        candidates = [
            s
            for s in stories
            if s.scenario.queue in ("general", "returns")
            and s.final != Status.NEW
            and (self.now - s.opened_at).days >= 3
        ]
        for offset, original in enumerate(self.rng.sample(candidates, min(DUPLICATES, len(candidates)))):
            duplicate = Story(
                number=first_number + offset,
                scenario=original.scenario,
                name=original.name,
                email=original.email,
                channel="email" if original.channel == "web" else "web",
                opened_at=original.opened_at + timedelta(minutes=self.rng.uniform(5, 60)),
                final=Status.CLOSED,
                triager=self.anna,
                owner=self.anna,
                words=original.words,
            )
            body = duplicate.say(self.rng, content.DUPLICATE_BODIES)
            merge_at = duplicate.opened_at + timedelta(minutes=self.rng.uniform(2, 30))
            self.actions.append(
                Action(duplicate.opened_at, len(self.actions), lambda d=duplicate, b=body: self.customer_opens(d, b))
            )
            self.actions.append(Action(merge_at, len(self.actions), lambda d=duplicate, o=original: self.merge(d, o)))

    # -- what customers do ----------------------------------------------------

    def customer_opens(self, story: Story, body: str | None = None) -> None:
        s = story.scenario
        subject = story.say(self.rng, s.subjects)
        body = body or story.say(self.rng, s.bodies)
        photo = s.with_photo and self.rng.random() < 0.7
        if story.channel == "web":
            inbound = get_channel("web").parse(
                {
                    "token": uuid.uuid5(ID_NAMESPACE, f"story-{story.number}").hex,
                    "name": story.name,
                    "email": story.email,
                    "subject": subject,
                    "message": body,
                    "queue": self.contact.queue.slug,
                    "page": self.contact.pk,
                    "language": "en",
                    "ip": "192.0.2.10",
                    "user_agent": "Mozilla/5.0 (demo data)",
                    "attachments": [self._photo_attachment()] if photo else [],
                }
            )
        else:
            inbound = get_channel("email").parse(self._email(story, subject, body, photo=photo))
        story.ticket = intake.receive(inbound).ticket

    def customer_follows_up(self, story: Story, texts: Iterable[str]) -> None:
        """The customer answers the agent's email: the reference in the subject threads it."""
        ticket = self._fresh(story)
        subject = f"Re: [{ticket.reference}] {ticket.subject}"
        last_reply = ticket.messages.filter(kind=Message.Kind.REPLY).last()
        body = story.say(self.rng, texts)
        if last_reply is not None:
            quoted = "\n".join(f"> {line}" for line in last_reply.body_text.splitlines())
            body = f"{body}\n\n{content.SHOP_NAME} wrote:\n{quoted}"
        result = intake.receive(get_channel("email").parse(self._email(story, subject, body)))
        if result.created:
            raise RuntimeError(f"A follow-up quoting {ticket.reference} opened a new ticket instead of joining it.")

    def _email(self, story: Story, subject: str, body: str, *, photo: bool = False) -> bytes:
        story.steps_sent += 1
        mail = EmailMessage()
        mail["From"] = formataddr((story.name, story.email))
        mail["To"] = formataddr((f"{content.SHOP_NAME} support", content.SUPPORT_ADDRESS))
        mail["Subject"] = subject
        mail["Date"] = format_datetime(self.clock.demo[-1] if self.clock.demo else self.now)
        mail["Message-ID"] = f"<demo-{story.number}-{story.steps_sent}@{CUSTOMER_MAIL_DOMAIN}>"
        mail.set_content(body)
        if photo:
            mail.add_attachment(self.photo, maintype="image", subtype="png", filename="damage.png")
        return mail.as_bytes()

    def _photo_attachment(self) -> InboundAttachment:
        return InboundAttachment(filename="damage.png", content_type="image/png", content=self.photo)

    # -- what agents do ---------------------------------------------------------

    def _fresh(self, story: Story) -> Ticket:
        # Intake updates its own copy of the ticket (a customer's reply reopens it): re-read before acting.
        story.ticket = Ticket.objects.get(pk=story.ticket.pk)
        return story.ticket

    def agent(self, story: Story, action: Callable[..., object], *args: object) -> None:
        action(self._fresh(story), *args, by=story.owner)

    def transfer(self, story: Story) -> None:
        queue = self.queues[story.scenario.queue]
        workflow.transfer(self._fresh(story), by=story.triager, queue=queue, note=f"Passing this to {queue.name}.")

    def add_tags(self, story: Story) -> None:
        ticket = self._fresh(story)
        names = [*ticket.tags.values_list("name", flat=True), *story.scenario.tags]
        workflow.set_tags(ticket, names, by=story.owner)

    def note(self, story: Story, texts: Iterable[str]) -> None:
        workflow.add_note(
            self._fresh(story),
            by=story.owner,
            body_text=story.say(self.rng, texts),
            time_spent=timedelta(minutes=self.rng.choice([2, 3, 5])),
        )

    def reply(self, story: Story, texts: Iterable[str], status: str) -> None:
        workflow.reply(
            self._fresh(story),
            by=story.owner,
            body_text=story.say(self.rng, texts),
            status=status,
            time_spent=timedelta(minutes=self.rng.choice([4, 6, 8, 10, 15, 20, 30])),
        )

    def put_on_hold(self, story: Story) -> None:
        text = (
            "Hello {first}, we have passed this on and are waiting for an answer from our partner. "
            "We will write as soon as we hear back; you do not need to do anything.\n\n{agent}"
        )
        self.reply(story, [text], Status.ON_HOLD)
        self.note(story, story.scenario.hold_notes)

    def merge(self, duplicate: Story, original: Story) -> None:
        workflow.merge(self._fresh(duplicate), self._fresh(original), by=self.anna)


# ---------------------------------------------------------------------------
# Moving the history to the moments it stands for
# ---------------------------------------------------------------------------


def rewrite_history(clock: DemoClock, *, since: datetime, rng: random.Random) -> None:
    """Move every timestamp written since ``since`` to the demo moment it stands for.

    Demo only: the history was recorded in seconds, so "created" and "last
    activity" would all say "just now".  A live site never does this.  It uses
    ``bulk_update()`` (a queryset UPDATE) rather than ``save()`` on purpose:
    ``save()`` would reset the ``auto_now`` fields, and ticket events are
    append-only (``TicketEvent.save()`` refuses to change one).
    """
    _remap(
        Ticket.objects.filter(created_at__gte=since),
        ["created_at", "updated_at", "last_activity_at", "first_responded_at", "resolved_at", "closed_at"],
        clock,
    )
    _remap(Message.objects.filter(created_at__gte=since), ["created_at"], clock)
    _remap(TicketEvent.objects.filter(created_at__gte=since), ["created_at"], clock)
    _remap(InboundRecord.objects.filter(received_at__gte=since), ["received_at", "processed_at"], clock)
    _remap(Customer.objects.filter(created_at__gte=since), ["created_at"], clock)
    _remap(Attachment.objects.filter(created_at__gte=since), ["created_at"], clock)
    # Mail is delivered after the history's transaction commits: "sent" becomes a few seconds after "queued".
    outbound = list(OutboundMessage.objects.filter(created_at__gte=since))
    for row in outbound:
        row.created_at = clock(row.created_at)
        if row.sent_at is not None:
            row.sent_at = row.created_at + timedelta(seconds=rng.uniform(1, 20))
    OutboundMessage.objects.bulk_update(outbound, ["created_at", "sent_at"], batch_size=300)


def _remap(queryset: models.QuerySet, fields: list[str], clock: DemoClock) -> None:
    rows = list(queryset.only("pk", *fields))
    for row in rows:
        for name in fields:
            setattr(row, name, clock(getattr(row, name)))
    queryset.model.objects.bulk_update(rows, fields, batch_size=300)


def _photo_png(width: int = 48, height: int = 32) -> bytes:
    """A small real PNG (a dented copper-coloured gradient), so the attachment passes type sniffing."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(
        b"\x00" + b"".join(bytes((180 + x % 60, 90 + y * 2, 40 + (x * y) % 50)) for x in range(width))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _summary(created: bool, seconds: float, contact: ContactFormPage) -> DemoResult:
    tickets = Ticket.objects.all()
    return DemoResult(
        created_history=created,
        seconds=seconds,
        products=Product.objects.count(),
        orders=Order.objects.count(),
        shop_customers=Order.objects.values("email").distinct().count(),
        queues=[f"{q.name}{' (default)' if q.is_default else ''}" for q in Queue.objects.order_by("pk")],
        agents=[u.username for u in User.objects.filter(groups__helpdesk_queues__isnull=False).distinct()],
        tickets_by_status=dict(Counter(tickets.values_list("status", flat=True))),
        tickets_by_channel=dict(Counter(tickets.values_list("channel", flat=True))),
        merged=tickets.filter(merged_into__isnull=False).count(),
        messages=Message.objects.count(),
        outbound_sent=OutboundMessage.objects.filter(state=OutboundMessage.State.SENT).count(),
        contact_url=contact.url or "/contact-us/",
    )


__all__ = ["DemoResult", "load"]
