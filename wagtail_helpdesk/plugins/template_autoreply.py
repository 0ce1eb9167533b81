"""Built-in auto-reply: the reply template managers edit, else the packaged acknowledgement."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from .. import hookimpl
from ..models import ReplyTemplate, Ticket
from ..services import templating
from ..services.config_cache import snapshot
from ..types import AutoReply


@hookimpl(trylast=True)
def helpdesk_choose_auto_reply(ticket: Ticket, event: str, language: str) -> AutoReply | None:
    template = snapshot().reply_template(event, language)
    context = templating.ticket_context(ticket)
    if template is not None:
        return AutoReply(
            subject=templating.render(template.subject, context),
            body_text=templating.render(template.body, context),
            template=template.name,
        )
    if event != ReplyTemplate.Event.TICKET_CREATED:
        return None
    with translation.override(language or translation.get_language()):
        subject = render_to_string("wagtail_helpdesk/email/acknowledgement_subject.txt", context).strip()
        body = render_to_string("wagtail_helpdesk/email/acknowledgement.txt", context)
    return AutoReply(subject=" ".join(subject.split()), body_text=body, template="default acknowledgement")
