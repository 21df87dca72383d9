#!/usr/bin/env python
"""Learn the quotation confidence model (pipeline/models/confidence.json) on PolNeAR train.

Runs the quote (rules and attribution tagger) and attribute stages over PolNeAR train
articles that the segment stage has already annotated, with tagger labels from taggers
that did not learn from those articles (training/train_attribution.py --cross-fit), labels each quotation by the evaluation's own rule (>= 50% of its
characters inside one annotated quotation) and fits a logistic regression (scikit-learn)
on `pipeline.confidence.features`. The regularisation strength and the threshold are the
pair whose held-out predictions, in 5-fold cross-validation by article, give the highest
mean of the F1 scores over all, direct, mixed and indirect quotations and end to end,
averaged with the neighbouring thresholds (plateau_f1); the model is then fitted on all of
train with that strength. Only train is used.

Usage:
  python training/train_attribution.py --cross-fit     # writes build/polnear-train.crossfit.docs.jsonl.gz
  python training/train_confidence.py build/polnear-train.crossfit.docs.jsonl.gz [--gold ...] [--out ...]
"""
import argparse
import json
import os
import sys

import numpy as np
import pandas as pd
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

from pipeline import interim  # noqa: E402
from pipeline.attribute import attribute  # noqa: E402
from pipeline.confidence import MODEL_PATH, RULES_MODEL_PATH, features, token_starts  # noqa: E402
from pipeline.evaluate import TYPES, gold_chars, matching_gold, read_gold, score  # noqa: E402
from pipeline.quotes import find_quotes  # noqa: E402
from pipeline.tagged import add_tagged_quotes  # noqa: E402
from pipeline.write import quote_rows  # noqa: E402

GOLD = os.path.join(os.path.dirname(REPO), "shared", "gold", "polnear.train.jsonl")
THRESHOLDS = [round(0.05 * k, 2) for k in range(6, 17)]   # 0.30 … 0.80
STRENGTHS = [0.1, 0.3, 1.0]    # inverse regularisation strength C
FOLDS = 5


def examples(segmented: str, gold: list[dict], rules_only: bool = False):
    """(features, label, quote row) for every quotation the rules and the tagger find in train."""
    by_id = {str(a["doc_id"]): a for a in gold}
    out = []
    _, docs = interim.load(segmented)
    for doc in docs:
        article = by_id.get(str(doc.doc_id))
        if article is None or doc.status != "ok":
            continue
        if rules_only:          # as the pipeline sees text with the attribution tagger off
            for t in doc.tokens:
                t.attribution = t.attribution_p = None
        doc = attribute(add_tagged_quotes(find_quotes(doc)))
        chars = gold_chars(article)
        starts = token_starts(doc)
        for q, row in zip(doc.quotes, quote_rows(doc)):
            if q.fallback:      # scored like the rest, but they only compete with the rules' quotations
                continue
            match = matching_gold(doc.text, chars, q.start, q.end)
            out.append((features(doc, q, starts), match is not None and match[1] is not None, row))
    return out


def held_out_probabilities(x, y: np.ndarray, doc_ids: np.ndarray, strength: float) -> np.ndarray:
    """Each quotation's probability from a model fitted on the other folds' articles."""
    articles = sorted(set(doc_ids))
    np.random.RandomState(0).shuffle(articles)
    fold_of = {a: n % FOLDS for n, a in enumerate(articles)}
    folds = np.array([fold_of[d] for d in doc_ids])
    probs = np.zeros(len(y))
    for k in range(FOLDS):
        model = LogisticRegression(C=strength, max_iter=2000, random_state=0).fit(x[folds != k], y[folds != k])
        probs[folds == k] = model.predict_proba(x[folds == k])[:, 1]
    return probs


def mean_f1(gold: list[dict], frame: pd.DataFrame) -> float:
    """The mean of the F1 scores the accuracy floors are set on: each type's, and end to end."""
    metrics = {t: score(gold, frame, 0.5, t).metrics() for t in TYPES}
    return (sum(m["F1"] for m in metrics.values()) + metrics["all"]["e2e_F1"]) / (len(TYPES) + 1)


def plateau_f1(cv: dict, strength: float, threshold: float) -> float:
    """Mean cross-validated F1 at a threshold and its neighbours on the grid. The curve is flat
    near its top, where points a hair apart trade places from one retraining to the next; a
    threshold whose neighbours score well too is the surer choice."""
    k = THRESHOLDS.index(threshold)
    near = [cv[strength, t] for t in THRESHOLDS[max(k - 1, 0):k + 2]]
    return sum(near) / len(near)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("segmented", help="PolNeAR train after the segment stage, with cross-fitted tagger labels")
    ap.add_argument("--gold", default=GOLD)
    ap.add_argument("--out", help=f"default {MODEL_PATH}, or {RULES_MODEL_PATH} with --rules-only")
    ap.add_argument("--rules-only", action="store_true",
                    help="the model for QUOTES_ATTRIBUTION_TAGGER=off: the rules' quotations, no tagger labels")
    args = ap.parse_args()
    gold = read_gold(args.gold)
    args.out = args.out or str(RULES_MODEL_PATH if args.rules_only else MODEL_PATH)
    data = examples(args.segmented, gold, args.rules_only)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([f for f, _, _ in data])
    y = np.array([label for _, label, _ in data])
    rows = pd.DataFrame([row for _, _, row in data])
    held_out = {c: held_out_probabilities(x, y, rows.doc_id.astype(str).to_numpy(), c) for c in STRENGTHS}
    cv = {(c, t): mean_f1(gold, rows[held_out[c] >= t]) for c in STRENGTHS for t in THRESHOLDS}
    strength, threshold = max(cv, key=lambda point: plateau_f1(cv, *point))
    model = LogisticRegression(C=strength, max_iter=2000, random_state=0).fit(x, y)
    probs = model.predict_proba(x)[:, 1]
    by_threshold = {t: mean_f1(gold, rows[probs >= t]) for t in (0.0, threshold)}
    weights = {name: round(float(w), 5) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])}
    result = {
        "trained_on": f"{os.path.basename(args.gold)}: {len(gold)} articles, {len(data)} quotations found "
                      f"by the rules{'' if args.rules_only else ' and the attribution tagger'}, {sum(y)} of them annotated",
        "threshold": threshold,
        "C": strength,
        "cross_validated_mean_f1": round(cv[strength, threshold], 4),
        "cross_validated_plateau_f1": round(plateau_f1(cv, strength, threshold), 4),
        # how well held-out probabilities rank annotated quotations above the others
        "cross_validated_roc_auc": round(float(roc_auc_score(y, held_out[strength])), 4),
        "train_mean_f1": {"unfiltered": round(by_threshold[0.0], 4), "at_threshold": round(by_threshold[threshold], 4)},
        "bias": round(float(model.intercept_[0]), 5),
        "weights": dict(sorted(weights.items())),
    }
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print(json.dumps({k: v for k, v in result.items() if k != "weights"}, indent=1))
    print("cross-validated mean F1 by (C, threshold):", {f"{c} {t}": round(v, 4) for (c, t), v in cv.items()})


if __name__ == "__main__":
    main()
