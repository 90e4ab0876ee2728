# Two entry points for a fresh machine: `make demo` (the main job) and `make test` (the suite).
# Both create .venv and install the project with every extra on first use.

PYTHON ?= python3
VENV ?= .venv
TORCH_SPEC ?= torch==2.13.0
DEMO_OUT ?= out/demo
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet "$(TORCH_SPEC)"
	$(BIN)/pip install --quiet -e ".[export,train,dev]"
	touch $(STAMP)

install: $(STAMP)

# The main job on the embedded default: every built-in task validated and rendered from its fixture.
demo: $(STAMP)
	$(BIN)/vf-tasks validate --all
	$(BIN)/vf-tasks list
	for task in $$($(BIN)/vf-tasks list --json | $(BIN)/python -c "import json,sys; print(' '.join(t['id'] for t in json.load(sys.stdin)))"); do \
		$(BIN)/vf-tasks show $$task -n 1 || exit 1; \
	done

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy visionflan_core tasks/_readers trainer

test: lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
