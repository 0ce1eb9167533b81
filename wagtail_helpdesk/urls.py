"""Include in the site's URLconf: ``path("helpdesk/", include("wagtail_helpdesk.urls"))``."""

from django.urls import include, path

from . import views
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
    *_channel_urls(),
]
