# User-facing targets: run, token, test, lint, openapi, container-test.
SHELL := bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Use the machine's uv when it has one, else bootstrap it into .tools/.
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)

.PHONY: help install browser run token test compiled scale-test lint format openapi clients container-test bench clean

help:
	@echo "make run             serve Relais with an embedded PostgreSQL and demo data"
	@echo "make token           print a development token (ROLE=admin EMAIL= SUBJECT= TENANT=demo HOURS=12)"
	@echo "make test            lint, types, architecture contracts, Dockerfile lint, tests"
	@echo "make scale-test      two replicas and two workers under load, one of each killed (about 2 minutes)"
	@echo "make lint            only the static checks"
	@echo "make openapi         re-export openapi/openapi.json and openapi/schema.graphql"
	@echo "make clients         generate TypeScript and Python clients from the contract and compile them"
	@echo "make container-test  build the image and run it against a real PostgreSQL"
	@echo "make bench           benchmark the hot paths against their baselines (bench/RESULTS.md)"

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

# Bytecode compiled once at install: the tests and `make run` start `relais` processes, which would
# otherwise compile every dependency again where PYTHONDONTWRITEBYTECODE is set.
$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --extra embedded --compile-bytecode
	@touch $@

install: $(VENV)/.installed browser

# The programme report's end-to-end test renders it in Debian's Chromium. As root (CI, containers) it is
# installed when missing; elsewhere, say how, and the test skips outside CI.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; \
	  else \
	    echo "Chromium is missing: sudo apt-get install chromium (the report's browser test needs it)" >&2; \
	  fi; \
	fi

run: install
	RELAIS_LOG_FORMAT=$${RELAIS_LOG_FORMAT:-console} $(BIN)/relais dev

# A development token for the demo tenant (or TENANT), e.g. make token ROLE=manager EMAIL=manager@demo.relais.example
# (SUBJECT=demo|camille acts as Camille). Only the token reaches stdout, so `export TOKEN=$$(make token)` works.
ROLE ?= admin
TENANT ?= demo
HOURS ?= 12
token:
	@$(MAKE) --no-print-directory -s install >&2
	@$(BIN)/relais token --role '$(ROLE)' --hours '$(HOURS)' $(if $(filter operator,$(ROLE)),,--tenant '$(TENANT)') \
	  $(if $(EMAIL),--email '$(EMAIL)') $(if $(SUBJECT),--subject '$(SUBJECT)')

lint: install
	$(BIN)/ruff check app tests bench alembic hatch_build.py
	$(BIN)/ruff format --check app tests bench alembic hatch_build.py
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/hadolint Dockerfile

format: install
	$(BIN)/ruff check --fix app tests bench alembic hatch_build.py
	$(BIN)/ruff format app tests bench alembic hatch_build.py

# Two workers, each with a database of its own (tests/conftest.py): the suite in about half the time on two cores.
# The app is compiled first, as its dependencies are at install: the end-to-end tests start `relais`
# processes by the dozen, and where PYTHONDONTWRITEBYTECODE is set each would otherwise compile every
# module again (about 15 s each).
test: lint compiled
	$(BIN)/pytest -n 2

compiled: install
	$(BIN)/python -m compileall -q app

# Not part of `make test`: two `relais serve` and two `relais worker` on one PostgreSQL and Redis under a
# mixed load, one of each killed mid-run, then checked against the database (docs/operations.md,
# "Several replicas"). Its report goes to the terminal (-s).
scale-test: compiled
	$(BIN)/pytest tests/scale -m scale -s -p no:cacheprovider

# Not part of `make test`: benchmarks need a quiet machine, wrk and minutes, never a timed test.
bench: install
	$(BIN)/python -m bench.feed
	$(BIN)/python -m bench.redirect
	$(BIN)/python -m bench.graphql
	$(BIN)/python -m bench.worker
	$(BIN)/python -m bench.metrics
	$(BIN)/python -m bench.metrics_freshness
	$(BIN)/python -m bench.roster
	$(BIN)/python -m bench.webhooks
	$(BIN)/python -m bench.capacity

openapi: install
	$(BIN)/relais openapi export

clients: install
	scripts/check-clients

container-test:
	scripts/container-test

clean:
	rm -rf $(VENV) .tools .pytest_cache .mypy_cache .ruff_cache
