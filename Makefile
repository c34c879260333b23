# SOS Children's Villages Kyrgyzstan: the two commands are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
# Links printed by the demo loader and sent in emails point at the port `make run` serves.
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

.DEFAULT_GOAL := help

help: ## List the targets with what they do
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the locked dependencies
	$(PY) manage.py compile_catalogues

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --noinput

demo: migrate ## Load the demo content (once) and create the demo accounts
	$(PY) manage.py load_demo

run: demo ## Set everything up and serve the site at http://127.0.0.1:$(PORT)
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The browser tests run in a process of their own: their live server shares the in-memory
# SQLite connection, which the database tests before them may have replaced.
# So do the tests that restore the migrated data with serialized_rollback (tests/conftest.py).
test: install ## Run the whole test suite (SQLite; DATABASE_URL switches the database)
	$(PY) -m pytest -m "not browser and not serialized_db"
	$(PY) -m pytest -m serialized_db
	$(PY) -m pytest -m browser

# The browser tests check what a reader sees, the same on either database: CI runs them in
# `make test` and leaves them out here to stay quick.
test-postgres: install ## Run the test suite (but the browser tests) against PostgreSQL on 127.0.0.1:5432
	DATABASE_URL=$${DATABASE_URL_POSTGRES:-postgres://postgres@127.0.0.1:5432/sos_site} $(PY) -m pytest -m "not browser and not serialized_db"
	DATABASE_URL=$${DATABASE_URL_POSTGRES:-postgres://postgres@127.0.0.1:5432/sos_site} $(PY) -m pytest -m serialized_db

prod-smoke: install ## Boot production settings under gunicorn (PostgreSQL, Redis on 127.0.0.1) and smoke-test over HTTP on :8114
	$(PY) scripts/prod_smoke.py

bench: install ## Load-test production settings under gunicorn with wrk; table + docs/bench/latest.json (BENCH_DURATION=30)
	$(PY) bench/run.py

browser-deps: ## Install Debian's Chromium for the browser tests and Lighthouse (as root, when missing)
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium chromium-driver)

audit: install browser-deps ## Lighthouse (mobile) on the main pages in ky/ru/en under production settings; docs/audit/
	$(PY) scripts/audit.py

lint: install ## Check code style (ruff) and template indentation (djhtml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates

messages: install ## Extract the project's strings into locale/ky and locale/ru
	$(PY) manage.py makemessages --locale ky --locale ru --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*' --ignore '.tools/*' --ignore 'node_modules/*' --no-obsolete
	$(PY) manage.py compile_catalogues

lock: ## Re-pin requirements.lock from pyproject.toml (needs network to PyPI)
	rm -rf /tmp/sos-lock-venv && $(PYTHON) -m venv /tmp/sos-lock-venv
	/tmp/sos-lock-venv/bin/pip install --quiet --upgrade pip
	/tmp/sos-lock-venv/bin/pip install --quiet ".[test]"
	/tmp/sos-lock-venv/bin/pip freeze --exclude-editable | grep -v '^sos-site' > requirements.lock

.PHONY: help install migrate demo run test test-postgres prod-smoke bench browser-deps audit lint messages lock
