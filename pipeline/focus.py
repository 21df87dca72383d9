"""Which sentences the tagger (and the lemmatizer and parser, when loaded) must see.

The quote, attribute and confidence stages read tags only in sentences that hold a
quotation candidate (quoted spans, a transcript's turns, a headline's claim) or a word that
may be a reporting cue, and in a few neighbours of those, each for a reason the text shows:
- the sentence before, unless it ends with a full stop or a quote mark (whose tag is fixed):
  its last word is the word before a quotation or cue opening the next sentence, a
  sentence ending with ":" introduces a quotation ('X said:'), and one ending with a
  closing mark can be the quotation a cue after the sentence break attributes;
- the sentence after, when this one ends with ":" (the report runs on into it) or ends on
  a cue word with nothing but adverbs after it (its object starts the next sentence);
- the rest of the line after a quotation's closing dash ('“…” ― Carla Sanchez').
All of it is found from the tokens alone, so the tagger runs on those sentences only and
the output is the same as tagging every sentence (tests/test_focus.py checks it on PolNeAR
dev): a rule that reads tags elsewhere must extend this list. NER still runs on every
sentence: speakers are resolved through names anywhere in the article."""
from __future__ import annotations

from .attribute import byline_after
from .cues import is_cue_lemma
from .document import Document
from .quotes import candidate_spans
from .tagged import tagged_as
from .tokens import CLOSERS, fixed_punctuation, is_adverb


def sentences_to_tag(doc: Document) -> set[int]:
    """Indices of the sentences whose tags can change the output."""
    # (and every sentence where the attribution tagger marks a quotation's content: tagged.py)
    home = {tok.sentence for tok in doc.tokens if _may_cue(tok.text) or tagged_as(tok, "CONTENT")}
    for start, end in candidate_spans(doc):
        home.update(_sentences_over(doc, start, end))
        byline = byline_after(doc.text, end)
        if byline is not None and byline[1] > byline[0]:
            home.update(_sentences_over(doc, *byline))
    wanted = set(home)
    for i in home:
        if i > 0 and _read_from_next(doc, i - 1):
            wanted.add(i - 1)
        if i + 1 < len(doc.sentences) and _runs_on(doc, i):
            wanted.add(i + 1)
    return wanted


def _may_cue(word: str) -> bool:
    """A form of a reporting verb (of belief too, whatever the setting), or "according"."""
    return is_cue_lemma(word, beliefs=True) or word.lower() == "according"


def _sentences_over(doc: Document, start: int, end: int) -> range:
    return range(doc.sentence_at(start), doc.sentence_at(max(start, end - 1)) + 1)


def _read_from_next(doc: Document, si: int) -> bool:
    """The next sentence's rules read this one: it ends on a token whose tag is the tagger's
    (not a full stop or a quote mark), with ":" or with a closing quote mark."""
    last = doc.tokens[doc.sentences[si].last_token - 1].text
    return last == ":" or last in CLOSERS or not fixed_punctuation(last)


def _runs_on(doc: Document, si: int) -> bool:
    """This sentence's rules read the next one: it ends with ":", or a cue word is followed
    by nothing but adverbs."""
    sent = doc.sentences[si]
    tokens = doc.tokens[sent.first_token:sent.last_token]
    if tokens[-1].text == ":":
        return True
    for tok in reversed(tokens):
        if _may_cue(tok.text):
            return True
        if not is_adverb(tok):
            return False
    return False
