"""Loading the bundled Stanza models."""
import subprocess
import sys

from conftest import ROOT

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
