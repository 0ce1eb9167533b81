"""Built-in ``kb-feedback`` channel: a "not helpful" vote with a comment becomes a ticket.

``services.kb_activity.vote`` hands the vote here; like every channel, this
only builds an ``InboundMessage`` for intake.  Answers go to the customer by
email.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import hookimpl
from ..exceptions import InvalidInbound
from ..services.mail import send_email
from ..types import Channel, DeliveryReceipt, InboundMessage, OutboundEnvelope


class KBFeedbackChannel(Channel):
    code = "kb-feedback"
    label = gettext_lazy("Knowledge-base feedback")

    def parse(self, payload: dict[str, Any]) -> InboundMessage:
        """``payload``: ``feedback_id``, ``article_id``, ``article_title``, ``article_url``, ``comment``, ``email``."""
        if not isinstance(payload, dict):
            raise InvalidInbound({"payload": _("Feedback must be a mapping.")})
        errors = {}
        feedback_id = payload.get("feedback_id")
        if not isinstance(feedback_id, int) or isinstance(feedback_id, bool):
            errors["feedback_id"] = _("Feedback without an id cannot be told apart from a re-delivery.")
        comment = str(payload.get("comment") or "").strip()
        if not comment:
            errors["body_text"] = _("Please tell us what was missing.")
        email = str(payload.get("email") or "").strip()
        if not email:
            errors["sender_email"] = _("Please give an email address so that we can answer you.")
        if errors:
            raise InvalidInbound(errors)
        title = str(payload.get("article_title") or "")
        url = str(payload.get("article_url") or "")
        body = _("Feedback on the article “%(title)s” (%(url)s):") % {"title": title, "url": url}
        return InboundMessage(
            channel=self.code,
            external_id=f"kb-feedback:{feedback_id}",
            sender_email=email,
            sender_name=str(payload.get("name") or ""),
            subject=_("Article feedback: %(title)s") % {"title": title} if title else _("Article feedback"),
            body_text=f"{body}\n\n{comment}",
            language=str(payload.get("language") or ""),
            metadata={"article": payload.get("article_id"), "feedback": feedback_id},
        )

    def send(self, envelope: OutboundEnvelope) -> DeliveryReceipt:
        return send_email(envelope)


@hookimpl
def helpdesk_register_channels() -> list[Channel]:
    return [KBFeedbackChannel()]
