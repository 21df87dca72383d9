"""Noun phrases for speakers despite tagger mistakes: hand-tagged sentences with the tags
small taggers really produce on news text."""
from conftest import tagged_doc as _doc
from pipeline.tokens import np_left, np_right


def _words(doc, span: tuple[int, int] | None) -> str | None:
    return None if span is None else " ".join(t.text for t in doc.tokens[span[0]:span[1]])


def test_a_mistagged_surname_stays_in_the_name():
    doc = _doc([("office", "NOUN"), (",", "PUNCT"), ("said", "VERB"), ("Quentin", "PROPN"), ("Kidd", "VERB"),
                (",", "PUNCT"), ("a", "DET"), ("scientist", "NOUN")])
    assert _words(doc, np_right(doc, 3, len(doc.tokens))) == "Quentin Kidd"
    assert _words(doc, np_left(doc, 5, 3)) == "Quentin Kidd"


def test_title_periods_and_initials_stay_in_the_name():
    doc = _doc([("said", "VERB"), ("Rep", "PROPN"), (".", "PUNCT"), ("G.K", "PROPN"), (".", "PUNCT"),
                ("Butterfield", "PROPN"), ("(", "PUNCT")])
    assert _words(doc, np_right(doc, 1, len(doc.tokens))) == "Rep . G.K . Butterfield"


def test_a_quote_mark_is_never_part_of_a_speaker():
    doc = _doc([("Cook", "PROPN"), ("called", "VERB"), ("''total", "PROPN"), ("crap", "NOUN"), ("''", "NOUN")])
    assert np_right(doc, 2, len(doc.tokens)) is None
    assert _words(doc, np_left(doc, 1, 0)) == "Cook"
