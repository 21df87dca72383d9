"""Parallel and distributed runs give exactly the plain run's output; interrupted builds resume."""
import json
import os
import random
import signal
import subprocess
import sys
import time

import pandas as pd
import pyarrow.parquet as pq
import pytest

import pipeline
from conftest import DEV_GOLD, read_jsonl
from pipeline import builder
from pipeline.document import Document


@pytest.fixture(scope="module")
def dev_subset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("subset")
    path = folder / "dev12.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for article in read_jsonl(DEV_GOLD)[:12]:
            fh.write(json.dumps({"doc_id": article["doc_id"], "text": article["text"]}) + "\n")
    return path


@pytest.fixture(scope="module")
def plain(dev_subset, tmp_path_factory):
    out = tmp_path_factory.mktemp("plain")
    pipeline.build([dev_subset], out, partition_size=4)
    return out


def _same(a, b):
    pd.testing.assert_frame_equal(pipeline.load_quotes(a), pipeline.load_quotes(b))
    pd.testing.assert_frame_equal(pipeline.load_documents(a), pipeline.load_documents(b))


def test_worker_processes_match_plain_run(dev_subset, plain, tmp_path):
    pipeline.build([dev_subset], tmp_path, partition_size=4, workers=2)
    _same(plain, tmp_path)


def test_dask_local_cluster_matches_plain_run(dev_subset, plain, tmp_path):
    result = pipeline.build([dev_subset], tmp_path, partition_size=4, engine="dask", workers=2)
    assert result.documents == 12
    _same(plain, tmp_path)
    assert len(list((tmp_path / "quotes.parquet").glob("part-*.parquet"))) == 3


def test_rerun_skips_finished_partitions(dev_subset, plain, tmp_path):
    pipeline.build([dev_subset], tmp_path, partition_size=4)
    parts = sorted((tmp_path / "documents.parquet").glob("part-*.parquet"))
    before = {p: p.stat().st_mtime_ns for p in parts}
    parts[1].unlink()                      # as if the run died before finishing partition 1
    result = pipeline.build([dev_subset], tmp_path, partition_size=4)
    assert result.documents == 12
    assert parts[0].stat().st_mtime_ns == before[parts[0]]
    assert parts[2].stat().st_mtime_ns == before[parts[2]]
    assert parts[1].exists()
    _same(plain, tmp_path)


def test_rerun_with_other_settings_redoes_every_partition(dev_subset, plain, tmp_path):
    pipeline.build([dev_subset], tmp_path, partition_size=4)
    result = pipeline.build([dev_subset], tmp_path, partition_size=4, beliefs=False)
    assert result.documents == 12
    for part in (tmp_path / "quotes.parquet").glob("part-*.parquet"):
        meta = json.loads(pq.read_metadata(part).metadata[b"quote_pipeline"])
        assert meta["settings"] == {"beliefs": False, "min_confidence": None}
    assert len(pipeline.load_quotes(tmp_path)) < len(pipeline.load_quotes(plain))


def test_a_lower_confidence_threshold_keeps_the_rules_quotations_and_more(dev_subset, plain, tmp_path):
    pipeline.build([dev_subset], tmp_path, partition_size=4, min_confidence=0.5)
    meta = json.loads(pq.read_metadata(next((tmp_path / "quotes.parquet").glob("part-*.parquet"))).metadata[b"quote_pipeline"])
    assert meta["settings"] == {"beliefs": True, "min_confidence": 0.5}
    lower, default = pipeline.load_quotes(tmp_path), pipeline.load_quotes(plain)
    assert len(lower) > len(default)
    # (a tagger run that stood in for a rules quotation under the default threshold gives way
    # to it when the lower threshold keeps it, so only the rules' quotations are a subset)
    rules = [frame[frame.attribution != "tagger"][["doc_id", "quote_start", "quote_end", "speaker"]].astype(str)
             for frame in (default, lower)]
    assert set(map(tuple, rules[0].values)) < set(map(tuple, rules[1].values))
    assert lower.confidence.min() >= 0.5 and default.confidence.min() > lower.confidence.min()
    with pytest.raises(ValueError, match="between 0 and 1"):
        pipeline.build([dev_subset], tmp_path, min_confidence=65)


def test_kill_9_leaves_no_partial_output_and_rerun_completes(dev_subset, plain, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline.cli", "build", str(dev_subset), "--out", str(out), "--partition-size", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(random.uniform(8, 20))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    for table in ("quotes.parquet", "documents.parquet"):
        for part in (out / table).glob("*.parquet") if (out / table).exists() else []:
            pq.read_table(part)            # every visible part is complete and readable
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rerun = pipeline.load_quotes(out)
    expected = pipeline.load_quotes(plain)
    pd.testing.assert_frame_equal(rerun, expected)


def test_stanza_calls_are_capped_by_characters():
    """A worker's memory follows the characters of one Stanza call, so no call gets more
    than BATCH_CHARS unless a single article is longer; order and documents are kept."""
    docs = [Document(a["doc_id"], a["text"]) for a in read_jsonl(DEV_GOLD)]
    batches = list(builder._stanza_batches(docs, 16))
    assert [d.doc_id for b in batches for d in b] == [d.doc_id for d in docs]
    for batch in batches:
        assert len(batch) <= 16
        assert len(batch) == 1 or sum(len(d.text) for d in batch) <= builder.BATCH_CHARS
    assert len(batches) > len(docs) / 16 + 1   # the cap, not the count, splits dev


def _worker_state(index, docs, print_, threads, source):
    import gc

    from pipeline.models import load_pipeline
    return load_pipeline.cache_info().currsize, gc.get_freeze_count() > 0


def test_worker_processes_start_with_models_loaded_and_frozen():
    from pipeline.models import resolve
    from pipeline.scale import run_on_processes

    job = {"source": resolve("bundled")}
    assert list(run_on_processes(_worker_state, [(0, [], "print")], job, workers=1)) == [(1, True)]


def _worker_pid(index, docs, print_, threads, source):
    return os.getpid()


def test_a_worker_process_gives_way_to_a_fresh_one_after_its_partitions():
    """A worker's heap creeps up partition after partition; a fresh process, with the models
    loaded anew, takes over after PARTITIONS_PER_WORKER of them."""
    from pipeline.models import resolve
    from pipeline.scale import PARTITIONS_PER_WORKER, run_on_processes

    parts = [(k, [], "print") for k in range(PARTITIONS_PER_WORKER + 1)]
    pids = list(run_on_processes(_worker_pid, parts, {"source": resolve("bundled")}, workers=1))
    assert len(set(pids[:PARTITIONS_PER_WORKER])) == 1 and pids[-1] != pids[0]
