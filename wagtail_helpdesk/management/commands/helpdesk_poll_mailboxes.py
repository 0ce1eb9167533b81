from django.core.management.base import BaseCommand, CommandError

from wagtail_helpdesk.models import Mailbox
from wagtail_helpdesk.services import mailboxes


class Command(BaseCommand):
    help = "Fetch new mail from the active mailboxes (what the beat task does), e.g. from cron."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help="Poll only the mailboxes with these names.")

    def handle(self, *args, names=(), **options):
        selected = Mailbox.objects.select_related("queue").filter(is_active=True)
        if names:
            selected = selected.filter(name__in=names)
        errors = []
        for mailbox in selected:
            try:
                result = mailboxes.poll(mailbox)
            except mailboxes.MailboxError as exc:
                errors.append(f"{mailbox}: {exc}")
                continue
            if result.skipped:
                self.stdout.write(f"{mailbox}: skipped, another poll is running")
            else:
                self.stdout.write(f"{mailbox}: {result.processed} received, {result.failed} failed")
        if errors:
            raise CommandError("; ".join(errors))
