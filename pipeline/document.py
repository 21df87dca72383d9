"""The one object that flows through every stage: an article's original text plus
everything the stages find in it, always as character offsets into that text."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Token:
    text: str
    start: int
    end: int
    index: int                # position in the document's token list
    sentence: int             # sentence index
    upos: str | None = None
    lemma: str | None = None
    head: int | None = None   # document token index of the head; None for the root
    deprel: str | None = None
    attribution: str | None = None   # the attribution tagger's BIOES tag (CONTENT, SOURCE, CUE)
    attribution_p: list[float] | None = None   # its probabilities of a CONTENT, SOURCE, CUE run


@dataclass
class Sentence:
    start: int
    end: int
    first_token: int          # document token indices [first_token, last_token)
    last_token: int


@dataclass
class Entity:
    text: str
    start: int
    end: int
    label: str                # Stanza NER label, e.g. PERSON, ORG


@dataclass
class Quote:
    start: int
    end: int
    quote_type: str           # direct | partial | mixed | indirect
    sentence_index: int = -1
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None
    speaker_short: str | None = None
    speaker_kind: str | None = None
    speaker_affiliation: str | None = None
    addressee: str | None = None
    attribution: str = "none"  # how the speaker was found
    belief: bool = False       # the cue is a verb of belief or intention ("believes", "wants")
    confidence: float = 0.0
    cue_token: int | None = None     # document token index of the cue, for the attribute stage
    cue_inverted: bool = False       # the speaker stands after the cue
    fallback: bool = False           # a tagger run that gives way to a rules quotation (confidence.py)


@dataclass
class Document:
    doc_id: str
    text: str
    source: str = ""
    meta: dict = field(default_factory=dict)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    status: str = "ok"
    error: str | None = None

    def span(self, start: int | None, end: int | None) -> str | None:
        return None if start is None or end is None else self.text[start:end]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing (or nearest before) a character offset."""
        lo, hi = 0, len(self.sentences) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= offset:
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
        return best

    def sentence_tokens(self, index: int) -> list[Token]:
        s = self.sentences[index]
        return self.tokens[s.first_token:s.last_token]


def document_to_dict(doc: Document) -> dict:
    return asdict(doc)


def document_from_dict(data: dict) -> Document:
    """Inverse of document_to_dict (JSON round trip of a stage's output)."""
    data = dict(data)
    data["boilerplate"] = [tuple(span) for span in data["boilerplate"]]
    data["sentences"] = [Sentence(**s) for s in data["sentences"]]
    data["tokens"] = [Token(**t) for t in data["tokens"]]
    data["entities"] = [Entity(**e) for e in data["entities"]]
    data["quotes"] = [Quote(**q) for q in data["quotes"]]
    return Document(**data)
