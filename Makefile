# SRO Portal: `make run` serves the demo on SQLite; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Test processes in parallel (pytest-xdist): one per core by default.
TEST_WORKERS ?= auto

.PHONY: run test test-slow bench install lint migrate seed messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependency lock changes.
$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_demo
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Slow checks (marked `slow`: servers behind nginx, the benchmark, backup and restore) run in CI and in
# `make test-slow`, not here.
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not slow" $(PYTEST_ARGS)

# Two runs: the browser and phone tests' live server flushes the database after each test, taking the
# rows data migrations made (the course catalogue, the standard instruments) from the tests after them
# in the same process, such as backup and restore, which seeds the demo.
test-slow: install
	$(BIN)/pytest -n 0 -m slow --ignore=tests/browser --ignore=tests/phone $(PYTEST_ARGS)
	$(BIN)/pytest -n 0 -m slow tests/browser tests/phone $(PYTEST_ARGS)

# The benchmark (README "Performance"): BENCH_SIZE=demo|city|province, BENCH_DATABASE_URL (PostgreSQL).
BENCH_SIZE ?= demo
bench: install
	$(BIN)/python bench/run.py --size $(BENCH_SIZE)

lint: install
	$(BIN)/ruff check .
	$(BIN)/bandit -c pyproject.toml -r . -q

messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages -l fr --ignore=.venv --ignore=staticfiles
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
