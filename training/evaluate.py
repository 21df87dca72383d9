#!/usr/bin/env python
"""Score the shipped models in pipeline/models/en/ and measure their speed.

* UD English-EWT test, end to end from raw text (like Stanza's official
  performance table): the test CoNLL-U is turned into raw text with
  stanza.utils.datasets.conllu_to_text (paragraphs = blank lines), run through
  the shipped tokenize[,pos,lemma,depparse] pipeline and scored against the
  original gold file with Stanza's CoNLL-U scorer (stanza.models.common.utils
  .ud_scores -> udtools.udeval, the CoNLL 2018 shared-task evaluator Stanza
  1.15 ships in place of the old stanza.utils.conll18_ud_eval).  Gold
  multi-word tokens (don't = do + n't) are kept in the gold file; the shipped
  tokenizer emits their words as separate tokens, which costs a little on the
  Tokens line only (words, tags and trees align through the MWT).
* GUM test NER from gold tokens: entity-level F1 with
  stanza.models.ner.scorer.score_by_entity, overall and restricted to
  PERSON+ORG.
* Model load time and tokens/s per processor on this machine.

Usage: python training/evaluate.py [--json PATH] [--only tokenize,pos,...] [--no-speed]
"""
import argparse
import io
import json
import logging
import os
import tempfile
import time
from pathlib import Path

from pipeline.models import PROCESSORS, from_manifest, pipeline_kwargs

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("QUOTES_TRAINING_DATA", os.path.join(os.path.dirname(REPO), "shared", "training"))
EWT_TEST = os.path.join(DATA, "UD_English-EWT", "en_ewt-ud-test.conllu")
GUM_NER_TEST = os.path.join(DATA, "gum-ner", "en_gum.test.json")
MODELS = os.environ.get("QUOTES_MODELS_DIR", os.path.join(REPO, "pipeline", "models", "en"))
NER_LABEL_MAP = {"PER": "PERSON"}      # must match training/train.py


def model_source(processors=None):
    """The shipped models in MODELS: `processors` (default: all five) less those it lacks."""
    return from_manifest(Path(MODELS), "path", tuple(processors or PROCESSORS))


def load_pipeline(processors=None, **extra):
    """Loaded as the pipeline loads them (no downloads), but with the training optimizers
    Stanza builds, as the load times in the README were measured."""
    import stanza
    return stanza.Pipeline(**pipeline_kwargs(model_source(processors), **extra))


def ewt_test_text(tmpdir):
    from stanza.utils.datasets import conllu_to_text
    txt = os.path.join(tmpdir, "en_ewt.test.txt")
    conllu_to_text.convert_text(EWT_TEST, txt)
    with open(txt, encoding="utf-8") as f:
        return f.read()


def doc_to_conllu(doc):
    return "{:C}\n\n".format(doc)


def restore_long_tokens(doc):
    """The tokenize processor replaces tokens longer than its max_seqlen (URLs)
    with "<UNK>"; put the original characters back so the scorer can align."""
    for sent in doc.sentences:
        for tok in sent.tokens:
            if tok.text == "<UNK>" and tok.start_char is not None:
                orig = doc.text[tok.start_char:tok.end_char]
                tok.text = orig
                for w in tok.words:
                    if w.text == "<UNK>":
                        w.text = orig


def score_ud(doc, gold=EWT_TEST):
    from stanza.models.common.utils import ud_scores
    restore_long_tokens(doc)
    ev = ud_scores(gold, io.StringIO(doc_to_conllu(doc)))
    return {"tokens_f1": ev["Tokens"].f1, "sentences_f1": ev["Sentences"].f1, "words_f1": ev["Words"].f1,
            "upos": ev["UPOS"].f1, "xpos": ev["XPOS"].f1, "ufeats": ev["UFeats"].f1,
            "alltags": ev["AllTags"].f1, "lemmas": ev["Lemmas"].f1,
            "uas": ev["UAS"].f1, "las": ev["LAS"].f1}


def score_ner(pipe):
    from stanza.models.ner.scorer import score_by_entity
    with open(GUM_NER_TEST, encoding="utf-8") as f:
        sents = json.load(f)
    gold = []
    for s in sents:
        tags = []
        for t in s:
            tag = t["ner"]
            if tag[:2] in ("B-", "I-", "E-", "S-"):
                tag = tag[:2] + NER_LABEL_MAP.get(tag[2:], tag[2:])
            tags.append(tag)
        gold.append(tags)
    doc = pipe([[t["text"] for t in s] for s in sents])
    pred = [[t.ner for t in s.tokens] for s in doc.sentences]
    assert [len(x) for x in pred] == [len(x) for x in gold]
    _, _, f1, per_type = score_by_entity(pred, gold, verbose=False)
    _, _, po_f1, _ = score_by_entity(pred, gold, verbose=False,
                                     ignore_tags=[t for t in per_type if t not in ("PERSON", "ORG")])
    return {"ner_f1": f1, "ner_person_org_f1": po_f1, **{f"ner_f1_{k}": v for k, v in per_type.items()}}


