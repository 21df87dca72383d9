"""The seed article end to end against its hand-made answer key."""
import json
import subprocess
import sys

import pandas as pd

import pipeline
from conftest import SCORER, SEED_GOLD
from pipeline.write import read_metadata

CANONICAL = {  # gold speaker → (short name, kind)
    "Claude Knights": ("Knights", "PERSON"),
    "Sara Payne": ("Payne", "PERSON"),
    "Sharon Girling": ("Girling", "PERSON"),
    "Home Office": ("Home Office", "ORG"),
    "NSPCC": ("NSPCC", "ORG"),
    "Scotland Yard": ("Scotland Yard", "ORG"),
    "Metropolitan Police": ("Metropolitan Police", "ORG"),
}


def _row_for(frame, gold_quote):
    hits = frame[(frame.quote_start < gold_quote["end"]) & (frame.quote_end > gold_quote["start"])]
    assert len(hits) == 1, (gold_quote["text"], hits.quote_text.tolist())
    return hits.iloc[0]


def test_every_gold_quotation_with_its_speaker(seed_build, seed_gold):
    frame = pipeline.load_quotes(seed_build)
    assert len(seed_gold["quotes"]) == 11
    for q in seed_gold["quotes"]:
        row = _row_for(frame, q)
        assert row.speaker_mention == q["speaker_mention"], q["text"]
        assert (row.speaker_start, row.speaker_end) == (q["speaker_start"], q["speaker_end"])
        assert row.speaker == q["speaker"], q["text"]
        assert (row.speaker_short, row.speaker_kind) == CANONICAL[q["speaker"]]
    assert len(frame) == 11


def test_affiliation_and_addressee(seed_build):
    frame = pipeline.load_quotes(seed_build)
    knights = frame[frame.speaker == "Claude Knights"]
    assert set(knights.speaker_affiliation) == {"Kidscape"}
    told = knights[knights.cue == "told"]
    assert told.addressee.tolist() == ["Sky News"]


def test_no_scare_quote_or_boilerplate_reported(seed_build, seed_gold):
    frame = pipeline.load_quotes(seed_build)
    for block in seed_gold["not_quotes"] + seed_gold["boilerplate"]:
        overlap = frame[(frame.quote_start < block["end"]) & (frame.quote_end > block["start"])]
        assert overlap.empty, block["text"]


def test_offsets_point_into_the_original_text(seed_build, seed_gold):
    frame = pipeline.load_quotes(seed_build)
    text = seed_gold["text"]
    for row in frame.itertuples():
        assert row.quote_text == text[row.quote_start:row.quote_end]
        assert row.speaker_mention == text[row.speaker_start:row.speaker_end]
        assert row.cue == text[row.cue_start:row.cue_end]


def test_reference_scorer_gives_full_marks(seed_build):
    out = subprocess.run([sys.executable, str(SCORER), str(SEED_GOLD), str(seed_build / "quotes.parquet")],
                         capture_output=True, text=True, check=True).stdout
    scores = json.loads(out)
    assert scores["F1"] == 1.0 and scores["e2e_F1"] == 1.0


def test_documents_table_and_provenance(seed_build):
    docs = pipeline.load_documents(seed_build)
    row = docs.iloc[0]
    assert (row.doc_id, row.n_chars, row.n_quotes, row.status) == ("000_beac154402d1a2d7", 2878, 11, "ok")
    assert pd.isna(row.error) and row.source.endswith("000_beac154402d1a2d7.txt")
    assert docs.n_sentences[0] > 15
    meta = read_metadata(seed_build / "quotes.parquet")
    assert meta["pipeline_version"] == pipeline.__version__
    assert meta["models"]["kind"] in ("bundled", "official")
    assert "tokenize" in meta["models"]["ids"]
    assert meta["models"]["attribution_tagger"].startswith("bundled/attribution.pt@")
    assert len(meta["fingerprint"]) == 64


def test_typed_frame(seed_build):
    frame = pipeline.load_quotes(seed_build)
    assert str(frame.quote_type.dtype) == "category"
    assert list(frame.quote_type.cat.categories) == ["direct", "partial", "mixed", "indirect"]
    assert str(frame.quote_start.dtype) == "Int32" and str(frame.speaker_start.dtype) == "Int32"
