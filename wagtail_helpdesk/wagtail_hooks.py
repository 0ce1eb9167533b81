"""Registration only: permission policies, the Helpdesk menu group, admin URLs, dashboard panels and bulk actions."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin import urls as admin_urls
from .admin.bulk_actions import BULK_ACTIONS
from .admin.dashboard import add_summary_panel
from .admin.kb import admin_urls as kb_admin_urls
from .admin.notifications import add_notifications_panel
from .admin.permissions import POLICIES
from .admin.viewsets import HelpdeskViewSetGroup

try:
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7.4: the viewsets' ``permission_policy`` attributes are used instead.
    pass
else:
    # Before any view asks for these models' policies, or Wagtail registers a fallback first.
    for model, policy in POLICIES.items():
        register_permission_policy(model, policy)

register_snippet(HelpdeskViewSetGroup)
hooks.register("construct_homepage_panels", add_summary_panel)
hooks.register("construct_homepage_panels", add_notifications_panel)
hooks.register("register_admin_urls", lambda: admin_urls.urlpatterns)
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
hooks.register("register_admin_urls", kb_admin_urls)
