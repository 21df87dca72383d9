"""Stage 3b, tagged quotations: what the attribution tagger marks and the rules missed.

The tagger (a Stanza BiLSTM-CRF sequence tagger trained on PolNeAR train; see
training/train_attribution.py) labels every token of a sentence as part of a quotation's
CONTENT, its SOURCE or its CUE. The segment stage stores those labels on the tokens; this
stage turns each CONTENT run into a quotation, with the SOURCE run nearest to it in the same
sentence as its speaker mention. A run over a quotation of the rules, or one whose cue the
rules reported from (the tagger's "And yet" before "X said, the ward will stay open"), is only
that quotation's fallback: the confidence stage keeps it where the rules' quotation falls under
the threshold and it does not. A report of the rules that the attribute stage will drop for
want of a speaker ("could not resist pointing out that …": no subject of "pointing") holds no
place against the tagger's run, which is then a quotation like any other. A run with no
SOURCE in its sentence is left out: reported speech without a reporter is narration. The
rules keep the last word on headlines and captions. Nor does the
tagger take the plain object of a verb like "criticised" or "defended" (no "that", no verb, no
quoted words), which the rules leave out too: it names what the stance is about, not what was
said, and the sample's answer key says "criticised the lack of police supervision of convicted
offenders" and "has defended the system" are no quotations. PolNeAR marks such objects ("have
also questioned the health of Donald Trump"), so this costs a little on it (see the README)."""
from __future__ import annotations

from . import cues
from .attribute import speechless
from .document import Document, Quote
from .quotes import title_spans
from .tokens import cue_verb, quote_mark, tag, verb_of_its_own

MIN_TOKENS = 2          # one-token runs are mostly stray labels


def tagged_as(token, label: str) -> bool:
    """The tagger labelled this token part of a `label` run (CONTENT, SOURCE or CUE)."""
    return (token.attribution or "").endswith(label)


def runs(doc: Document, label: str) -> list[tuple[int, int]]:
    """Token ranges [first, last) of each `label` run, from the tagger's BIOES tags; a run
    never crosses a sentence boundary."""
    out: list[tuple[int, int]] = []
    for sent in doc.sentences:
        first = None
        for k in range(sent.first_token, sent.last_token):
            bioes = doc.tokens[k].attribution or "O"
            prefix, kind = bioes[:1], bioes[2:]
            if first is not None and (kind != label or prefix in ("B", "S")):
                out.append((first, k))
                first = None
            if kind == label and first is None:
                first = k
            if first is not None and prefix in ("E", "S"):
                out.append((first, k + 1))
                first = None
        if first is not None:
            out.append((first, sent.last_token))
    return out


def add_tagged_quotes(doc: Document, beliefs: bool = True) -> Document:
    """Add the tagger's quotations (see the module's docstring); with `beliefs` off, not those
    whose cue is a verb of belief or intention, as for the rules."""
    if doc.status != "ok" or not any(t.attribution for t in doc.tokens):
        return doc
    sources, cue_runs = runs(doc, "SOURCE"), runs(doc, "CUE")
    found = [q for q in doc.quotes if not speechless(doc, q)]
    titles = title_spans(doc)
    used_cues = {q.cue_token for q in found if q.cue_token is not None}
    for first, last in runs(doc, "CONTENT"):
        if last - first < MIN_TOKENS:
            continue
        start, end = doc.tokens[first].start, doc.tokens[last - 1].end
        if any(s < end and start < e for s, e in titles):
            continue
        sentence = doc.tokens[first].sentence
        source = _nearest(doc, sources, sentence, first, last)
        cue = _nearest(doc, cue_runs, sentence, first, last)
        word = _cue_word(doc, cue) if cue is not None else None
        belief = word is not None and cue_verb(doc.tokens[word]) in cues.BELIEF
        if source is None or cue is not None and _plain_object(doc, cue, word, first, last) or belief and not beliefs:
            continue
        fallback = (any(q.start < end and start < q.end for q in found)
                    or cue is not None and bool(used_cues.intersection(range(*cue))))
        q = Quote(start, end, "indirect", sentence_index=sentence, attribution="tagger", belief=belief,
                  speaker_start=doc.tokens[source[0]].start, speaker_end=doc.tokens[source[1] - 1].end,
                  fallback=fallback)
        if cue is not None:
            q.cue_token, q.cue_start, q.cue_end = word, doc.tokens[cue[0]].start, doc.tokens[cue[1] - 1].end
            q.cue_inverted = source[0] > cue[0]
        doc.quotes.append(q)
    doc.quotes.sort(key=lambda q: (q.start, q.end))
    return doc


def _nearest(doc: Document, spans: list[tuple[int, int]], sentence: int, first: int, last: int):
    """The span in this sentence nearest to the token range [first, last)."""
    here = [s for s in spans if doc.tokens[s[0]].sentence == sentence]
    return min(here, key=lambda s: max(s[0] - last, first - s[1], 0), default=None)


def _cue_word(doc: Document, cue: tuple[int, int]) -> int:
    """The word a CUE run turns on: its last verb ("did not immediately respond", "has backed"),
    else its first word ("according to")."""
    return next((k for k in range(cue[1] - 1, cue[0] - 1, -1) if tag(doc.tokens[k]) == "VERB"), cue[0])


def _plain_object(doc: Document, cue: tuple[int, int], word: int, first: int, last: int) -> bool:
    """The run [first, last) is a plain object right after a verb like "criticised" (cues.OBJECT,
    not a naming verb), `word` being the verb of the CUE run `cue`: no "that", no verb (but a
    participle before a noun: "convicted offenders"), no quote marks."""
    run = doc.tokens[first:last]
    return (cue[1] == first and cue_verb(doc.tokens[word]) in cues.OBJECT - cues.NAMING
            and run[0].text.lower() != "that"
            and not any(verb_of_its_own(run, k) or quote_mark(doc, m) for k, m in enumerate(range(first, last))))
