"""How right is a build? Scores predicted quotations against a gold JSONL file.

Metric definitions are those of the reference scorer (shared/tools/score.py):
quote marks, spaces and punctuation are trimmed from both ends of every span; a
prediction is correct when >= `cover` of its characters lie in one gold quote; a gold
quote is found when >= `cover` of it is covered by the correct predictions assigned to
it; the speaker is right when the span of the prediction covering most of the gold
quote overlaps the gold speaker span; end-to-end counts quotes found with the right
speaker."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .builder import load_quotes

TRIM = set(" \t\r\n\u00a0\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a`.,;:!?-\u2014\u2013()[]")
TYPES = ("all", "direct", "mixed", "indirect")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _chars(text: str, spans) -> set[int]:
    out: set[int] = set()
    for start, end in spans:
        start, end = _trimmed(text, start, end)
        out.update(range(start, end))
    return out


def _speaker_ok(pred: dict, gold: dict) -> bool:
    if pred.get("speaker_start") is None or pred.get("speaker_end") is None or pd.isna(pred["speaker_start"]):
        return False
    return min(int(pred["speaker_end"]), gold["speaker_end"]) > max(int(pred["speaker_start"]), gold["speaker_start"])


@dataclass
class Miss:
    """A gold quotation not found, or found with the wrong speaker, for a person to read."""
    doc_id: str
    kind: str            # missed | wrong speaker | spurious
    gold: str | None
    gold_speaker: str | None
    predicted: str | None
    predicted_speaker: str | None


@dataclass
class Scores:
    counts: Counter
    misses: list[Miss] = field(default_factory=list)

    def metrics(self) -> dict:
        c = self.counts
        p = c["pred_ok"] / c["pred"] if c["pred"] else 0.0
        r = c["found"] / c["gold"] if c["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        ep = c["pred_e2e"] / c["pred"] if c["pred"] else 0.0
        er = c["spk_ok"] / c["gold_spk"] if c["gold_spk"] else 0.0
        ef = 2 * ep * er / (ep + er) if ep + er else 0.0
        acc = c["spk_ok"] / c["found_spk"] if c["found_spk"] else 0.0
        return dict(P=p, R=r, F1=f, speaker_acc=acc, e2e_P=ep, e2e_R=er, e2e_F1=ef, **c)


def _group(frame: pd.DataFrame) -> dict[str, list[dict]]:
    by: dict[str, list[dict]] = defaultdict(list)
    for row in frame.to_dict("records"):
        by[str(row["doc_id"])].append(row)
    return by


def gold_chars(article: dict) -> list[set[int]]:
    """The trimmed characters of each gold quotation of an article."""
    return [_chars(article["text"], q.get("segments") or [(q["start"], q["end"])]) for q in article["quotes"]]


def matching_gold(text: str, gold: list[set[int]], start: int, end: int,
                  cover: float = 0.5) -> tuple[int, int | None] | None:
    """(overlap, index) of the gold quotation holding >= cover of a prediction's characters,
    (0, None) when none does, None for a prediction with no characters left after trimming."""
    pc = _chars(text, [(start, end)])
    if not pc:
        return None
    overlap, index = max(((len(pc & gc), i) for i, gc in enumerate(gold)), default=(0, None))
    return (overlap, index) if index is not None and overlap >= cover * len(pc) else (0, None)


def score(gold: list[dict], predictions: pd.DataFrame, cover: float = 0.5, quote_type: str = "all") -> Scores:
    """Score one quote type ("all" for every type) of a prediction table against gold articles."""
    c: Counter = Counter()
    misses: list[Miss] = []
    pred = _group(predictions)
    for article in gold:
        text = article["text"]
        quotes = article["quotes"]
        chars = gold_chars(article)
        keep = [i for i, q in enumerate(quotes) if quote_type == "all" or q.get("type") == quote_type]
        preds = pred.get(str(article["doc_id"]), [])
        assigned: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for j, p in enumerate(preds):
            best = matching_gold(text, chars, int(p["quote_start"]), int(p["quote_end"]), cover)
            if best is None:
                continue
            if best[1] is not None:
                assigned[best[1]].append((best[0], j))
                if best[1] in keep:
                    c["pred"] += 1
                    c["pred_ok"] += 1
                    g = quotes[best[1]]
                    c["pred_e2e"] += g.get("speaker_start") is not None and _speaker_ok(p, g)
            else:
                c["pred"] += 1
                misses.append(Miss(article["doc_id"], "spurious", None, None, p["quote_text"], p.get("speaker_mention")))
        for i in keep:
            q = quotes[i]
            c["gold"] += 1
            has_speaker = q.get("speaker_start") is not None
            c["gold_spk"] += has_speaker
            got = assigned.get(i, [])
            gold_speaker = text[q["speaker_start"]:q["speaker_end"]] if has_speaker else None
            if not chars[i] or sum(o for o, _ in got) < cover * len(chars[i]):
                misses.append(Miss(article["doc_id"], "missed", text[q["start"]:q["end"]], gold_speaker, None, None))
                continue
            c["found"] += 1
            if has_speaker:
                c["found_spk"] += 1
                top = preds[max(got)[1]]
                if _speaker_ok(top, q):
                    c["spk_ok"] += 1
                else:
                    misses.append(Miss(article["doc_id"], "wrong speaker", text[q["start"]:q["end"]], gold_speaker,
                                       top["quote_text"], top.get("speaker_mention")))
    return Scores(c, misses)


def read_gold(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(gold_path: str | Path, predictions: str | Path | pd.DataFrame, cover: float = 0.5) -> dict[str, Scores]:
    """Scores per quote type: {"all": …, "direct": …, "mixed": …, "indirect": …}."""
    gold = read_gold(gold_path)
    frame = predictions if isinstance(predictions, pd.DataFrame) else load_quotes(predictions)
    return {t: score(gold, frame, cover, t) for t in TYPES}
