"""Customer- and agent-facing plain Django views: thin wrappers around services."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .models import Attachment
from .services import attachments, portal
from .services.permissions import can_work, customer_can_view, customer_of


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """Serve an attachment to an agent of its ticket, to the customer who owns it, or to a signed link.

    ``?link=<token>`` is the portal's signed link: it opens the public
    attachments of that one ticket, for guests without an account.
    ``?inline=<token>`` is the short-lived signature of one inline image that
    the agent's ticket view puts in a message's HTML (see
    :func:`~wagtail_helpdesk.services.attachments.inline_image_urls`).

    Internal-note attachments are never served to customers.  Everyone else
    gets a 404, not a 403, so ids reveal nothing.
    """
    link = request.GET.get("link", "")
    inline = request.GET.get("inline", "")
    if not request.user.is_authenticated and not link and not inline:
        return redirect_to_login(request.get_full_path())
    attachment = get_object_or_404(Attachment.objects.select_related("message__ticket"), pk=pk)
    ticket = attachment.message.ticket
    if link:
        # A guest's signed portal link for this ticket opens its public attachments.
        access = portal.read_token(link)
        allowed = access is not None and access.ticket.pk == ticket.pk and attachment.message.is_public
    elif inline and attachments.inline_token_allows(inline, attachment.pk):
        allowed = True
    elif not request.user.is_authenticated:
        allowed = False
    else:
        allowed = can_work(request.user, ticket) or (
            attachment.message.is_public and customer_can_view(customer_of(request.user), ticket)
        )
    if not allowed:
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
