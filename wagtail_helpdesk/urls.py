"""Include in the site's URLconf: ``path("helpdesk/", include("wagtail_helpdesk.urls"))``."""

from django.urls import include, path

from . import csat_views, kb_views, portal_views, views
from .services.channels import get_channels

app_name = "wagtail_helpdesk"


def _channel_urls():
    return [
        path(f"channels/{code}/", include((channel.get_urls(), code)))
        for code, channel in get_channels().items()
        if channel.get_urls()
    ]


urlpatterns = [
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("portal/", portal_views.my_tickets, name="portal_tickets"),
    path("portal/tickets/<str:reference>/", portal_views.ticket_by_reference, name="portal_ticket"),
    path("portal/link/", portal_views.request_link, name="portal_request_link"),
    path("portal/t/<str:token>/", portal_views.ticket_by_link, name="portal_link"),
    path("rate/<str:token>/<int:score>/", csat_views.rate, name="csat_rate"),
    path("kb/search/", kb_views.search_json, name="kb_search"),
    path("kb/articles/<int:article_id>/feedback/", kb_views.feedback, name="kb_feedback"),
    path("kb/deflection/", kb_views.deflection, name="kb_deflection"),
    *_channel_urls(),
]
