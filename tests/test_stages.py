"""Step-by-step stages (make sentences / quotes / dataset) give exactly the one-shot build."""
import pandas as pd

import pipeline
from conftest import SEED_TXT
from pipeline.builder import run_stage, write_stage


def test_staged_build_equals_one_shot_build(tmp_path, seed_build):
    sentences, quoted, attributed = (tmp_path / f"{n}.docs.jsonl.gz" for n in ("s", "q", "a"))
    assert run_stage("segment", [SEED_TXT], sentences) == 1
    assert run_stage("quotes", [sentences], quoted) == 1
    assert run_stage("attribute", [quoted], attributed) == 1
    write_stage(attributed, tmp_path / "out")
    pd.testing.assert_frame_equal(pipeline.load_quotes(tmp_path / "out"), pipeline.load_quotes(seed_build))
    pd.testing.assert_frame_equal(pipeline.load_documents(tmp_path / "out"), pipeline.load_documents(seed_build))
