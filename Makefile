# `make run` and `make test` work on a fresh machine with only python3 and make:
# the first use creates .venv and installs what is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.run-installed
TEST_STAMP := $(VENV)/.test-installed
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint typecheck imports pytest bench stress clean screenshot package install-desktop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/mopsboard

test: $(TEST_STAMP) lint typecheck imports pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check mopsboard tests bench packaging
	$(BIN)/ruff format --check mopsboard tests bench packaging

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

imports: $(TEST_STAMP)
	$(BIN)/lint-imports

pytest: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# 500 SIGKILLs of a writing process (make test runs 30); prints kills survived, writes checked
# and writes lost, and fails unless none was lost. Then 20 planners of 250 mixed actions each on
# one server workspace (a throwaway PostgreSQL cluster; make test runs 4 of 40): prints actions,
# conflicts and move latency, and fails on a lost update or a lock error reaching a planner.
stress: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/stress/crash_harness.py --kills 500
	$(BIN)/python tests/stress/planners.py --planners 20 --actions 250

screenshot: $(RUN_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/mopsboard --screenshot screenshot.png

# The one-folder bundle dist/mopsboard/ (PyInstaller; runs without Python), in a build venv of
# its own; packaging/check_bundle.sh runs it with an empty environment.
package:
	PYTHON=$(PYTHON) packaging/build_bundle.sh

# The desktop entry, metainfo, MIME type and icons into ~/.local/share (XDG_DATA_HOME), so the
# applications menu lists mopsboard and a file manager opens .mopsboard files with it. EXEC is
# the program the entry runs: this checkout's, or EXEC=mopsboard for the one on PATH (pipx).
# Undo it with packaging/install_desktop.sh --uninstall.
EXEC ?= $(CURDIR)/$(BIN)/mopsboard
install-desktop: $(if $(filter file,$(origin EXEC)),$(RUN_STAMP))
	packaging/install_desktop.sh --exec "$(EXEC)"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache bench.json
