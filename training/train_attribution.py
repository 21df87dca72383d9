#!/usr/bin/env python
"""Train the attribution tagger (pipeline/models/en/attribution.pt) on PolNeAR train.

The tagger is Stanza's own NER tagger (BiLSTM-CRF, `stanza.models.ner_tagger`) taught a
different label set: each token of a sentence is part of a quotation's CONTENT, its SOURCE,
its CUE, or none (O). The labels come from PolNeAR's annotated spans, laid over the tokens
our own segment stage makes of each article, so the tagger sees at training time exactly
what it sees in use. A SOURCE or CUE inside another quotation's content wins over that
content. PolNeAR dev picks the best checkpoint; the bundled word vectors are its pretrain.

The shipped tagger is two such models, trained alike from seeds 1234 and 2 (SEEDS), whose
scores the pipeline averages (pipeline/attribution_tagger.py).

The confidence model (training/train_confidence.py) must see tagger labels on train that the
tagger did not learn from, so `--cross-fit` also trains taggers (one per seed) on each half of
train (articles alternating in doc_id order), lets each half's pair label the other half and
writes train with those labels (build/polnear-train.crossfit.docs.jsonl.gz) for
train_confidence.py.

Usage:
  python training/train_attribution.py [--cross-fit] [--budget-s 3000]
"""
import argparse
import json
import os
import sys
from pathlib import Path

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "training"))

import train  # noqa: E402  (the project's driver over Stanza's trainers: run, sha256, manifest)
from pipeline import interim  # noqa: E402
from pipeline.builder import run_stage  # noqa: E402
from pipeline.models import BUNDLED_DIR  # noqa: E402

GOLD = os.path.join(os.path.dirname(REPO), "shared", "gold")
BUILD = os.path.join(REPO, "build")
WORK = os.path.join(BUILD, "attribution")
# One thread each. Hidden 256: a quotation's content runs far from its cue.
ARGS = ["--hidden_dim", "256", "--char_hidden_dim", "64", "--char_emb_dim", "50", "--word_emb_dim", "50",
        "--optim", "adam", "--lr", "2e-3", "--eval_interval", "1000", "--batch_size", "32"]
FULL_STEPS = ["--max_steps", "6000"]
HALF_STEPS = ["--max_steps", "4000"]
SEEDS = (train.SEED, 2)
BUDGET_S = 3600


def segmented(split: str) -> str:
    """PolNeAR `split` through the segment stage with the shipped models (cached in build/)."""
    path = os.path.join(BUILD, f"polnear-{split}.docs.jsonl.gz")
    if not os.path.exists(path):
        run_stage("segment", [os.path.join(GOLD, f"polnear.{split}.jsonl")], path)
    return path


def _covers(token, start: int, end: int) -> bool:
    """The token lies in [start, end), or at least half of it does."""
    inside = min(end, token.end) - max(start, token.start)
    return token.start >= start and token.end <= end or inside > 0 and 2 * inside >= token.end - token.start


def labelled_sentences(docs, gold: dict) -> list[list[dict]]:
    """Stanza NER training data: one list of {"text", "ner"} (BIO) per sentence."""
    out = []
    for doc in docs:
        labels = ["O"] * len(doc.tokens)
        owner = [None] * len(doc.tokens)

        def mark(start, end, label, span, override):
            for t in doc.tokens:
                if _covers(t, start, end) and (labels[t.index] == "O" or override):
                    labels[t.index], owner[t.index] = label, span

        quotes = gold[doc.doc_id]["quotes"]
        for i, q in enumerate(quotes):
            for j, (start, end) in enumerate(q.get("segments") or [(q["start"], q["end"])]):
                mark(start, end, "CONTENT", (i, "content", j), False)
        for i, q in enumerate(quotes):
            if q.get("speaker_start") is not None:
                mark(q["speaker_start"], q["speaker_end"], "SOURCE", (i, "source"), True)
            if q.get("cue_start") is not None:
                mark(q["cue_start"], q["cue_end"], "CUE", (i, "cue"), True)
        for sent in doc.sentences:
            tokens, previous = [], None
            for k in range(sent.first_token, sent.last_token):
                here = (labels[k], owner[k]) if labels[k] != "O" else None
                tag = "O" if here is None else ("I-" if here == previous else "B-") + labels[k]
                tokens.append({"text": doc.tokens[k].text, "ner": tag})
                previous = here
            if tokens:
                out.append(tokens)
    return out


def halves(doc_ids) -> dict[str, int]:
    """Each article's half of train, 0 or 1: articles alternate in doc_id order."""
    return {doc_id: n % 2 for n, doc_id in enumerate(sorted(doc_ids))}


