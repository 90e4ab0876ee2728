# Two entry points for a fresh machine: `make demo` (the main job) and `make test` (the suite).
# Both create .venv and install the project with every extra on first use.

PYTHON ?= python3
VENV ?= .venv
TORCH_SPEC ?= torch==2.13.0
DEMO_OUT ?= out/demo
DEMO_HOLDOUT ?= evaluation/mixtures/demo-holdout.yaml
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet "$(TORCH_SPEC)"
	$(BIN)/pip install --quiet -e ".[export,train,dev,mat,lmdb,npz,eval,browser]"
	touch $(STAMP)

install: $(STAMP)

# The main job on the embedded default, with no downloaded data: every built-in task validated and
# rendered from its bundled fixture, shown in a static HTML gallery (out/demo/gallery), exported as
# stage-1 shards in all four formats, the bundled GPT-4-style conversations exported for stage 2,
# and both training stages run on a tiny model (CPU); stage 1 holds out two tasks, on which both
# stages' models are then evaluated and compared.
demo: $(STAMP)
	rm -rf $(DEMO_OUT)
	$(BIN)/vf-tasks validate --all
	$(BIN)/vf-tasks list
	$(BIN)/vf-tasks show --all -n 1
	$(BIN)/vf-tasks gallery $(DEMO_OUT)/gallery
	$(BIN)/vf-tasks export $(DEMO_OUT)/stage1 --mixture $(DEMO_HOLDOUT) --format llava,jsonl,webdataset,parquet
	$(BIN)/vf-tasks export $(DEMO_OUT)/stage2 --mixture llava-gpt4-1k --format llava
	$(BIN)/vf-train pipeline --stage1 stage1-cpu --stage2 stage2-cpu --model tiny \
		--stage1-data $(DEMO_OUT)/stage1 --stage2-data $(DEMO_OUT)/stage2 --output-dir $(DEMO_OUT)/run
	for stage in stage1 stage2; do \
		$(BIN)/vf-eval generate --model $(DEMO_OUT)/run/$$stage/final --tasks holdout:$(DEMO_HOLDOUT) \
			--out $(DEMO_OUT)/eval/$$stage --max-new-tokens 16 && \
		$(BIN)/vf-eval score $(DEMO_OUT)/eval/$$stage/predictions.jsonl --out $(DEMO_OUT)/eval/$$stage \
			|| exit 1; \
	done
	$(BIN)/vf-eval compare $(DEMO_OUT)/eval/stage1 $(DEMO_OUT)/eval/stage2
	@echo "gallery of the bundled fixtures: $(abspath $(DEMO_OUT))/gallery/index.html"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy visionflan_core tasks trainer shards evaluation

test: lint
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
