# Stepwise: `make run` to try it, `make test` to check everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
VENDOR := stepwise/static/vendor
ASSETS := $(VENDOR)/chart.umd.min.js

.PHONY: run test assets install install-test lint format typecheck migrations-check pytest \
        pytest-sqlite pytest-postgres chromium eval bench clean

## run: install, migrate, load the demo organisation and serve on http://$(HOST):$(PORT)/
run: $(VENV)/.installed $(ASSETS)
	STEPWISE_HTTPS=$${STEPWISE_HTTPS:-false} $(BIN)/stepwise demo
	STEPWISE_HTTPS=$${STEPWISE_HTTPS:-false} $(BIN)/stepwise serve --host $(HOST) --port $(PORT)

## test: lint, types, migrations, then the whole suite on SQLite and on PostgreSQL
test: $(VENV)/.installed-test $(ASSETS) chromium lint typecheck migrations-check pytest-sqlite pytest-postgres

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml constraints.txt | $(VENV)/bin/python
	$(BIN)/pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -c constraints.txt -e ".[test]"
	touch $@

## assets: front-end libraries from the npm registry, served by the app itself
$(ASSETS): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	mkdir -p $(VENDOR)
	cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/dist/chart.umd.min.js.map $(VENDOR)/
	touch $@

assets: $(ASSETS)
install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

chromium:
	@test -x $(CHROMIUM) || { echo "installing Debian's chromium for the browser tests"; \
	  scripts/install-debian-packages.sh chromium; }

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy stepwise

migrations-check: $(VENV)/.installed-test
	STEPWISE_DATA_DIR=$$(mktemp -d) $(BIN)/python manage.py makemigrations --check --dry-run

pytest-sqlite: $(VENV)/.installed-test
	STEPWISE_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)

pytest-postgres: $(VENV)/.installed-test
	STEPWISE_DATA_DIR=$$(mktemp -d) scripts/with-postgres.sh $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)

pytest: pytest-sqlite

## eval: the SMART checker's accuracy, precision, recall and F1 on the labelled goals
eval: $(VENV)/.installed-test
	$(BIN)/python scripts/evaluate_smart.py

## bench: every committed benchmark, with the issue's target beside each figure
bench: $(VENV)/.installed-test $(ASSETS)
	$(BIN)/python benchmarks/smart_speed.py
	$(BIN)/python benchmarks/live_check.py
	$(BIN)/python benchmarks/heavy_pages.py
	$(BIN)/python benchmarks/library_search.py

clean:
	rm -rf $(VENV) data node_modules $(VENDOR) .pytest_cache .mypy_cache .ruff_cache
