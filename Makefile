# wagtail-helpdesk: everyday commands.  Needs only Python 3.11+ (`python3`) on a fresh machine.
#
#   make demo    the example shop with demo data on http://127.0.0.1:8000/ (admin / admin)
#   make test    the test suite (settings: tests/settings.py via setup.cfg)
#   make lint    ruff check + format check
#   make docs    the Sphinx docs, warnings as errors, into docs/_build/html
#
# The first run creates .venv and installs the package with its dev extras;
# that is repeated only when setup.cfg changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEMO_ADDR ?= 127.0.0.1:8000
DEMO_SETTINGS ?= example_site.settings.dev
MANAGE := DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(BIN)/python example_site/manage.py
ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help demo demo-data demo-reset test lint format docs clean

help:
	@echo "make demo        run the example shop with demo data on http://$(DEMO_ADDR)/"
	@echo "make demo-reset  forget the demo database and sent mail (the next 'make demo' starts fresh)"
	@echo "make test        run the test suite (pass pytest options with ARGS=\"-k intake\")"
	@echo "make lint        ruff check and format check"
	@echo "make format      ruff format and safe fixes"
	@echo "make docs        build the Sphinx docs into docs/_build/html"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): setup.cfg | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

demo-data: $(INSTALLED)
	@echo "Migrating the database..."
	@$(MANAGE) migrate --noinput -v0
	@$(MANAGE) load_demo_data

demo: demo-data
	@echo
	@echo "Admin: http://$(DEMO_ADDR)/admin/  login admin / admin"
	@echo "Shop:  http://$(DEMO_ADDR)/   (agents anna, piotr, olena, jonas; password demo)"
	@echo
	$(MANAGE) runserver $(DEMO_ADDR)

demo-reset:
	rm -rf example_site/var/db.sqlite3* example_site/var/sent-mail example_site/var/private

test: $(INSTALLED)
	$(BIN)/python -m pytest $(ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

docs: $(INSTALLED)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html
	@echo "Docs: docs/_build/html/index.html"

clean:
	rm -rf $(VENV) build dist docs/_build *.egg-info
