"""The library entry points: run the stages over inputs and write the tables."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pandas as pd

from . import __version__, interim, schema
from .attribute import attribute
from .clean import clean
from .document import Document
from .inputs import read_documents
from .models import ModelSource, load_pipeline, resolve
from .quotes import find_quotes
from .segment import segment_many
from .write import document_row, quote_rows, write_table

log = logging.getLogger(__name__)

QUOTES_FILE = "quotes.parquet"
DOCUMENTS_FILE = "documents.parquet"


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


def segment_batch(docs: list[Document], nlp) -> list[Document]:
    """clean → segment for a batch; a document Stanza fails on is marked, not raised."""
    for doc in docs:
        clean(doc)
    try:
        segment_many(docs, nlp)
    except Exception:   # one bad document must not sink its batch: retry one by one
        for doc in docs:
            try:
                segment_many([doc], nlp)
            except Exception as exc:  # noqa: BLE001 - recorded per document
                doc.status, doc.error = "error", f"segmentation failed: {type(exc).__name__}: {exc}"
    return docs


def quote_stage(doc: Document, beliefs: bool = False) -> Document:
    return _guarded(doc, "quote extraction", lambda d: find_quotes(d, beliefs))


def attribute_stage(doc: Document) -> Document:
    return _guarded(doc, "attribution", attribute)


def _guarded(doc: Document, what: str, stage: Callable[[Document], Document]) -> Document:
    try:
        return stage(doc)
    except Exception as exc:  # noqa: BLE001 - recorded per document
        log.exception("%s failed for %s", what, doc.doc_id)
        doc.quotes, doc.status, doc.error = [], "error", f"{what} failed: {type(exc).__name__}: {exc}"
        return doc


def provenance(source: ModelSource) -> dict:
    import stanza

    return {"pipeline_version": __version__, "stanza_version": stanza.__version__, "models": source.describe()}


def _segmented(inputs: Iterable[str | Path], source: ModelSource, batch_size: int,
               progress: Callable[[int], None] | None) -> Iterator[Document]:
    nlp = load_pipeline(source)
    for batch in _batches(read_documents(inputs), batch_size):
        yield from segment_batch(batch, nlp)
        if progress:
            progress(len(batch))


def write_documents(docs: Iterable[Document], out_dir: str | Path, meta: dict) -> BuildResult:
    """Stage 5: the quotes and documents tables of a set of finished Documents."""
    out = Path(out_dir)
    q_rows: list[dict] = []
    d_rows: list[dict] = []
    for doc in docs:
        q_rows.extend(quote_rows(doc))
        d_rows.append(document_row(doc))
    write_table(q_rows, schema.QUOTES, out / QUOTES_FILE, meta)
    write_table(d_rows, schema.DOCUMENTS, out / DOCUMENTS_FILE, meta)
    errors = sum(r["status"] != "ok" for r in d_rows)
    return BuildResult(out, len(d_rows), len(q_rows), errors, meta["models"])


def build(inputs: Iterable[str | Path], out_dir: str | Path, models: str | None = None,
          batch_size: int = 16, beliefs: bool = False,
          progress: Callable[[int], None] | None = None) -> BuildResult:
    """Read the inputs, find and attribute every quotation, write quotes/documents Parquet."""
    source = resolve(models)
    docs = (attribute_stage(quote_stage(d, beliefs)) for d in _segmented(inputs, source, batch_size, progress))
    return write_documents(docs, out_dir, provenance(source))


STAGES = ("segment", "quotes", "attribute")


def run_stage(stage: str, inputs: list[str | Path], out_file: str | Path, models: str | None = None,
              batch_size: int = 16, beliefs: bool = False) -> int:
    """Run one stage and save its Documents: `segment` reads articles, the later stages
    read the previous stage's file. Returns the number of documents written."""
    if stage == "segment":
        source = resolve(models)
        return interim.save(_segmented(inputs, source, batch_size, None), out_file, provenance(source))
    meta, docs = interim.load(inputs[0])
    step = {"quotes": lambda d: quote_stage(d, beliefs), "attribute": attribute_stage}[stage]
    return interim.save((step(d) for d in docs), out_file, meta)


def write_stage(docs_file: str | Path, out_dir: str | Path) -> BuildResult:
    meta, docs = interim.load(docs_file)
    return write_documents(docs, out_dir, meta)


def _frame(path: str | Path, default_name: str) -> pd.DataFrame:
    path = Path(path)
    if path.is_dir():
        path = path / default_name
    frame = pd.read_parquet(path)
    for column, categories in schema.CATEGORIES.items():
        if column in frame:
            frame[column] = pd.Categorical(frame[column], categories=categories)
    return frame


def load_quotes(path: str | Path) -> pd.DataFrame:
    """The quotes table (a build folder or the Parquet file) as a typed DataFrame."""
    return _frame(path, QUOTES_FILE)


def load_documents(path: str | Path) -> pd.DataFrame:
    return _frame(path, DOCUMENTS_FILE)