def timed_pipeline(procs):
    """Build the pipeline, recording each processor's construction (load) time.

    The shared pretrain is loaded by the first processor that needs it (pos),
    so that processor's load time includes it."""
    from stanza.pipeline import core
    load = {}
    orig = dict(core.NAME_TO_PROCESSOR_CLASS)

    def wrap(name, cls):
        def build(*a, **k):
            t0 = time.time()
            obj = cls(*a, **k)
            load[name] = time.time() - t0
            return obj
        return build
    try:
        for name in procs:
            core.NAME_TO_PROCESSOR_CLASS[name] = wrap(name, orig[name])
        t0 = time.time()
        pipe = load_pipeline(procs)
        total = time.time() - t0
    finally:
        core.NAME_TO_PROCESSOR_CLASS.clear()
        core.NAME_TO_PROCESSOR_CLASS.update(orig)
    return pipe, load, total


def evaluate(procs=None, speed=True):
    """Score the shipped processors (and optionally time them).  Returns a dict.

    EWT: one pass of the raw test text through the pipeline, processor by
    processor (timed), then scored.  NER: GUM test from gold tokens."""
    import torch
    avail = list(model_source().processors)
    procs = [p for p in (procs or avail) if p in avail]
    res = {"scores": {}}
    # processors needed to evaluate the requested ones end to end
    last = max([PROCESSORS.index(q) for q in procs if q != "ner"] or [-1])
    ud_procs = [p for p in PROCESSORS if p in avail and p != "ner" and PROCESSORS.index(p) <= last]
    run_procs = list(avail) if speed else ud_procs
    if run_procs:
        with tempfile.TemporaryDirectory() as tmp:
            text = ewt_test_text(tmp)
        pipe, load, total = timed_pipeline(run_procs)
        doc, times = text, {}
        for p in run_procs:
            t0 = time.time()
            doc = pipe.processors[p].process(doc)
            times[p] = time.time() - t0
        res["ewt_test_tokens"] = doc.num_tokens
        if speed:
            res["load_time_s"] = {p: round(load.get(p, 0.0), 3) for p in run_procs}
            res["pipeline_load_time_s"] = round(total, 3)
            res["tokens_per_s"] = {p: round(doc.num_tokens / times[p], 1) for p in run_procs}
            res["torch_threads"] = torch.get_num_threads()
        if ud_procs:
            ud = score_ud(doc)
            keep = {"tokens_f1", "sentences_f1", "words_f1"}
            keep |= {"upos", "xpos", "ufeats", "alltags"} if "pos" in ud_procs else set()
            keep |= {"lemmas"} if "lemma" in ud_procs else set()
            keep |= {"uas", "las"} if "depparse" in ud_procs else set()
            res["scores"].update({k: v for k, v in ud.items() if k in keep})
    if "ner" in procs:
        pipe = load_pipeline(["tokenize", "ner"], tokenize_pretokenized=True)
        res["scores"].update(score_ner(pipe))
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", help="write the numbers to this file")
    ap.add_argument("--only", default=None, help="comma list of processors to score")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    logging.getLogger("stanza").setLevel(logging.WARNING)
    procs = args.only.split(",") if args.only else None
    res = evaluate(procs, speed=not args.no_speed)
    sc = res["scores"]
    rows = [("EWT test (raw text, end to end)", None),
            ("Tokens F1", "tokens_f1"), ("Sentences F1", "sentences_f1"), ("Words F1", "words_f1"),
            ("UPOS", "upos"), ("XPOS", "xpos"), ("UFeats", "ufeats"), ("Lemmas", "lemmas"),
            ("UAS", "uas"), ("LAS", "las"),
            ("GUM test NER (gold tokens)", None),
            ("NER F1 (all types)", "ner_f1"), ("NER F1 PERSON+ORG", "ner_person_org_f1")]
    rows += [(f"  NER F1 {k[7:]}", k) for k in sorted(sc) if k.startswith("ner_f1_")]
    print()
    for name, key in rows:
        if key is None:
            print(name)
        elif key in sc:
            print(f"  {name:<28} {sc[key] * 100:6.2f}")
    if res.get("load_time_s"):
        print(f"\nSpeed on this machine (torch threads: {res.get('torch_threads')}; "
              f"{res.get('ewt_test_tokens')} EWT test tokens; pipeline load {res['pipeline_load_time_s']:.1f}s)")
        print(f"  {'processor':<10} {'load s':>8} {'tokens/s':>10}")
        for p in res["load_time_s"]:
            print(f"  {p:<10} {res['load_time_s'][p]:8.2f} {res['tokens_per_s'].get(p, 0):10.0f}")
    size = sum(os.path.getsize(os.path.join(MODELS, f)) for f in os.listdir(MODELS))
    res["models_dir_bytes"] = size
    with open(os.path.join(MODELS, "manifest.json")) as f:
        res["stanza_version"] = json.load(f).get("stanza_version")
    print(f"\nModel folder {MODELS}: {size / 1e6:.1f} MB")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(res, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
