# SOS Children's Villages Kyrgyzstan: the two commands are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
# The production environment: the runtime lock only (the Dockerfile builds the same).
RUNTIME_VENV ?= var/runtime-venv
RUNTIME_STAMP := $(RUNTIME_VENV)/.installed
# Links printed by the demo loader and sent in emails point at the port `make run` serves.
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

.DEFAULT_GOAL := help

help: ## List the targets with what they do
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-14s %s\n", $$1, $$2}'

# Development and tests: requirements-test.lock starts with `-r requirements.lock`.
$(STAMP): requirements.lock requirements-test.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.lock
	@touch $(STAMP)

$(RUNTIME_STAMP): requirements.lock
	@test -x $(RUNTIME_VENV)/bin/python || $(PYTHON) -m venv $(RUNTIME_VENV)
	$(RUNTIME_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(RUNTIME_VENV)/bin/python -m pip install --quiet --require-hashes -r requirements.lock
	@touch $(RUNTIME_STAMP)

install: $(STAMP) ## Create .venv with the runtime and test/dev locks (hash-checked)
	$(PY) manage.py compile_catalogues

runtime: $(RUNTIME_STAMP) ## Create $(RUNTIME_VENV) with the runtime lock only, as production has it

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

# The script runs from .venv (requests, the Stripe double); every process of the site runs
# from $(RUNTIME_VENV), which has only the runtime lock.
prod-smoke: install runtime ## Release, two gunicorns, a deploy, a restore drill: production settings on PostgreSQL and Redis (:8114, :8115)
	SMOKE_RUNTIME_PYTHON=$(RUNTIME_VENV)/bin/python $(PY) scripts/prod_smoke.py

backup: ## Back up PostgreSQL (pg_dump) and the media to BACKUP_TARGET (a folder or s3://bucket/prefix)
	$(PY) scripts/backup.py backup $(BACKUP_TARGET)

restore: ## Restore BACKUP (a folder or s3://bucket/prefix/name) into DATABASE_URL and the media storage
	$(PY) scripts/backup.py restore $(BACKUP)

bench: install ## Load-test production settings under gunicorn with wrk; table + docs/bench/latest.json (BENCH_DURATION=30)
	$(PY) bench/run.py

browser-deps: ## Install Debian's Chromium for the browser tests and Lighthouse (as root, when missing)
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium chromium-driver)

audit: install browser-deps ## Lighthouse (mobile) on the main pages in ky/ru/en under production settings; docs/audit/
	$(PY) scripts/audit.py

lint: install ## Check code style (ruff), template indentation (djhtml) and the import contracts (import-linter)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates
	$(VENV)/bin/lint-imports

messages: install ## Extract the project's strings into locale/ky and locale/ru
	$(PY) manage.py makemessages --locale ky --locale ru --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*' --ignore '.tools/*' --ignore 'node_modules/*' --no-obsolete
	$(PY) manage.py compile_catalogues

lock: ## Re-pin requirements.lock (runtime) and requirements-test.lock with hashes from PyPI (UPGRADE=1 moves pins on)
	$(PYTHON) scripts/lock.py

.PHONY: help install runtime migrate demo run test test-postgres prod-smoke backup restore bench browser-deps audit lint messages lock
