from django.core.management.base import BaseCommand

from wagtail_helpdesk.services import outbox


class Command(BaseCommand):
    help = "Deliver outbound messages that are due (what the beat task does), e.g. from cron."

    def handle(self, *args, **options):
        tried = outbox.flush_due()
        self.stdout.write(f"{tried} outbound message(s) tried")
