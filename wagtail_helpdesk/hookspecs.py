"""The public plugin API of wagtail-helpdesk.

Every hook is named ``helpdesk_*`` and is called with keyword arguments only.
The docstrings below are the reference documentation; ``docs/plugins/hooks.rst``
renders them.  An implementation may accept fewer arguments than the spec
(pluggy's opt-in arguments).

Families, named by what the caller does with the result:

* registries ``helpdesk_register_*`` return a list; all results are collected;
* decisions (``firstresult``) return one answer or ``None`` for "not mine";
* contributions: every result is used and merged in a documented order;
* notifications: called after commit, the return value is ignored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .models import Customer, Message, Ticket
    from .types import (
        AutoReply,
        Channel,
        Classification,
        ContextPanel,
        InboundMessage,
        RoutingDecision,
        TicketEventPayload,
    )

hookspec = pluggy.HookspecMarker("wagtail_helpdesk")


# -------------------------------------------------------------------------
# Channels
# -------------------------------------------------------------------------


@hookspec
def helpdesk_register_channels() -> list[Channel]:
    """Return the channel adapters this plugin provides.

    Called once when the channel registry is first used
    (``wagtail_helpdesk.services.channels``); results from all plugins are
    collected.  When two plugins register the same ``code``, the most recently
    registered plugin's channel is used and ``manage.py check`` warns
    (``wagtail_helpdesk.W001``).

    :returns: a list of :class:`wagtail_helpdesk.types.Channel` instances.

    Built-in implementation: ``wagtail_helpdesk.plugins.webform`` (``web``),
    ``wagtail_helpdesk.plugins.email`` (``email``) and
    ``wagtail_helpdesk.plugins.api_channel`` (``api``: the REST API and its
    channel gateway) and ``wagtail_helpdesk.plugins.kb_feedback``
    (``kb-feedback``).

    Must not: touch the database or the network; registration happens at
    start-up.

    .. versionadded:: 0.1
    """


# -------------------------------------------------------------------------
# Intake: matching and classifying an inbound message
# -------------------------------------------------------------------------


@hookspec(firstresult=True)
def helpdesk_match_ticket(message: InboundMessage, customer: Customer) -> Ticket | None:
    """Find the existing ticket an inbound message continues.

    Called by ``services.intake.receive()`` inside its transaction, after the
    raw message is stored and the sender resolved to a customer.  Stops at
    first non-None result.

    :param message: the normalised inbound message.
    :param customer: the customer the sender resolved to (saved).
    :returns: the ticket to add the message to, or ``None`` when this plugin
        does not recognise it (intake then opens a new ticket).  Return a ticket
        only when the sender is entitled to it (its customer or a follower):
        a reference in a subject line is not proof of identity.

    An implementation may raise
    :class:`wagtail_helpdesk.exceptions.HoldMessage` instead: the message then
    joins no ticket and waits in quarantine for a manager's decision (intake
    answers with ``IntakeResult.held``).

    Built-in implementation: three plugins, consulted in this order (all
    ``trylast``; see "How threading decides" in the email docs):
    ``wagtail_helpdesk.plugins.reply_address`` (the per-ticket reply address),
    ``wagtail_helpdesk.plugins.reference_matcher`` (``message.ticket_reference``,
    Message-IDs in ``reply_to``, ticket references in ``reply_to`` and the
    subject) and ``wagtail_helpdesk.plugins.cross_channel`` (the customer's
    open ticket from another channel with a similar subject).  They apply
    ``WAGTAIL_HELPDESK_UNKNOWN_SENDER_REPLY`` to senders with no right to the
    ticket.

    Must not: create tickets or messages; do network I/O.

    .. versionadded:: 0.1
    """


@hookspec
def helpdesk_classify_message(message: InboundMessage, ticket: Ticket) -> Classification | None:
    """Contribute a classification of a new ticket's first message.

    Called by ``services.intake.receive()`` for new tickets only, before
    routing, while ``ticket`` is not yet saved.  Every non-None result is used:
    tags and custom fields are merged (later plugins win on a clash of custom
    field names), ``articles`` are concatenated without duplicates and stored
    as the ticket's suggested knowledge-base articles, and for ``priority``,
    ``queue`` and ``category`` the first non-None value in call order wins
    (pluggy calls the most recently registered plugin first, so site plugins
    come before built-ins).

    :param message: the normalised inbound message.
    :param ticket: the new, unsaved ticket (customer, channel, subject set).
    :returns: a :class:`wagtail_helpdesk.types.Classification` or ``None``.

    Built-in implementation: ``wagtail_helpdesk.plugins.kb_suggester`` (one
    knowledge-base search, sets ``articles``); ``example_site.shop`` shows one
    that recognises order numbers.

    Must not: save ``ticket``; do slow network I/O (intake holds a transaction).

    .. versionadded:: 0.1
    """


# -------------------------------------------------------------------------
# Routing
# -------------------------------------------------------------------------


@hookspec(firstresult=True)
def helpdesk_route_ticket(ticket: Ticket, message: InboundMessage) -> RoutingDecision | None:
    """Decide the queue and, optionally, the assignee of a new ticket.

    Called by ``services.intake.receive()`` after classification, before the
    ticket is first saved.  Stops at first non-None result.  The decision's
    ``reason`` is recorded in the ticket's ``routed`` event so a manager can
    see why a ticket went where it went; give it as a ``gettext_noop``
    message with ``reason_params`` so each agent reads it in their own
    language (see :class:`wagtail_helpdesk.types.RoutingDecision`).

    :param ticket: the new, unsaved ticket, with classification applied
        (``ticket.queue`` may already be set from the channel or a classifier).
    :param message: the inbound message that opens the ticket.
    :returns: a :class:`wagtail_helpdesk.types.RoutingDecision`, or ``None``
        to let the next router decide.

    Built-in implementation: four routers, in the order they are consulted
    (see the Routing page of the docs):

    1. ``rules_router`` (a ``wrapper=True`` implementation, so it runs around
       all the others): the first matching routing rule sets the queue (and an
       available assignee) on ``ticket`` before the chain, then puts its queue,
       assignee, priority and tags into the chain's decision and its name
       first in the reason.
    2. ``sticky_router``: for a queue with ``sticky`` on, the agent who had
       the customer's last ticket there, if available.
    3. ``load_router``: the queue's strategy (least loaded, round robin)
       picks an available agent; none available leaves it waiting unassigned.
    4. ``default_router`` (``trylast``): keeps the queue the channel asked
       for, else the queue marked default, and assigns nobody.

    Queue choice and assignee choice compose because (2) and (3) only pick an
    assignee, for ``ticket.queue_id`` or else the default queue, and return
    ``None`` when ``ticket.assignee_id`` is already set.  A plugin's own
    router (registered later) is called before (2)-(4), inside (1); one that
    only picks a queue should set ``ticket.queue_id`` and return ``None``.
    ``ticket.classified_tags`` holds the classifiers' tags (saved later).

    Must not: save ``ticket``; do network I/O.

    .. versionadded:: 0.1
    """


# -------------------------------------------------------------------------
# Replies
# -------------------------------------------------------------------------


@hookspec(firstresult=True)
def helpdesk_choose_auto_reply(
    ticket: Ticket, event: str, language: str, message: Message | None, customer: Customer
) -> AutoReply | None:
    """Choose the message sent to the customer for an event.

    Called by the services inside their transaction: by intake with
    ``event="ticket_created"`` for a new ticket, by
    ``services.workflow.set_status`` with ``event="status_changed"``, by
    automation rules with the event the rule names, and by
    ``services.workflow.reply`` with ``event="agent_replied"`` once for each
    recipient of an agent's public reply (the customer, then each CC'd
    follower).  Stops at first non-None result.  The message is queued in the
    outbox and delivered after commit.

    For ``"agent_replied"`` the returned message *is* the reply the customer
    receives, so it must carry the agent's text (``message.body_text``, and
    ``message.body_html`` when there is one, already sanitized); the outbox
    keeps the threading headers and the reply's attachments, whatever is
    returned.  Keep the ticket reference in the subject so the customer's
    answer threads back even when their client drops the headers.  When every
    implementation returns ``None`` the reply goes out as written, with the
    recipient's portal link under it in mail.  An implementation that answers
    every event alike therefore also replaces agent replies: return ``None``
    for events you do not handle.

    :param ticket: the ticket (saved).
    :param event: what happened: ``"ticket_created"``, ``"status_changed"``,
        ``"agent_replied"``, or an automation rule's event (``"in_progress"``,
        ``"waiting_on_customer"``, ``"solved"``, ``"reminder"``,
        ``"csat_request"``).
    :param language: the customer's language code, or ``""`` when unknown.
    :param message: the message the event is about: the agent's reply for
        ``"agent_replied"``, the customer's first message for
        ``"ticket_created"``; ``None`` for the other events.
    :param customer: who the message goes to.  Their signed portal link
        (``services.portal.portal_url(ticket, customer)``) differs from the
        ticket owner's for a CC'd follower.
    :returns: a :class:`wagtail_helpdesk.types.AutoReply`, or ``None`` to send
        nothing (unless a later plugin chooses something; for
        ``"agent_replied"``: to send the reply as written).

    Built-in implementation: ``wagtail_helpdesk.plugins.template_autoreply``
    (``trylast``): the matching reply template edited in the admin, else the
    packaged default acknowledgement (``ticket_created``) or, for
    ``agent_replied`` on the mail channels, the packaged templates
    ``wagtail_helpdesk/email/agent_replied_subject.txt``, ``agent_replied.txt``
    and ``agent_replied.html``.  Their context: ``ticket`` (``reference``,
    ``subject``, ``status``, ``priority``), ``customer`` (``name``,
    ``email``), ``portal_url``, ``reply_text`` (the reply as the agent wrote
    it) and ``reply_html`` (its sanitized HTML, empty when the agent wrote
    plain text).

    Must not: send anything itself; the outbox delivers.  Must not evaluate
    the reply's text as template code: it is the agent's (and often the
    customer's quoted) words.

    .. versionadded:: 0.1
    """


# -------------------------------------------------------------------------
# Events
# -------------------------------------------------------------------------


@hookspec
def helpdesk_ticket_event(event: TicketEventPayload) -> None:
    """React to a change of a ticket.

    Called after the transaction that recorded the event commits, once per
    event, in order.  A change that rolled back is never announced.  The return
    value is ignored; an exception is logged and does not affect the change or
    other plugins.

    :param event: a :class:`wagtail_helpdesk.types.TicketEventPayload`.

    Built-in implementation: ``wagtail_helpdesk.plugins.agent_notifier``
    (queues the task that notifies agents in the admin and by mail through the
    outbox), ``wagtail_helpdesk.plugins.webhooks`` (writes a delivery row per
    subscribed webhook endpoint and queues its Celery task) and
    ``wagtail_helpdesk.plugins.automation`` (the admin's event-driven
    automation rules).

    Must not: block for long; queue a Celery task for slow work (webhooks,
    notifications to other systems), preferably with
    :func:`wagtail_helpdesk.services.queueing.queue_task`, which sends the
    tasks every plugin queues for one announcement (a new ticket, a mailbox
    poll's fifty) in one broker message.

    .. versionadded:: 0.1
    """


# -------------------------------------------------------------------------
# Agent UI
# -------------------------------------------------------------------------


@hookspec
def helpdesk_customer_context_panels(customer: Customer, ticket: Ticket, request: HttpRequest) -> list[ContextPanel]:
    """Contribute panels about the customer to the agent's ticket view.

    Called by ``wagtail_helpdesk.admin.panels`` when an agent opens a ticket;
    all results are collected and sorted by ``order`` then title.  Typical use:
    the shop's recent orders for this customer.

    :param customer: the ticket's customer.
    :param ticket: the ticket being viewed.
    :param request: the agent's request (for permission checks).
    :returns: a list of :class:`wagtail_helpdesk.types.ContextPanel`.

    Built-in implementation: none; ``example_site.shop`` shows the customer's
    orders.

    Must not: make slow network calls without a timeout and a cache; the agent
    is waiting.

    .. versionadded:: 0.1
    """
