"""Built-in auto-reply: the reply template managers edit, in the customer's language,
else the packaged acknowledgement (new tickets) or agent-reply mail.

The language is the first of: the ticket's language, the customer's, the
site's default (``LANGUAGE_CODE``), each also by its base (``pl-PL`` → ``pl``);
then a template marked for every language.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from .. import hookimpl
from ..models import Customer, Message, ReplyTemplate, Ticket
from ..sanitize import clean_html
from ..services import csat, templating
from ..services.config_cache import TemplateData, snapshot
from ..services.outbox import EMAIL_CHANNELS
from ..types import AutoReply


def _languages(ticket: Ticket, language: str) -> list[str]:
    wanted = [language, ticket.language]
    if not (language or ticket.language) and ticket.customer_id:
        wanted.append(ticket.customer.language)
    wanted.append(settings.LANGUAGE_CODE)
    result: list[str] = []
    for code in wanted:
        code = (code or "").strip().lower().replace("_", "-")
        for candidate in (code, code.split("-")[0]):
            if candidate and candidate not in result:
                result.append(candidate)
    return result


def choose_template(ticket: Ticket, event: str, language: str) -> TemplateData | None:
    """The active template for ``event`` in the best language the customer can read."""
    templates = [t for t in snapshot().reply_templates if t.event == event]
    by_language = {t.language.strip().lower(): t for t in reversed(templates)}
    for code in _languages(ticket, language):
        if code in by_language:
            return by_language[code]
    return by_language.get("")


#: The event ``services.workflow.reply`` asks for, once per recipient of an agent's reply.
AGENT_REPLIED = "agent_replied"


def _reply_context(message: Message | None) -> dict:
    """The agent's reply as template variables: values, never template source.

    ``reply_html`` was sanitized when it was stored; it is cleaned again here
    because a plugin may hand over a message it built itself, and only then
    marked safe for the HTML template.
    """
    if message is None:
        return {"reply_text": "", "reply_html": ""}
    html = clean_html(message.body_html)
    return {"reply_text": message.body_text, "reply_html": mark_safe(html) if html else ""}


def _render_packaged(names: tuple[str, str, str], context: dict, language: str | None) -> tuple[str, str, str]:
    subject_name, text_name, html_name = names
    with translation.override(language):
        subject = render_to_string(subject_name, context).strip()
        body = render_to_string(text_name, context)
        html = render_to_string(html_name, context) if html_name else ""
    return " ".join(subject.split()), body, html


@hookimpl(trylast=True)
def helpdesk_choose_auto_reply(
    ticket: Ticket, event: str, language: str, message: Message | None, customer: Customer
) -> AutoReply | None:
    template = choose_template(ticket, event, language)
    extra: dict = {}
    if event == ReplyTemplate.Event.CSAT_REQUEST:
        extra["csat"] = csat.links(ticket)
    elif event == AGENT_REPLIED:
        extra.update(_reply_context(message))
    context = templating.ticket_context(ticket, customer, **extra)
    if template is not None:
        return AutoReply(
            subject=templating.render(template.subject, context),
            body_text=templating.render(template.body, context),
            template=template.name,
        )
    languages = _languages(ticket, language)
    if event == AGENT_REPLIED:
        if ticket.channel not in EMAIL_CHANNELS:
            return None  # chat and the like: the reply goes as the agent wrote it
        subject, body, html = _render_packaged(
            (
                "wagtail_helpdesk/email/agent_replied_subject.txt",
                "wagtail_helpdesk/email/agent_replied.txt",
                "wagtail_helpdesk/email/agent_replied.html",
            ),
            context,
            languages[0] if languages else None,
        )
        return AutoReply(subject=subject, body_text=body, body_html=html, template="default agent reply")
    if event != ReplyTemplate.Event.TICKET_CREATED:
        return None
    subject, body, _html = _render_packaged(
        (
            "wagtail_helpdesk/email/acknowledgement_subject.txt",
            "wagtail_helpdesk/email/acknowledgement.txt",
            "",
        ),
        context,
        languages[0] if languages else None,
    )
    return AutoReply(subject=subject, body_text=body, template="default acknowledgement")
