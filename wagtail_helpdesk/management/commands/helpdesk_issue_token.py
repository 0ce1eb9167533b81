"""Issue a channel token for an adapter, e.g. on a demo site: prints it once (only its hash is kept)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ...exceptions import InvalidInbound
from ...services import gateway


class Command(BaseCommand):
    help = "Issue a channel token for the API gateway and print it (it is not shown again)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("name", help="Who uses it, e.g. 'Chat widget'.")
        parser.add_argument("--channel", default="api", help="A registered channel code (default: api).")
        parser.add_argument("--callback-url", default="", help="Where agent replies on this channel are POSTed.")

    def handle(self, *args: Any, name: str, channel: str, callback_url: str, **options: Any) -> None:
        try:
            issued = gateway.issue_token(channel=channel, name=name, callback_url=callback_url)
        except InvalidInbound as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"token: {issued.plaintext}")
        self.stdout.write(f"callback signing secret: {issued.token.signing_secret}")
