"""Built-in auto-reply: the reply template managers edit, in the customer's language,
else the packaged acknowledgement.

The language is the first of: the ticket's language, the customer's, the
site's default (``LANGUAGE_CODE``), each also by its base (``pl-PL`` → ``pl``);
then a template marked for every language.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from .. import hookimpl
from ..models import ReplyTemplate, Ticket
from ..services import csat, templating
from ..services.config_cache import TemplateData, snapshot
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


@hookimpl(trylast=True)
def helpdesk_choose_auto_reply(ticket: Ticket, event: str, language: str) -> AutoReply | None:
    template = choose_template(ticket, event, language)
    extra = {"csat": csat.links(ticket)} if event == ReplyTemplate.Event.CSAT_REQUEST else {}
    context = templating.ticket_context(ticket, **extra)
    if template is not None:
        return AutoReply(
            subject=templating.render(template.subject, context),
            body_text=templating.render(template.body, context),
            template=template.name,
        )
    if event != ReplyTemplate.Event.TICKET_CREATED:
        return None
    with translation.override(_languages(ticket, language)[0] if _languages(ticket, language) else None):
        subject = render_to_string("wagtail_helpdesk/email/acknowledgement_subject.txt", context).strip()
        body = render_to_string("wagtail_helpdesk/email/acknowledgement.txt", context)
    return AutoReply(subject=" ".join(subject.split()), body_text=body, template="default acknowledgement")
