"""The library entry points: run the stages over inputs and write the tables."""
from __future__ import annotations

import ctypes
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

import pandas as pd
import pyarrow as pa

from . import __version__, interim, schema, write
from .attribute import attribute
from .clean import clean
from .confidence import MODEL_PATH as CONFIDENCE_MODEL, RULES_MODEL_PATH as RULES_CONFIDENCE_MODEL, score_quotes
from .document import Document
from .inputs import ID_COLUMN, TEXT_COLUMN, read_documents
from .models import ModelSource, load_attribution_tagger, load_pipeline, resolve
from .quotes import find_quotes
from .segment import segment_many
from .tagged import add_tagged_quotes

# Documents per output part: the unit of resume and of parallel work (small enough that a
# few hundred articles already keep every worker busy).
PARTITION_SIZE = 50
# Characters per Stanza call at most (a longer document goes alone): Stanza's tokenizer
# needs memory in proportion to the characters of a call, so this caps a worker's peak
# however the corpus mixes long and short articles. Speed is the same as 16 whole docs.
BATCH_CHARS = 20_000

log = logging.getLogger(__name__)

@dataclass
class BuildResult:
    out_dir: Path
    documents: int
    quotes: int
    errors: int
    models: dict


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def _stanza_batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Up to `size` documents and BATCH_CHARS characters per batch."""
    batch, chars = [], 0
    for doc in docs:
        if batch and (len(batch) == size or chars + len(doc.text) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(doc)
        chars += len(doc.text)
    if batch:
        yield batch


def _return_freed_memory() -> None:
    """Give memory freed after a Stanza call back to the OS. glibc keeps freed heap pages
    otherwise, and a worker's resident size creeps up batch after batch."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):   # not glibc: nothing to trim
        pass


def segment_batch(docs: list[Document], nlp, tag_everything: bool = False, tagger=None) -> list[Document]:
    """clean → segment for a batch; a document Stanza fails on is marked, not raised."""
    for doc in docs:
        clean(doc)
    try:
        segment_many(docs, nlp, tag_everything, tagger)
    except Exception:   # one bad document must not sink its batch: retry one by one
        for doc in docs:
            try:
                segment_many([doc], nlp, tag_everything, tagger)
            except Exception as exc:  # noqa: BLE001 - recorded per document
                doc.status, doc.error = "error", f"segmentation failed: {type(exc).__name__}: {exc}"
    return docs


def quote_stage(doc: Document, beliefs: bool = True) -> Document:
    return _guarded(doc, "quote extraction", lambda d: add_tagged_quotes(find_quotes(d, beliefs), beliefs))


def attribute_stage(doc: Document, min_confidence: float | None = None) -> Document:
    """Speakers, then the learned confidence that drops unlikely quotations."""
    return _guarded(doc, "attribution", lambda d: score_quotes(attribute(d), min_confidence))


def _check_confidence(min_confidence: float | None) -> None:
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence must lie between 0 and 1, not {min_confidence}")


def _guarded(doc: Document, what: str, stage: Callable[[Document], Document]) -> Document:
    try:
        return stage(doc)
    except Exception as exc:  # noqa: BLE001 - recorded per document
        log.exception("%s failed for %s", what, doc.doc_id)
        doc.quotes, doc.status, doc.error = [], "error", f"{what} failed: {type(exc).__name__}: {exc}"
        return doc


def provenance(source: ModelSource, beliefs: bool = True, min_confidence: float | None = None) -> dict:
    """What made a build: versions, models, the package's code (with its confidence model) and
    the settings. It is part of every partition's fingerprint, so a rerun after any of them
    changed redoes the work."""
    import stanza

    return {"pipeline_version": __version__, "code": _code_digest(), "stanza_version": stanza.__version__,
            "models": source.describe(), "settings": settings(beliefs, min_confidence)}


def settings(beliefs: bool = True, min_confidence: float | None = None) -> dict:
    """The build's choices that change its quotations (None: the confidence model's threshold)."""
    return {"beliefs": beliefs, "min_confidence": min_confidence}


@lru_cache(maxsize=1)
def _code_digest() -> str:
    digest = hashlib.sha256()
    for path in [*sorted(Path(__file__).parent.glob("*.py")), CONFIDENCE_MODEL, RULES_CONFIDENCE_MODEL]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _segmented(docs: Iterable[Document], source: ModelSource, batch_size: int,
               tag_everything: bool = False) -> Iterator[Document]:
    nlp = load_pipeline(source)
    tagger = load_attribution_tagger() if source.tagger else None
    for batch in _stanza_batches(docs, batch_size):
        yield from segment_batch(batch, nlp, tag_everything, tagger)
        _return_freed_memory()


def process_partition(out_dir: Path, index: int, docs: list[Document], source: ModelSource, meta: dict,
                      print_: str, batch_size: int = 16, beliefs: bool = True, min_confidence: float | None = None,
                      threads: int | None = None, tag_everything: bool = False) -> tuple[int, int, int]:
    """All stages for one partition of documents, written as one part of each table.
    Runs in the calling process, a worker process or a Dask worker alike."""
    if threads:
        import torch

        torch.set_num_threads(threads)
    done = [attribute_stage(quote_stage(d, beliefs), min_confidence)
            for d in _segmented(docs, source, batch_size, tag_everything)]
    return write.write_partition(out_dir, index, done, meta, print_)


def _partitions(docs: Iterable[Document], size: int, meta: dict) -> Iterator[tuple[int, list[Document], str]]:
    for index, part in enumerate(_batches(docs, size)):
        yield index, part, write.fingerprint(part, meta)


