import sys

from django.core.management.base import BaseCommand, CommandError

from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.services import bounces, intake
from wagtail_helpdesk.services.channels import get_channel


class Command(BaseCommand):
    help = (
        "Read one raw email from standard input and hand it to the helpdesk "
        "(for an MTA pipe, e.g. a Postfix alias '| manage.py helpdesk_receive_email')."
    )

    def handle(self, *args, **options):
        raw = sys.stdin.buffer.read()
        try:
            parsed = get_channel("email").parse(raw)
            if bounces.is_bounce(parsed):
                bounced = bounces.record(parsed, raw=raw).outbound
                self.stdout.write(f"bounce of {bounced.recipient if bounced else 'a message we did not send'}")
                return
            result = intake.receive(parsed, raw=raw)
        except InvalidInbound as exc:
            # Exit status 65 (EX_DATAERR) makes the MTA bounce instead of retrying forever;
            # the raw message is kept as a rejected inbound record when it got that far.
            raise CommandError(f"Rejected: {exc}", returncode=65) from exc
        if result.held:
            self.stdout.write("held for review")
            return
        state = "duplicate of" if result.duplicate else ("opened" if result.created else "added to")
        self.stdout.write(f"{state} {result.ticket.reference}")
