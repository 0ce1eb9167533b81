import json

from django.core.management.base import BaseCommand

from wagtail_helpdesk.plugins.manager import get_plugins
from wagtail_helpdesk.services.channels import get_channels


class Command(BaseCommand):
    help = "List the helpdesk plugins, the hooks each implements, and the registered channels."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")

    def handle(self, *args, **options):
        plugins = get_plugins()
        channels = {code: type(channel).__module__ for code, channel in get_channels().items()}
        if options["json"]:
            self.stdout.write(json.dumps({"plugins": plugins, "channels": channels}, indent=2))
            return
        for plugin in plugins:
            origin = "built-in" if plugin["builtin"] else (plugin["version"] or "settings")
            self.stdout.write(f"{plugin['name']} ({origin}): {', '.join(plugin['hooks'])}")
        self.stdout.write("channels: " + ", ".join(f"{code} ({module})" for code, module in sorted(channels.items())))
