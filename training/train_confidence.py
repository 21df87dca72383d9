#!/usr/bin/env python
"""Learn the quotation confidence model (pipeline/models/confidence.json) on PolNeAR train.

Runs the quote and attribute stages over PolNeAR train articles that the segment stage
has already annotated, labels each quotation by the evaluation's own rule (>= 50% of its
characters inside one annotated quotation), fits a logistic regression
(scikit-learn) on `pipeline.confidence.features`, and picks the threshold that maximises
on train the mean of the F1 scores over all, direct, mixed and indirect quotations and end
to end. Only train is used.

Usage:
  quotes stage segment ../shared/gold/polnear.train.jsonl --out build/train.docs.jsonl.gz
  python training/train_confidence.py build/train.docs.jsonl.gz [--gold ...] [--out ...]
"""
import argparse
import json
import os
import sys

import pandas as pd
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

from pipeline import interim  # noqa: E402
from pipeline.attribute import attribute  # noqa: E402
from pipeline.confidence import MODEL_PATH, features, token_starts  # noqa: E402
from pipeline.evaluate import TYPES, gold_chars, matching_gold, read_gold, score  # noqa: E402
from pipeline.quotes import find_quotes  # noqa: E402
from pipeline.write import quote_rows  # noqa: E402

GOLD = os.path.join(os.path.dirname(REPO), "shared", "gold", "polnear.train.jsonl")
THRESHOLDS = [round(0.05 * k, 2) for k in range(0, 19)]


def examples(segmented: str, gold: list[dict]):
    """(features, label, quote row) for every quotation the rules find in train."""
    by_id = {str(a["doc_id"]): a for a in gold}
    out = []
    _, docs = interim.load(segmented)
    for doc in docs:
        article = by_id.get(str(doc.doc_id))
        if article is None or doc.status != "ok":
            continue
        doc = attribute(find_quotes(doc))
        chars = gold_chars(article)
        starts = token_starts(doc)
        for q, row in zip(doc.quotes, quote_rows(doc)):
            match = matching_gold(doc.text, chars, q.start, q.end)
            out.append((features(doc, q, starts), match is not None and match[1] is not None, row))
    return out


def mean_f1(gold: list[dict], frame: pd.DataFrame) -> float:
    """The mean of the F1 scores the accuracy floors are set on: each type's, and end to end."""
    metrics = {t: score(gold, frame, 0.5, t).metrics() for t in TYPES}
    return (sum(m["F1"] for m in metrics.values()) + metrics["all"]["e2e_F1"]) / (len(TYPES) + 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("segmented", help="PolNeAR train after `quotes stage segment`")
    ap.add_argument("--gold", default=GOLD)
    ap.add_argument("--out", default=str(MODEL_PATH))
    args = ap.parse_args()
    gold = read_gold(args.gold)
    data = examples(args.segmented, gold)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([f for f, _, _ in data])
    y = [label for _, label, _ in data]
    model = LogisticRegression(C=1.0, max_iter=2000, random_state=0).fit(x, y)
    probs = model.predict_proba(x)[:, 1]
    rows = pd.DataFrame([row for _, _, row in data])
    by_threshold = {t: mean_f1(gold, rows[probs >= t]) for t in THRESHOLDS}
    threshold = max(THRESHOLDS, key=lambda t: (by_threshold[t], -t))
    weights = {name: round(float(w), 5) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])}
    result = {
        "trained_on": f"{os.path.basename(args.gold)}: {len(gold)} articles, {len(data)} quotations found "
                      f"by the rules, {sum(y)} of them annotated",
        "threshold": threshold,
        "train_mean_f1": {"unfiltered": round(by_threshold[0.0], 4), "at_threshold": round(by_threshold[threshold], 4)},
        "bias": round(float(model.intercept_[0]), 5),
        "weights": dict(sorted(weights.items())),
    }
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print(json.dumps({k: v for k, v in result.items() if k != "weights"}, indent=1))
    print("mean F1 on train by threshold:", {t: round(v, 4) for t, v in by_threshold.items()})


if __name__ == "__main__":
    main()
