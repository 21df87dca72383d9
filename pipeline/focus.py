"""Which sentences the tagger (and the lemmatizer and parser, when loaded) must see.

The quote, attribute and confidence stages read tags only in sentences that hold a
quotation candidate (quoted spans, a transcript's turns, a headline's claim) or a word that
may be a reporting cue, and in the sentence on either side of those: a quotation's
attribution ('“…” ― Carla Sanchez', 'X said:'), the word before it and before its cue.
All of that is found from the tokens alone, so the tagger can run on those sentences only
and the output is the same as tagging every sentence (tests/test_scale.py checks it on
PolNeAR dev). NER still runs on every sentence: speakers are resolved through names
anywhere in the article."""
from __future__ import annotations

from .cues import is_cue_lemma
from .document import Document
from .quotes import candidate_spans


def sentences_to_tag(doc: Document) -> set[int]:
    """Indices of the sentences whose tags can change the output."""
    read = {tok.sentence for tok in doc.tokens if _may_cue(tok.text)}
    for start, end in candidate_spans(doc):
        read.update(range(doc.sentence_at(start), doc.sentence_at(max(start, end - 1)) + 1))
    return {n for i in read for n in (i - 1, i, i + 1) if 0 <= n < len(doc.sentences)}


def _may_cue(word: str) -> bool:
    """A form of a reporting verb (of belief too, whatever the setting), or "according"."""
    return is_cue_lemma(word, beliefs=True) or word.lower() == "according"
