"""Write the helpdesk API's OpenAPI schema (YAML), e.g. to refresh docs/api/openapi.yaml."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from drf_spectacular.renderers import OpenApiYamlRenderer

from ...api.schema import generate_schema


class Command(BaseCommand):
    help = "Print or write the OpenAPI schema of the helpdesk API."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--file", help="Write to this file instead of standard output.")

    def handle(self, *args: Any, file: str | None = None, **options: Any) -> None:
        output = OpenApiYamlRenderer().render(generate_schema(), renderer_context={})
        if file:
            with open(file, "wb") as handle:
                handle.write(output)
        else:
            self.stdout.write(output.decode())
