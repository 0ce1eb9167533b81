"""Two months of helpdesk history, made through intake and the workflow.

Each ticket is a :class:`Story`: who writes about what, who answers, and
where it ends.  Stories become timed :class:`Action` s; all actions run in the
order of the moments they stand for, then :func:`.clock.rewrite_history`
moves the timestamps to those moments.
"""

from __future__ import annotations

import random
import struct
import uuid
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail_helpdesk.models import ContactFormPage, InboundRecord, Message, Queue, Status, Ticket
from wagtail_helpdesk.services import intake, workflow
from wagtail_helpdesk.services.channels import get_channel
from wagtail_helpdesk.types import InboundAttachment

from ..models import Order
from . import content
from .clock import DemoClock, rewrite_history
from .content import HISTORY_DAYS, Scenario, customer_email

User = get_user_model()

#: Tickets a customer opens a second time about the same matter; agents merge them.
DUPLICATES = 4
#: Deterministic ids, so a second run recognises the history it created.
ID_NAMESPACE = uuid.UUID("6f1d2c1e-8a55-4d0b-9d1e-2f4b8f3c0a11")
CUSTOMER_MAIL_DOMAIN = "mail.example"


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
