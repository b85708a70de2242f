# Two commands: `make run` serves the calculator, `make test` runs every check.
# Both create .venv when missing and install pinned versions from constraints.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test fast lint typecheck security unit system-deps lock wheel clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install -c constraints.txt -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install -c constraints.txt -e '.[dev]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/uvicorn --factory app.main:create_app --host $(HOST) --port $(PORT) --no-access-log

# Debian packages the tests use: Chromium drives the browser tests (Playwright's own browser
# download is not used) and curl runs the documented batch recipe.
system-deps:
	@if [ ! -x $(CHROMIUM) ] || ! command -v curl >/dev/null || ! command -v rsvg-convert >/dev/null; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium curl librsvg2-bin >/dev/null; \
	  else \
	    echo "Missing: run 'sudo apt-get install chromium curl librsvg2-bin' (the browser and recipe tests need them)"; exit 1; \
	  fi; \
	fi

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy pricing app

unit: $(VENV)/.dev-installed
	$(BIN)/pytest

# The suite without the browser tests (every test in tests/browser/ is marked browser).
fast: $(VENV)/.dev-installed
	$(BIN)/pytest -m "not browser"

# bandit must be clean (each exception is justified where it is made, with `# nosec`).
# pip-audit needs its vulnerability database (the PyPI JSON API per release); where that
# cannot be reached the audit is reported as NOT RUN, never as a pass.
security: $(VENV)/.dev-installed
	$(BIN)/bandit -q -c pyproject.toml -r app pricing
	@if $(BIN)/python -c "import urllib.request as u; u.urlopen('https://pypi.org/pypi/pip/25.0/json', timeout=10)" 2>/dev/null; then \
	  $(BIN)/pip-audit --strict --progress-spinner off -r constraints.txt; \
	else \
	  echo "pip-audit: NOT RUN - its vulnerability database is unreachable from this machine (not a pass)"; \
	fi

test: $(VENV)/.dev-installed system-deps lint typecheck security unit

# Regenerate the pinned versions after changing dependencies in pyproject.toml.
lock: | $(BIN)/python
	$(PIP) install -e '.[dev]'
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e ' > constraints.txt

wheel: $(VENV)/.dev-installed
	$(BIN)/python -m build --wheel --outdir dist .

# The benchmark drives the server with Debian's wrk (see docs/PERFORMANCE.md).
bench: $(VENV)/.dev-installed
	@command -v wrk >/dev/null || { \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "Missing: run 'sudo apt-get install wrk'"; exit 1; fi; }
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) dist build *.egg-info .pytest_cache .mypy_cache .ruff_cache
