# Thin shell over the `quotes` CLI. `make setup && make dataset` builds the sample.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
RAW    := data/raw
OUT    := data/processed
GOLD   := ../shared/gold

.PHONY: setup dataset test show eval models models-eval clean

setup: $(BIN)/quotes

$(BIN)/quotes: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

dataset: $(OUT)/quotes.parquet

$(OUT)/quotes.parquet: $(wildcard $(RAW)/*) $(wildcard pipeline/*.py) | $(BIN)/quotes
	$(BIN)/quotes build $(RAW) --out $(OUT)

show: dataset
	$(BIN)/quotes show $(OUT)

eval: dataset | $(BIN)/quotes
	$(BIN)/quotes evaluate $(GOLD)/seed.jsonl $(OUT)
	$(BIN)/quotes build $(GOLD)/polnear.dev.jsonl --out build/eval/polnear-dev
	$(BIN)/quotes evaluate $(GOLD)/polnear.dev.jsonl build/eval/polnear-dev

test: | $(BIN)/quotes
	$(BIN)/python -m pytest -q

models: | $(BIN)/quotes
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python training/train.py

models-eval: | $(BIN)/quotes
	$(BIN)/python training/evaluate.py

clean:
	rm -rf $(OUT) data/interim