def write_data(docs_path: str, gold_path: str, out: str, half: int | None = None) -> str:
    """Labelled sentences of the articles in docs_path (of one half of them, 0 or 1, by doc_id)."""
    gold = {str(a["doc_id"]): a for a in map(json.loads, open(gold_path, encoding="utf-8"))}
    half_of = halves(gold)
    _, docs = interim.load(docs_path)
    docs = [d for d in docs if d.status == "ok" and (half is None or half_of[d.doc_id] == half)]
    with open(out, "w", encoding="utf-8") as f:
        json.dump(labelled_sentences(docs, gold), f)
    return out


def train_tagger(name: str, seed: int, train_file: str, dev_file: str, steps: list[str], budget_s: int) -> tuple[str, dict]:
    save_dir = os.path.join(WORK, f"{name}-seed{seed}")
    logfile = f"{save_dir}.log"
    cmd = ["-m", "stanza.models.ner_tagger", "--mode", "train", "--seed", str(seed),
           "--save_dir", save_dir, "--save_name", "attribution.pt", "--shorthand", "en_polnear",
           "--train_file", train_file, "--eval_file", dev_file,
           "--wordvec_pretrain_file", str(BUNDLED_DIR / "pretrain.pt")] + ARGS + steps
    wall = train.run(cmd, logfile, budget_s)
    with open(logfile, encoding="utf-8", errors="replace") as f:
        step, dev_f1 = train.dev_best(f.readlines())
    return os.path.join(save_dir, "attribution.pt"), {"seed": seed, "steps": step, "wall_time_s": round(wall),
                                                      "dev_span_f1": round(dev_f1, 4)}


def install(trained: list[tuple[str, dict]]) -> None:
    """Ship the models (attribution.pt, attribution-2.pt, …) and their manifest entry."""
    import shutil

    members = []
    for k, (model, entry) in enumerate(trained):
        target = BUNDLED_DIR / ("attribution.pt" if k == 0 else f"attribution-{k + 1}.pt")
        shutil.copy(model, target)
        members.append({"file": target.name, "sha256": train.sha256(str(target)), **entry})
        train.log(f"installed {target} ({os.path.getsize(target) / 1e6:.1f} MB): {entry}")
    entry = {"pretrain": "pretrain.pt", "data": "PolNeAR train (content, source and cue spans over the segment stage's tokens)",
             "labels": ["CONTENT", "SOURCE", "CUE"], "members": members}
    train.update_manifest(lambda m: m.__setitem__("attribution", entry))


def cross_fit(train_docs: str, dev_file: str, budget_s: int) -> str:
    """Train on each half of train, one model per seed, and label the other half with them."""
    gold_path = os.path.join(GOLD, "polnear.train.jsonl")
    models = {}
    for half in (0, 1):
        data = write_data(train_docs, gold_path, os.path.join(WORK, f"train.half{half}.json"), half)
        models[half] = [train_tagger(f"half{half}", seed, data, dev_file, HALF_STEPS, budget_s)[0] for seed in SEEDS]
    return label_cross_fit(train_docs, models)


def label_cross_fit(train_docs: str, models: dict[int, list[str]]) -> str:
    """Write train with each half labelled by the models of the other half (`models`: half → files)."""
    from pipeline.models import load_attribution_tagger
    from pipeline.segment import tag_attribution

    meta, docs = interim.load(train_docs)
    docs = list(docs)
    half_of = halves(d.doc_id for d in docs)
    for half in (0, 1):
        other = [d for d in docs if d.status == "ok" and half_of[d.doc_id] != half]
        tag_attribution(other, load_attribution_tagger(tuple(Path(m) for m in models[half])))
    out = os.path.join(BUILD, "polnear-train.crossfit.docs.jsonl.gz")
    interim.save(docs, out, meta)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cross-fit", action="store_true", help="also write train labelled by taggers of its halves")
    ap.add_argument("--budget-s", type=int, default=BUDGET_S, help="wall-clock budget for each tagger, in seconds")
    args = ap.parse_args()
    os.makedirs(WORK, exist_ok=True)
    train_docs, dev_docs = segmented("train"), segmented("dev")
    dev_file = write_data(dev_docs, os.path.join(GOLD, "polnear.dev.jsonl"), os.path.join(WORK, "dev.json"))
    data = write_data(train_docs, os.path.join(GOLD, "polnear.train.jsonl"), os.path.join(WORK, "train.json"))
    install([train_tagger("full", seed, data, dev_file, FULL_STEPS, args.budget_s) for seed in SEEDS])
    if args.cross_fit:
        train.log(f"cross-fitted train: {cross_fit(train_docs, dev_file, args.budget_s)}")


if __name__ == "__main__":
    main()
