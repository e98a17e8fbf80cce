# Two commands for a new user: `make run` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
POSTGRES_TEST_URL ?= postgresql+psycopg://root@127.0.0.1:5432/test
# Debian packages, with sudo when not root.
APT_INSTALL = SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq

.PHONY: run test test-postgres lint install install-dev translations translations-update migrate retention purge-drafts pdf-libraries browser bench clean

run: pdf-libraries install translations migrate
	$(BIN)/flask --app wsgi documents-build --base-url http://$(HOST):$(PORT)
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers $(WORKERS) --access-logfile - wsgi:app

test: pdf-libraries install-dev translations browser
	$(BIN)/ruff check .
	$(BIN)/pytest

# The database tests once more, against PostgreSQL (CI runs this after `make test`).
test-postgres: install-dev translations
	TEST_DATABASE_URL=$(POSTGRES_TEST_URL) $(BIN)/pytest -m database

lint: install-dev
	$(BIN)/ruff check .

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

install: $(VENV)/.runtime-installed
install-dev: $(VENV)/.dev-installed

translations: install
	$(BIN)/pybabel compile -d translations

# After changing user-facing strings: extract them and update the catalogues.
translations-update: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output --omit-header --no-wrap -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete --no-wrap

migrate: install
	$(BIN)/alembic upgrade head

# Usage events older than 25 months become monthly totals (and old page feedback is deleted).
# Safe to run twice; run it once a month, e.g. from cron.
retention: install
	$(BIN)/flask --app wsgi retention

# Request drafts older than 24 hours are deleted (every save does this too); run it hourly from cron.
purge-drafts: install
	$(BIN)/flask --app wsgi aanvraag purge

# What the PDFs need from the system: the fonts their stylesheets name (Liberation Sans for the
# request documents, DejaVu Sans for the sheets) and HarfBuzz's subsetter, with which WeasyPrint
# embeds only the glyphs a PDF uses. Without them a PDF comes out in another font, and WeasyPrint
# falls back to fontTools: a warning per PDF and the request document twice as slow.
pdf-libraries:
	@{ fc-list | grep -q "Liberation Sans" && fc-list | grep -q "DejaVu Sans" && \
	   /sbin/ldconfig -p | grep -q "libharfbuzz-subset.so.0"; } || { \
	  $(APT_INSTALL) fontconfig fonts-liberation fonts-dejavu-core libharfbuzz-subset0 >/dev/null; }

# Debian's chromium for the browser tests (Playwright cannot download its own here).
browser:
	@command -v chromium >/dev/null 2>&1 || { $(APT_INSTALL) chromium >/dev/null; }

bench: pdf-libraries install-dev translations migrate
	@command -v wrk >/dev/null 2>&1 || { $(APT_INSTALL) wrk >/dev/null; }
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
