"""The POS tagger runs only on the sentences the quote and attribute stages read, and the
output is the same as when it tags every sentence."""
import pandas as pd
import pytest

import pipeline
from conftest import DEV_GOLD
from pipeline.document import Document
from pipeline.segment import segment_many

_ARTICLE = ("Maria Lopez chaired the council on Monday. It approved the budget. The weather was mild all week. "
            "Roads were busy. Shops opened late. \"We are pleased,\" the mayor said. Nothing else happened.")


@pytest.fixture(scope="module")
def nlp():
    from pipeline.models import load_pipeline, resolve

    return load_pipeline(resolve("bundled"))


def _tagged_sentences(doc: Document) -> list[bool]:
    return [all(t.upos for t in doc.sentence_tokens(k)) for k in range(len(doc.sentences))]


def test_only_sentences_at_or_next_to_a_quotation_or_cue_are_tagged(nlp):
    doc = segment_many([Document("d", _ARTICLE)], nlp)[0]
    assert len(doc.sentences) == 7
    assert _tagged_sentences(doc) == [False, False, False, False, True, True, True]
    assert not any(t.upos for t in doc.sentence_tokens(0))
    assert [(e.text, e.label) for e in doc.entities] == [("Maria Lopez", "PERSON")]   # NER runs everywhere


def test_tag_everything_tags_every_sentence(nlp):
    doc = segment_many([Document("d", _ARTICLE)], nlp, tag_everything=True)[0]
    assert all(_tagged_sentences(doc))


def test_focused_tagging_gives_the_full_run_on_polnear_dev(dev_build, tmp_path):
    pipeline.build([DEV_GOLD], tmp_path, tag_everything=True)
    pd.testing.assert_frame_equal(pipeline.load_quotes(tmp_path), pipeline.load_quotes(dev_build))
    pd.testing.assert_frame_equal(pipeline.load_documents(tmp_path), pipeline.load_documents(dev_build))
