"""PolNeAR dev articles: real-world typography never crashes the run, offsets stay exact,
and the built-in evaluation agrees with the reference scorer."""
import json
import subprocess
import sys

import pandas as pd
import pytest

import pipeline
from conftest import DEV_GOLD, SCORER, SEED_GOLD, read_jsonl
from pipeline.evaluate import evaluate


def test_every_article_processed_with_exact_offsets(dev_build):
    gold = {a["doc_id"]: a["text"] for a in read_jsonl(DEV_GOLD)}
    docs = pipeline.load_documents(dev_build)
    assert sorted(docs.doc_id) == sorted(gold)
    assert (docs.status == "ok").all(), docs[docs.status != "ok"][["doc_id", "error"]]
    quotes = pipeline.load_quotes(dev_build)
    assert len(quotes) > 1000
    for row in quotes.itertuples():
        text = gold[row.doc_id]
        assert 0 <= row.quote_start < row.quote_end <= len(text)
        assert row.quote_text == text[row.quote_start:row.quote_end]
        if pd.notna(row.speaker_mention):
            assert row.speaker_mention == text[row.speaker_start:row.speaker_end]
    assert quotes.quote_id.is_unique


def _reference(gold, pred, types=""):
    cmd = [sys.executable, str(SCORER), str(gold), str(pred)] + (["--types", types] if types else [])
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


@pytest.mark.parametrize("quote_type", ["all", "direct", "mixed", "indirect"])
def test_evaluation_equals_reference_scorer_on_dev(dev_build, quote_type):
    ours = evaluate(DEV_GOLD, dev_build)[quote_type].metrics()
    ref = _reference(DEV_GOLD, dev_build / "quotes.parquet", "" if quote_type == "all" else quote_type)
    for key, value in ref.items():
        assert ours[key] == pytest.approx(value, abs=1e-4), key


def test_evaluation_equals_reference_scorer_on_seed(seed_build):
    ours = evaluate(SEED_GOLD, seed_build)["all"].metrics()
    ref = _reference(SEED_GOLD, seed_build / "quotes.parquet")
    assert {k: round(v, 4) if isinstance(v, float) else v for k, v in ours.items()} == ref


def test_confidence_ranks_true_quotations_above_false_ones(dev_build):
    """The learned confidence (trained on PolNeAR train only) orders dev quotations: the more
    confident half matches the annotators' quotations more often than the less confident half."""
    from pipeline.confidence import _model
    from pipeline.evaluate import gold_chars, matching_gold

    gold = {a["doc_id"]: a for a in read_jsonl(DEV_GOLD)}
    quotes = pipeline.load_quotes(dev_build)
    assert quotes.confidence.between(_model()["threshold"], 1.0).all()
    quotes["true"] = [matching_gold(gold[r.doc_id]["text"], gold_chars(gold[r.doc_id]), r.quote_start, r.quote_end)
                      not in (None, (0, None)) for r in quotes.itertuples()]
    ranked = quotes.sort_values("confidence", ascending=False)
    upper, lower = ranked.iloc[:len(ranked) // 2], ranked.iloc[len(ranked) // 2:]
    assert upper.true.mean() > lower.true.mean() + 0.03, (upper.true.mean(), lower.true.mean())


def test_speakers_get_whole_names(dev_build):
    """Canonical names are the whole name, without the titles and roles in front of it, even
    where the entity tagger clips an organisation's name ("The New York Post": it tags "York
    Post") or runs a person's into a place ("New Jersey Gov. Chris Christie"); a name in an
    aside of the mention is not the speaker's; two people with one surname stay apart, and the
    surname alone is the one last quoted."""
    quotes = pipeline.load_quotes(dev_build)
    speakers = set(quotes.speaker)
    assert {"New York Post", "Congressional Budget Office", "International Monetary Fund", "Chris Christie",
            "Mitch McConnell", "Jeh Johnson", "Gary Johnson"} <= speakers
    assert not speakers & {"York Post", "Budget Office", "Fund", "Jersey Gov. Chris Christie",
                           "Senate Majority Leader Mitch McConnell", "Homeland Security Secretary Jeh Johnson"}
    by_mention = dict(zip(quotes.speaker_mention, quotes.speaker))     # the name, not one in an aside
    assert by_mention["Sen. Bernie Sanders (Vt.), who lost the Democratic primaries to Clinton,"] == "Bernie Sanders"
    assert by_mention["Aaron Kall, the director of debate at the University of Michigan,"] == "Aaron Kall"
    assert by_mention["An attorney for Pagliano, Mark MacDougall,"] == "Mark MacDougall"
    jeh = quotes[quotes.speaker == "Jeh Johnson"].doc_id.iloc[0]
    surname_only = quotes[(quotes.doc_id == jeh) & (quotes.speaker_mention == "Johnson")]
    assert len(surname_only) >= 2 and set(surname_only.speaker) == {"Jeh Johnson"}


def test_affiliations_are_whole_organisation_names(dev_build):
    """An affiliation is the organisation's whole name from the appositive after the person,
    read within that sentence: not the part the entity tagger marked ("University" of "the
    University of Utah"), not a word of the next sentence ("Sure enough, …"), a person ("to
    President Bill Clinton") or a day ("on Thursday")."""
    quotes = pipeline.load_quotes(dev_build)
    affiliation = dict(zip(quotes.speaker, quotes.speaker_affiliation))
    assert affiliation["Craig Bryan"] == "University of Utah"
    assert affiliation["Chad Bown"] == "Peterson Institute for International Economics"
    assert affiliation["Paul Rieckhoff"] == "Iraq and Afghanistan Veterans of America"
    assert affiliation["Cornell William Brooks"] == "NAACP"
    for person in ("Robert McAtee", "John D. Podesta", "David Plouffe"):
        assert pd.isna(affiliation[person]), (person, affiliation[person])
