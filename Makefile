# Two commands for a newcomer: `make run` and `make test`.
# Both create the virtual environment (and the test Node packages) when missing.

VENV := .venv
PY := $(VENV)/bin/python
E2E := tests/e2e

.PHONY: run test lint bench clean lock

# Installs exactly the hashed lock file (`make lock` rewrites it from pyproject.toml).
$(VENV)/.installed: pyproject.toml requirements-dev.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

# The web chat's browser tests use the system's Chromium (Debian's package), never a download.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

$(E2E)/node_modules/.installed: $(E2E)/package.json
	cd $(E2E) && npm install --no-audit --no-fund --loglevel=error
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/feedbackbot start

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: $(VENV)/.installed $(E2E)/node_modules/.installed $(CHROMIUM) lint
	$(VENV)/bin/pytest -q

lock:
	python3 -m venv .lock-venv && .lock-venv/bin/pip install --quiet pip-tools
	.lock-venv/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url \
		--no-emit-find-links --output-file requirements.lock pyproject.toml
	.lock-venv/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url \
		--no-emit-find-links --extra dev --output-file requirements-dev.lock pyproject.toml
	rm -rf .lock-venv

bench: $(VENV)/.installed
	$(PY) -m bench

clean:
	rm -rf $(VENV) $(E2E)/node_modules
