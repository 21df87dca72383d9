# Thin shell over the `quotes` CLI. `make setup && make dataset` builds the sample.
# Each stage writes a file under data/interim/ and is rerun only when its input or code changed.
PYTHON  ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
RAW     := data/raw
INTERIM := data/interim
OUT     := data/processed
GOLD    := ../shared/gold
QUOTES  := $(BIN)/quotes

.PHONY: setup sentences quotes attribute dataset show test eval bench models attribution-model confidence-model models-eval clean

setup: $(QUOTES)

$(QUOTES): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

sentences: $(INTERIM)/sentences.docs.jsonl.gz
quotes: $(INTERIM)/quotes.docs.jsonl.gz
attribute: $(INTERIM)/attributed.docs.jsonl.gz
dataset: $(OUT)/quotes.parquet

# (focus.py picks the sentences to tag with the quote stage's text-only rules, so those count too)
$(INTERIM)/sentences.docs.jsonl.gz: $(wildcard $(RAW)/*) pipeline/inputs.py pipeline/clean.py pipeline/segment.py \
		pipeline/focus.py pipeline/marks.py pipeline/quotes.py pipeline/cues.py \
		pipeline/models.py $(wildcard pipeline/models/en/*.pt) | $(QUOTES)
	$(QUOTES) stage segment $(RAW) --out $@

$(INTERIM)/quotes.docs.jsonl.gz: $(INTERIM)/sentences.docs.jsonl.gz pipeline/marks.py pipeline/quotes.py pipeline/cues.py pipeline/tokens.py \
		pipeline/tagged.py
	$(QUOTES) stage quotes $< --out $@

$(INTERIM)/attributed.docs.jsonl.gz: $(INTERIM)/quotes.docs.jsonl.gz pipeline/attribute.py pipeline/confidence.py pipeline/models/confidence*.json
	$(QUOTES) stage attribute $< --out $@

$(OUT)/quotes.parquet: $(INTERIM)/attributed.docs.jsonl.gz pipeline/write.py pipeline/schema.py
	$(QUOTES) write $< --out $(OUT)

show: dataset
	$(QUOTES) show $(OUT)

test: | $(QUOTES)
	$(BIN)/python -m pytest -q

eval: dataset
	$(QUOTES) evaluate $(GOLD)/seed.jsonl $(OUT)
	$(QUOTES) build $(GOLD)/polnear.dev.jsonl --out build/eval/polnear-dev
	$(QUOTES) evaluate $(GOLD)/polnear.dev.jsonl build/eval/polnear-dev

bench: | $(QUOTES)
	$(BIN)/python bench/bench.py --sizes $(or $(BENCH_SIZES),200,2000) $(if $(BENCH_PEER),--peer $(BENCH_PEER)) $(if $(BENCH_BUILD_ONLY),--build-only)

models: | $(QUOTES)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python training/train.py

# The attribution tagger (two models, seeds 1234 and 2), learned on PolNeAR train (segments train and dev first unless
# build/ has them), then taggers of train's two halves label each other's half for the
# confidence model, which is learned last. See training/README.md for the wall times.
attribution-model: | $(QUOTES)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python training/train_attribution.py --cross-fit
	$(BIN)/python training/train_confidence.py build/polnear-train.crossfit.docs.jsonl.gz
	$(BIN)/python training/train_confidence.py build/polnear-train.crossfit.docs.jsonl.gz --rules-only

# The quotation confidence models alone (with the tagger's labels, and for the tagger off),
# from the cross-fitted train that attribution-model wrote.
confidence-model: | $(QUOTES)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python training/train_confidence.py build/polnear-train.crossfit.docs.jsonl.gz
	$(BIN)/python training/train_confidence.py build/polnear-train.crossfit.docs.jsonl.gz --rules-only

models-eval: | $(QUOTES)
	$(BIN)/python training/evaluate.py --json build/models-eval.json

clean:
	rm -rf $(INTERIM) $(OUT) build/eval
