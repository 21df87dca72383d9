"""Running partitions in parallel: worker processes on this machine, or a Dask cluster.

Both engines call the same `process_partition` as the plain loop, so the output is the
same; each worker process loads the Stanza models once (see models.load_pipeline) and
keeps them for the partitions it is given (PARTITIONS_PER_WORKER, then a fresh process
starts). At most two partitions per worker are in flight, so memory stays flat however
large the corpus."""
from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from multiprocessing import get_context

Partition = tuple  # (index, documents, fingerprint)
# Partitions a worker process builds before a fresh one takes its place. A worker's heap
# creeps up by some 80 MB over its first thousand articles (freed native memory that glibc
# cannot hand back), so a 2,000-article build would peak 12% above a 200-article one;
# a fresh worker costs a model load (about 2 s, against some 40 s of work).
PARTITIONS_PER_WORKER = 4


def _threads_per_worker(workers: int) -> int:
    return max(1, (os.cpu_count() or 1) // workers)


def _start_worker(source) -> None:
    """Load the models as the worker starts, then move them and every module imported so far
    out of the cycle collector's sight: they live as long as the worker, and each full
    collection would trace them all again."""
    from .models import load_pipeline

    load_pipeline(source)
    gc.collect()
    gc.freeze()


def run_on_processes(fn: Callable, parts: Iterable[Partition], job: dict, workers: int) -> Iterator[tuple]:
    threads = _threads_per_worker(workers)
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=_start_worker,
                             initargs=(job["source"],), max_tasks_per_child=PARTITIONS_PER_WORKER) as pool:
        running = set()
        for index, docs, print_ in parts:
            running.add(pool.submit(fn, index=index, docs=docs, print_=print_, threads=threads, **job))
            if len(running) >= 2 * workers:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        for future in running:
            yield future.result()


def run_on_dask(fn: Callable, parts: Iterable[Partition], job: dict, workers: int,
                scheduler: str | None) -> Iterator[tuple]:
    """On a given scheduler address, or on a LocalCluster of `workers` processes."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        threads = _threads_per_worker(n_workers) if cluster is not None else None
        queue = as_completed()
        for index, docs, print_ in parts:
            queue.add(client.submit(fn, index=index, docs=docs, print_=print_, threads=threads, pure=False, **job))
            if queue.count() >= 2 * n_workers:
                yield next(queue).result()
        for future in queue:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
