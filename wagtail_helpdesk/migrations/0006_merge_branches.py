# Joins the migrations developed side by side; folded into 0001 before release.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_helpdesk", "0005_contact_form_options"),
        ("wagtail_helpdesk", "0005_ticketview_canned_notifications"),
        ("wagtail_helpdesk", "0005_sla_automation_csat"),
        ("wagtail_helpdesk", "0005_queue_saved_views"),
        ("wagtail_helpdesk", "0005_email_held_inbound"),
        ("wagtail_helpdesk", "0005_api_tokens_webhooks"),
        ("wagtail_helpdesk", "0005_kb_pages"),
    ]

    operations = []
