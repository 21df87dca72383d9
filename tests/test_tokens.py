"""Noun phrases for speakers despite tagger mistakes: hand-tagged sentences with the tags
small taggers really produce on news text."""
from pipeline.document import Document, Sentence, Token
from pipeline.tokens import np_left, np_right


def _doc(tagged: list[tuple[str, str]]) -> Document:
    """A one-sentence document from (word, UPOS) pairs joined by spaces."""
    text, tokens = "", []
    for index, (word, upos) in enumerate(tagged):
        start = len(text) + (1 if text else 0)
        text = f"{text} {word}" if text else word
        tokens.append(Token(word, start, start + len(word), index, 0, upos=upos))
    return Document("d", text, sentences=[Sentence(0, len(text), 0, len(tokens))], tokens=tokens)


def _words(doc: Document, span: tuple[int, int] | None) -> str | None:
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
