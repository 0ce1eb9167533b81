from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailHelpdeskConfig(AppConfig):
    name = "wagtail_helpdesk"
    label = "wagtail_helpdesk"
    verbose_name = _("Helpdesk")
    # Explicit, so a host's DEFAULT_AUTO_FIELD never creates migrations in our app.
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from . import (
            checks,  # noqa: F401  registers system checks
            conf,  # noqa: F401  connects the setting_changed receiver
        )
        from .models import Queue, ReplyTemplate, RoutingRule
        from .services.config_cache import invalidate

        # Intake reads queues, reply templates and routing rules from a cached snapshot.
        for model in (Queue, ReplyTemplate, RoutingRule):
            post_save.connect(invalidate, sender=model, dispatch_uid=f"helpdesk-config-{model.__name__}-save")
            post_delete.connect(invalidate, sender=model, dispatch_uid=f"helpdesk-config-{model.__name__}-delete")
        from django.db.models.signals import m2m_changed

        m2m_changed.connect(invalidate, sender=Queue.groups.through, dispatch_uid="helpdesk-config-queue-groups")

        from .models import Mailbox
        from .services.loops import invalidate_own_addresses

        # Mail from our own addresses is never acknowledged; the list of them is cached too.
        for model in (Queue, Mailbox):
            uid = f"helpdesk-own-addresses-{model.__name__}"
            post_save.connect(invalidate_own_addresses, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(invalidate_own_addresses, sender=model, dispatch_uid=f"{uid}-delete")

        from .models import BusinessCalendar, BusinessHours, Holiday, SLAPolicy, SLATarget
        from .services import sla_config

        # The SLA clock reads policies and calendars from a cached snapshot.
        for model in (BusinessCalendar, BusinessHours, Holiday, SLAPolicy, SLATarget):
            uid = f"helpdesk-sla-{model.__name__}"
            post_save.connect(sla_config.invalidate, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(sla_config.invalidate, sender=model, dispatch_uid=f"{uid}-delete")

        from .models import AutomationRule
        from .services import automation

        post_save.connect(automation.invalidate, sender=AutomationRule, dispatch_uid="helpdesk-automation-save")
        post_delete.connect(automation.invalidate, sender=AutomationRule, dispatch_uid="helpdesk-automation-delete")

        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed

        from .services.saved_views import views_changed

        # The menu's cached lists of saved views include the teams' views: a team change re-reads them.
        m2m_changed.connect(views_changed, sender=get_user_model().groups.through, dispatch_uid="helpdesk-views-teams")

        from django.contrib.auth.models import Group

        from .models import Tag
        from .services import filter_choices

        # The queue's filter panel caches agents' names, each agent's queues and the tags.
        user_model = get_user_model()
        for model in (user_model, Group, Queue, Tag):
            uid = f"helpdesk-filter-choices-{model._meta.label_lower}"
            post_save.connect(filter_choices.changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(filter_choices.changed, sender=model, dispatch_uid=f"{uid}-delete")
        for through in (user_model.groups.through, Queue.groups.through):
            uid = f"helpdesk-filter-choices-{through._meta.label_lower}"
            m2m_changed.connect(filter_choices.changed, sender=through, dispatch_uid=uid)

        from .models.queues import forget_agent_queue_ids

        # Ticket visibility remembers the user's queue ids on the user object; a group change forgets them.
        m2m_changed.connect(
            forget_agent_queue_ids, sender=get_user_model().groups.through, dispatch_uid="helpdesk-queue-ids"
        )

        from .contrib import anymail_inbound

        # Inbound webhooks of email service providers, when django-anymail is installed.
        anymail_inbound.connect()

        from wagtail.models import Locale, PageViewRestriction
        from wagtail.signals import post_page_move

        from .services.kb import invalidate_access_cache

        # Knowledge-base searches read locales and private page paths from the cache.
        for model in (Locale, PageViewRestriction):
            uid = f"helpdesk-kb-access-{model.__name__}"
            post_save.connect(invalidate_access_cache, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(invalidate_access_cache, sender=model, dispatch_uid=f"{uid}-delete")
        post_page_move.connect(invalidate_access_cache, dispatch_uid="helpdesk-kb-access-moved")

        from django.apps import apps
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished

        from .models import KBArticlePage
        from .services.kb import invalidate_live_locales

        # Searches skip locales without a live article; which locales have one is cached.  Generic
        # Page saves count too: Wagtail unpublishes and deletes through the base class.
        for model in apps.get_models():
            if issubclass(model, KBArticlePage) or model is Page:
                uid = f"helpdesk-kb-live-{model._meta.label_lower}"
                post_save.connect(invalidate_live_locales, sender=model, dispatch_uid=f"{uid}-save")
                post_delete.connect(invalidate_live_locales, sender=model, dispatch_uid=f"{uid}-delete")
        page_published.connect(invalidate_live_locales, dispatch_uid="helpdesk-kb-live-published")
        page_unpublished.connect(invalidate_live_locales, dispatch_uid="helpdesk-kb-live-unpublished")