def build(inputs: Iterable[str | Path], out_dir: str | Path, models: str | None = None,
          batch_size: int = 16, partition_size: int = PARTITION_SIZE, beliefs: bool = True,
          min_confidence: float | None = None, engine: str = "local", workers: int = 1, scheduler: str | None = None,
          progress: Callable[[int], None] | None = None,
          text_column: str = TEXT_COLUMN, id_column: str = ID_COLUMN, tag_everything: bool = False) -> BuildResult:
    """Read the inputs, find and attribute every quotation, write the quotes and documents
    tables as partitioned Parquet datasets. Partitions that an earlier, interrupted run
    finished with the same inputs, models and settings are kept, not redone. `beliefs=False`
    keeps speech only; `min_confidence` replaces the confidence model's threshold (lower:
    more quotations, fewer of them right). `text_column` and
    `id_column` name the columns of CSV and Parquet inputs. The tagger runs only on the
    sentences the later stages read (focus.py); `tag_everything` tags every sentence, for
    the same output more slowly."""
    out = Path(out_dir)
    source = resolve(models)
    _check_confidence(min_confidence)
    meta = provenance(source, beliefs, min_confidence)
    totals = [0, 0, 0]

    def record(counts: tuple[int, int, int]) -> None:
        for k in range(3):
            totals[k] += counts[k]
        if progress:
            progress(counts[0])

    def pending() -> Iterator[tuple[int, list[Document], str]]:
        for index, part, print_ in _partitions(read_documents(inputs, text_column, id_column), partition_size, meta):
            n_parts[0] = index + 1
            if write.partition_finished(out, index, print_):
                record(_finished_counts(out, index))
            else:
                yield index, part, print_

    n_parts = [0]
    job = dict(out_dir=out, source=source, meta=meta, batch_size=batch_size, beliefs=beliefs,
               min_confidence=min_confidence, tag_everything=tag_everything)
    if engine == "dask":
        from .scale import run_on_dask
        results = run_on_dask(process_partition, pending(), job, workers, scheduler)
    elif workers > 1:
        from .scale import run_on_processes
        results = run_on_processes(process_partition, pending(), job, workers)
    else:
        results = (process_partition(index=i, docs=p, print_=f, **job) for i, p, f in pending())
    for counts in results:
        record(counts)
    write.remove_parts_from(out, n_parts[0])
    if n_parts[0] == 0:   # no input documents: still leave readable, empty tables
        write.write_partition(out, 0, [], meta, write.fingerprint([], meta))
    return BuildResult(out, totals[0], totals[1], totals[2], meta["models"])


def _finished_counts(out: Path, index: int) -> tuple[int, int, int]:
    import pyarrow.parquet as pq

    name = write.part_name(index)
    status = pq.read_table(out / write.DOCUMENTS_DIR / name, columns=["status"]).column(0).to_pylist()
    quotes = pq.read_metadata(out / write.QUOTES_DIR / name).num_rows
    return len(status), quotes, sum(s != "ok" for s in status)


STAGES = ("segment", "quotes", "attribute")


def run_stage(stage: str, inputs: list[str | Path], out_file: str | Path, models: str | None = None,
              batch_size: int = 16, beliefs: bool = True, min_confidence: float | None = None,
              tag_everything: bool = False) -> int:
    """Run one stage and save its Documents: `segment` reads articles, the later stages
    read the previous stage's file. Returns the number of documents written."""
    if stage == "segment":
        source = resolve(models)
        segmented = _segmented(read_documents(inputs), source, batch_size, tag_everything)
        return interim.save(segmented, out_file, provenance(source))
    meta, docs = interim.load(inputs[0])
    _check_confidence(min_confidence)
    if stage == "quotes":
        meta = dict(meta, settings=settings(beliefs))
    elif stage == "attribute":
        meta = dict(meta, settings=dict(meta["settings"], min_confidence=min_confidence))
    step = {"quotes": lambda d: quote_stage(d, beliefs), "attribute": lambda d: attribute_stage(d, min_confidence)}[stage]
    return interim.save((step(d) for d in docs), out_file, meta)


def write_stage(docs_file: str | Path, out_dir: str | Path, partition_size: int = PARTITION_SIZE) -> BuildResult:
    """Write the tables from a finished stage file, partitioned like a build."""
    out = Path(out_dir)
    meta, docs = interim.load(docs_file)
    totals, n_parts = [0, 0, 0], 0
    for index, part, print_ in _partitions(docs, partition_size, meta):
        counts = write.write_partition(out, index, part, meta, print_)
        totals = [t + c for t, c in zip(totals, counts)]
        n_parts = index + 1
    write.remove_parts_from(out, n_parts)
    return BuildResult(out, *totals, meta["models"])


def _frame(path: str | Path, table: str) -> pd.DataFrame:
    path = Path(path)
    if (path / table).exists():
        path = path / table
    frame = pd.read_parquet(path)
    for field in schema.QUOTES if table == write.QUOTES_DIR else schema.DOCUMENTS:
        if pa.types.is_integer(field.type) and field.name in frame:
            # Nullable integers: offsets stay integers where a speaker or cue is missing.
            frame[field.name] = frame[field.name].astype(f"Int{field.type.bit_width}")
    for column, categories in schema.CATEGORIES.items():
        if column in frame:
            frame[column] = pd.Categorical(frame[column], categories=categories)
    return frame


def load_quotes(path: str | Path) -> pd.DataFrame:
    """The quotes table (a build folder or its quotes.parquet dataset) as a typed DataFrame."""
    return _frame(path, write.QUOTES_DIR)


def load_documents(path: str | Path) -> pd.DataFrame:
    """The documents table (a build folder or its documents.parquet dataset)."""
    return _frame(path, write.DOCUMENTS_DIR)
