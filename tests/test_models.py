"""Loading the bundled Stanza models."""
import gc
import subprocess
import sys

import pytest

from conftest import ROOT
from pipeline.document import Document
from pipeline.segment import segment_many

_LOAD = """
import sys
from stanza.models.common import utils
from pipeline.models import load_pipeline, resolve
build = utils.dispatch_optimizer
nlp = load_pipeline(resolve("bundled"))
doc = nlp("Barack Obama spoke in Chicago on Tuesday.")
print("dynamo" if "torch._dynamo" in sys.modules else "no dynamo")
print("restored" if utils.dispatch_optimizer is build else "patched")
print(len(doc.sentences[0].words))
"""


def test_loading_builds_no_training_optimizer():
    # Each optimizer would import torch's compiler, about 2 s of the load; predicting needs none.
    out = subprocess.run([sys.executable, "-c", _LOAD], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["no", "dynamo", "restored", "8"]


def test_the_parser_loads_when_asked_for(monkeypatch):
    # Its trainer builds schedulers over the optimizers it builds, so it must get real ones.
    monkeypatch.setenv("QUOTES_PROCESSORS", "tokenize,pos,lemma,depparse,ner")
    from pipeline.models import load_pipeline, resolve

    doc = Document("d", "Barack Obama spoke in Chicago on Tuesday.")
    segment_many([doc], load_pipeline(resolve("bundled")), tag_everything=True)
    spoke = next(t for t in doc.tokens if t.text == "spoke")
    assert spoke.head is None and spoke.deprel == "root"
    assert doc.tokens[1].head == spoke.index and doc.tokens[1].deprel == "nsubj"


def test_a_manifest_folder_gives_the_processors_asked_for_loaded_offline(monkeypatch):
    # The build takes the three it needs; training/evaluate.py scores all five with the same kwargs.
    from pipeline.models import BUNDLED_DIR, PROCESSORS, from_manifest, pipeline_kwargs, resolve

    monkeypatch.delenv("QUOTES_PROCESSORS", raising=False)
    assert resolve(str(BUNDLED_DIR)).processors == ("tokenize", "pos", "ner")
    kwargs = pipeline_kwargs(from_manifest(BUNDLED_DIR, processors=PROCESSORS), tokenize_pretokenized=True)
    assert kwargs["processors"] == "tokenize,pos,lemma,depparse,ner"
    assert kwargs["depparse_model_path"] == str(BUNDLED_DIR / "depparse.pt")
    assert kwargs["depparse_pretrain_path"] == str(BUNDLED_DIR / "pretrain.pt")
    assert kwargs["download_method"] is None and kwargs["tokenize_pretokenized"] is True


class _FailingPipeline:
    def bulk_process(self, docs, processors=None):
        raise RuntimeError("model failed")


def test_segmentation_leaves_the_cycle_collector_as_it_found_it():
    # The collector is paused during the Stanza call, for speed; the caller's setting must survive it.
    from pipeline.models import load_pipeline, resolve

    doc = Document("d", "Barack Obama spoke in Chicago on Tuesday.")
    segment_many([doc], load_pipeline(resolve("bundled")))
    assert gc.isenabled() and len(doc.tokens) == 8
    with pytest.raises(RuntimeError):
        segment_many([Document("e", "A failing model.")], _FailingPipeline())
    assert gc.isenabled()
    gc.disable()
    try:
        segment_many([Document("f", "Kept off.")], load_pipeline(resolve("bundled")))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_every_shipped_model_file_is_the_one_its_manifest_names_within_the_size_budget():
    import hashlib
    import json

    from pipeline.models import BUNDLED_DIR

    manifest = json.loads((BUNDLED_DIR / "manifest.json").read_text())
    entries = [*manifest["processors"].values(), manifest["pretrain"], *manifest["attribution"]["members"]]
    for entry in entries:
        digest = hashlib.sha256((BUNDLED_DIR / entry["file"]).read_bytes()).hexdigest()
        assert digest == entry["sha256"], entry["file"]
    # nothing ships that the manifest does not name, and all of it fits the 60 MB budget
    assert {p.name for p in BUNDLED_DIR.glob("*.pt")} == {entry["file"] for entry in entries}
    assert sum(p.stat().st_size for p in BUNDLED_DIR.iterdir()) < 60e6
