"""Stage 5, write: Documents → rows of the quotes and documents tables, and Parquet files
with the schema of `schema.py` and the run's provenance in the file metadata."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import schema
from .document import Document


def quote_rows(doc: Document) -> list[dict]:
    rows = []
    for n, q in enumerate(doc.quotes):
        rows.append({
            "doc_id": doc.doc_id,
            "quote_id": f"{doc.doc_id}:{n}",
            "quote_text": doc.text[q.start:q.end],
            "quote_start": q.start,
            "quote_end": q.end,
            "quote_type": q.quote_type,
            "sentence_index": q.sentence_index,
            "cue": doc.span(q.cue_start, q.cue_end),
            "cue_start": q.cue_start,
            "cue_end": q.cue_end,
            "speaker_mention": doc.span(q.speaker_start, q.speaker_end),
            "speaker_start": q.speaker_start,
            "speaker_end": q.speaker_end,
            "speaker": q.speaker,
            "speaker_short": q.speaker_short,
            "speaker_kind": q.speaker_kind,
            "speaker_affiliation": q.speaker_affiliation,
            "addressee": q.addressee,
            "attribution": q.attribution,
            "confidence": q.confidence,
        })
    return rows


def document_row(doc: Document) -> dict:
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "n_chars": len(doc.text),
        "n_sentences": len(doc.sentences),
        "n_quotes": len(doc.quotes),
        "status": doc.status,
        "error": doc.error,
    }


def write_table(rows: list[dict], table_schema: pa.Schema, path: Path, provenance: dict) -> None:
    """Write atomically: a reader sees the old file or the new one, never half of one."""
    metadata = {b"quote_pipeline": json.dumps(provenance, sort_keys=True).encode()}
    table = pa.Table.from_pylist(rows, schema=table_schema.with_metadata(metadata))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def read_provenance(path: str | Path) -> dict:
    metadata = pq.read_schema(path).metadata or {}
    return json.loads(metadata.get(b"quote_pipeline", b"{}"))
