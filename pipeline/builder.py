"""The library entry points: run the stages over inputs and write the tables."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pandas as pd
import stanza

from . import __version__, schema
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


def process_batch(docs: list[Document], nlp, beliefs: bool = False) -> list[Document]:
    """clean → segment → quotes → attribute for a batch; a failing document is marked, not raised."""
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
    for doc in docs:
        try:
            attribute(find_quotes(doc, beliefs))
        except Exception as exc:  # noqa: BLE001 - recorded per document
            log.exception("quote extraction failed for %s", doc.doc_id)
            doc.quotes, doc.status, doc.error = [], "error", f"quote extraction failed: {type(exc).__name__}: {exc}"
    return docs


def provenance(source: ModelSource) -> dict:
    return {"pipeline_version": __version__, "stanza_version": stanza.__version__, "models": source.describe()}


def build(inputs: Iterable[str | Path], out_dir: str | Path, models: str | None = None,
          batch_size: int = 16, beliefs: bool = False,
          progress: Callable[[int], None] | None = None) -> BuildResult:
    """Read the inputs, find and attribute every quotation, write quotes/documents Parquet."""
    out = Path(out_dir)
    source = resolve(models)
    nlp = load_pipeline(source)
    q_rows: list[dict] = []
    d_rows: list[dict] = []
    for batch in _batches(read_documents(inputs), batch_size):
        for doc in process_batch(batch, nlp, beliefs):
            q_rows.extend(quote_rows(doc))
            d_rows.append(document_row(doc))
        if progress:
            progress(len(batch))
    meta = provenance(source)
    write_table(q_rows, schema.QUOTES, out / QUOTES_FILE, meta)
    write_table(d_rows, schema.DOCUMENTS, out / DOCUMENTS_FILE, meta)
    errors = sum(r["status"] != "ok" for r in d_rows)
    return BuildResult(out, len(d_rows), len(q_rows), errors, meta["models"])


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
