"""Stage 5, confidence: how likely each attributed quotation is to be one that news
annotators mark, from a logistic model learned on PolNeAR train
(`training/train_confidence.py`). Quotations under the model's threshold are dropped:
under the evaluation's rules a false quotation costs precision in every quote type. A build
may set its own threshold (`min_confidence`): lower for more reported speech, higher for
fewer false quotations."""
from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from .attribution_tagger import LABELS
from .document import Document, Quote
from .tagged import tagged_as
from .tokens import cue_verb, tag

MODEL_PATH = Path(__file__).parent / "models" / "confidence.json"
# For text the attribution tagger has not labelled (QUOTES_ATTRIBUTION_TAGGER=off): the model
# learned on the rules' quotations alone, without the tagger's features.
RULES_MODEL_PATH = MODEL_PATH.with_name("confidence-rules.json")
# Words that tell a report from narration around a quotation ("that", "when", "to say").
_FUNCTION_WORDS = frozenset("""that to when if as while because after before but and who which not
also then said says""".split())
_MARKS = re.compile(r"[\"“”«»]|(?<!\w)['‘]|['’](?!\w)")


def token_starts(doc: Document) -> list[int]:
    return [t.start for t in doc.tokens]


def features(doc: Document, q: Quote, starts: list[int]) -> dict[str, float]:
    """What the model sees of a quotation (`starts` from token_starts): its kind, cue,
    speaker, shape and the words around it and its cue."""
    first = bisect_left(starts, q.start)
    tokens = doc.tokens[first:bisect_left(starts, q.end)]
    said = _said(q, tokens)
    cue = cue_verb(doc.tokens[q.cue_token]) if q.cue_token is not None else "none"
    sentence = doc.sentences[doc.sentence_at(q.start)]
    where = "none" if q.cue_start is None else ("before" if q.cue_start < q.start else
                                                 "after" if q.cue_start >= q.end else "inside")
    return {
        f"type={q.quote_type}": 1.0,
        f"attribution={q.attribution}": 1.0,
        f"kind={q.speaker_kind}": 1.0,
        f"cue={cue}": 1.0,
        f"cue_at={where}": 1.0,
        f"type={q.quote_type}|cue_at={where}": 1.0,
        f"inverted={q.cue_inverted}": 1.0,
        f"first={tag(tokens[0]) if tokens else 'none'}": 1.0,
        f"first_word={tokens[0].text.lower() if tokens and tokens[0].text.lower() in ('that', 'to') else 'other'}": 1.0,
        f"marks={min(len(_MARKS.findall(doc.text, q.start, q.end)), 3)}": 1.0,
        f"starts_sentence={q.start <= sentence.start + 1}": 1.0,
        f"ends_sentence={q.end >= sentence.end - 2}": 1.0,
        f"cue={cue}|type={q.quote_type}": 1.0,
        f"before_quote={_word_or_tag(doc, first - 1)}": 1.0,
        f"sentence_opens={_word_or_tag(doc, sentence.first_token)}": 1.0,
        f"before_cue={_word_or_tag(doc, q.cue_token - 1) if q.cue_token is not None else 'none'}": 1.0,
        f"last={tag(tokens[-1]) if tokens else 'none'}": 1.0,
        f"commas={min(sum(t.text == ',' for t in tokens), 3)}": 1.0,
        "log_tokens": math.log1p(len(tokens)),
        # the attribution tagger's view (tagged.py): how much of it is CONTENT (leaving out the
        # speaker and cue a split report holds: "The wards, X said, are full"), is its cue a CUE
        "tagged_content": sum(tagged_as(t, "CONTENT") for t in said) / max(len(said), 1),
        "tagged_cue": float(q.cue_token is not None and tagged_as(doc.tokens[q.cue_token], "CUE")),
        "verbs": float(any(tag(t) in ("VERB", "AUX") for t in tokens)),
        **_tagger_probabilities(doc, q, said, starts),
    }


def _said(q: Quote, tokens: list) -> list:
    """The quotation's tokens less its own speaker and cue."""
    own = [(q.speaker_start, q.speaker_end), (q.cue_start, q.cue_end)]
    return [t for t in tokens if not any(s is not None and s <= t.start < e for s, e in own)]


def _tagger_probabilities(doc: Document, q: Quote, said: list, starts: list[int]) -> dict[str, float]:
    """How sure the tagger is (attribution_tagger.py) that the words said are CONTENT (on average,
    and at the least sure word), that the speaker is a SOURCE and the cue a CUE; each also as
    log-odds, which tells 0.9 from 0.999."""
    speaker = [] if q.speaker_start is None else doc.tokens[bisect_left(starts, q.speaker_start):bisect_left(starts, q.speaker_end)]
    content = [_probability_in(t, "CONTENT") for t in said] or [0.0]
    sure = {
        "content_p_mean": sum(content) / len(content),
        "content_p_min": min(content),
        "source_p_max": max((_probability_in(t, "SOURCE") for t in speaker), default=0.0),
        "cue_p": _probability_in(doc.tokens[q.cue_token], "CUE") if q.cue_token is not None else 0.0,
    }
    return sure | {f"{name}_logodds": _log_odds(p) for name, p in sure.items()}


def _probability_in(token, label: str) -> float:
    """The tagger's probability that the token lies in a `label` run; from its label alone for
    text segmented before the tagger gave probabilities."""
    if token.attribution_p is None:
        return float(tagged_as(token, label))
    return token.attribution_p[LABELS.index(label)]


def _log_odds(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _word_or_tag(doc: Document, k: int) -> str:
    """A function word as itself, anything else as its tag."""
    if k < 0 or k >= len(doc.tokens):
        return "none"
    low = doc.tokens[k].text.lower()
    return low if low in _FUNCTION_WORDS else tag(doc.tokens[k])


@lru_cache(maxsize=2)
def _model(tagged: bool = True) -> dict:
    return json.loads((MODEL_PATH if tagged else RULES_MODEL_PATH).read_text())


def probability(features: dict[str, float], tagged: bool = True) -> float:
    model = _model(tagged)
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-z))


def score_quotes(doc: Document, min_confidence: float | None = None) -> Document:
    """Set every quotation's confidence and drop those under `min_confidence` (default: the
    model's threshold, the one that scored best on PolNeAR train)."""
    if doc.status != "ok":
        return doc
    tagged = any(t.attribution for t in doc.tokens)
    threshold = _model(tagged)["threshold"] if min_confidence is None else min_confidence
    starts = token_starts(doc)
    for q in doc.quotes:
        q.confidence = round(probability(features(doc, q, starts), tagged), 3)
    kept = [q for q in doc.quotes if q.confidence >= threshold]
    rules = [q for q in kept if q.attribution != "tagger"]
    doc.quotes = [q for q in kept if not q.fallback or not any(_displaces(doc, r, q) for r in rules)]
    return doc


def _displaces(doc: Document, rules: Quote, fallback: Quote) -> bool:
    """A quotation of the rules displaces a fallback of the tagger (tagged.py) that overlaps it
    or whose cue holds the word the rules reported from."""
    return (rules.start < fallback.end and fallback.start < rules.end
            or rules.cue_token is not None and fallback.cue_start is not None
            and fallback.cue_start <= doc.tokens[rules.cue_token].start < fallback.cue_end)
