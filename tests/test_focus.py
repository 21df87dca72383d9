"""The POS tagger runs only on the sentences the quote and attribute stages read, and the
output is the same as when it tags every sentence."""
import pandas as pd
import pytest

import pipeline
from conftest import DEV_GOLD
from pipeline.document import Document
from pipeline.segment import segment_many

_PLAIN = "Maria Lopez chaired the council on Monday. It approved the budget. The weather was mild all week. "


@pytest.fixture(scope="module")
def nlp():
    from pipeline.models import load_pipeline, resolve

    return load_pipeline(resolve("bundled"))


def _tagged(doc: Document) -> dict[str, bool]:
    return {doc.text[s.start:s.end]: all(t.upos for t in doc.sentence_tokens(k)) for k, s in enumerate(doc.sentences)}


def test_only_sentences_with_a_quotation_or_cue_are_tagged(nlp):
    text = _PLAIN + "Roads were busy. \"We are pleased,\" the mayor said. Nothing else happened."
    doc = segment_many([Document("d", text)], nlp)[0]
    assert _tagged(doc) == {"Maria Lopez chaired the council on Monday.": False, "It approved the budget.": False,
                            "The weather was mild all week.": False, "Roads were busy.": False,
                            "\"We are pleased,\" the mayor said.": True, "Nothing else happened.": False}
    assert [(e.text, e.label) for e in doc.entities] == [("Maria Lopez", "PERSON")]   # NER runs everywhere


def test_a_sentence_introducing_a_quotation_is_tagged_with_it(nlp):
    # 'X said:' before a quotation names its speaker, though it holds no cue word here.
    text = _PLAIN + "The mayor's words were these:\n\n\"We are pleased with the result.\"\n\nNothing else happened."
    tagged = _tagged(segment_many([Document("d", text)], nlp)[0])
    assert tagged["The mayor's words were these:"] and tagged["\"We are pleased with the result.\""]
    assert not tagged["The weather was mild all week."] and not tagged["Nothing else happened."]


def test_tag_everything_tags_every_sentence(nlp):
    text = _PLAIN + "Roads were busy."
    assert all(_tagged(segment_many([Document("d", text)], nlp, tag_everything=True)[0]).values())


def test_focused_tagging_gives_the_full_run_on_polnear_dev(dev_build, tmp_path):
    pipeline.build([DEV_GOLD], tmp_path, tag_everything=True)
    pd.testing.assert_frame_equal(pipeline.load_quotes(tmp_path), pipeline.load_quotes(dev_build))
    pd.testing.assert_frame_equal(pipeline.load_documents(tmp_path), pipeline.load_documents(dev_build))
