"""Stage 5, write: Documents → rows of the quotes and documents tables, and Parquet files
with the schema of `schema.py` and the run's provenance in the file metadata."""
from __future__ import annotations

import hashlib
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
            "belief": q.belief,
            "confidence": q.confidence,
        })
    return rows


DOCUMENT_FIELDS = ("title", "date", "url")   # meta keys that get their own column


def _meta_value(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def document_row(doc: Document) -> dict:
    meta = doc.meta or {}
    rest = {k: v for k, v in meta.items() if k not in DOCUMENT_FIELDS}
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "n_chars": len(doc.text),
        "n_sentences": len(doc.sentences),
        "n_quotes": len(doc.quotes),
        "status": doc.status,
        "error": doc.error,
        **{name: _meta_value(meta.get(name)) for name in DOCUMENT_FIELDS},
        "meta": json.dumps(rest, sort_keys=True, ensure_ascii=False, default=str),
        "text": doc.text,
    }


def write_table(rows: list[dict], table_schema: pa.Schema, path: Path, metadata: dict) -> None:
    """Write atomically: a reader sees the old file or the new one, never half of one.
    The temporary name starts with a dot, which dataset readers skip."""
    encoded = {b"quote_pipeline": json.dumps(metadata, sort_keys=True).encode()}
    table = pa.Table.from_pylist(rows, schema=table_schema.with_metadata(encoded))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name("." + path.name + ".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


# --- partitioned output -----------------------------------------------------------------
# DIR/quotes.parquet/ and DIR/documents.parquet/ are Parquet datasets (folders of parts)
# that pandas and pyarrow read as one table. A partition is finished when its documents
# part exists with the fingerprint of its inputs: that part is written last.

QUOTES_DIR = "quotes.parquet"
DOCUMENTS_DIR = "documents.parquet"


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def fingerprint(docs: list[Document], provenance: dict) -> str:
    digest = hashlib.sha256(json.dumps(provenance, sort_keys=True).encode())
    for doc in docs:
        digest.update(doc.doc_id.encode() + b"\0" + doc.text.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(json.dumps(doc.meta, sort_keys=True, default=str).encode() + b"\0")
    return digest.hexdigest()


def partition_finished(out_dir: Path, index: int, print_: str) -> bool:
    path = out_dir / DOCUMENTS_DIR / part_name(index)
    try:
        return read_metadata(path).get("fingerprint") == print_
    except (OSError, ValueError):   # missing or unreadable: not finished
        return False


def write_partition(out_dir: Path, index: int, docs: list[Document], provenance: dict, print_: str) -> tuple[int, int, int]:
    """Write one partition's quotes, then its documents; returns (documents, quotes, errors)."""
    metadata = dict(provenance, fingerprint=print_)
    q_rows = [row for doc in docs for row in quote_rows(doc)]
    d_rows = [document_row(doc) for doc in docs]
    write_table(q_rows, schema.QUOTES, out_dir / QUOTES_DIR / part_name(index), metadata)
    write_table(d_rows, schema.DOCUMENTS, out_dir / DOCUMENTS_DIR / part_name(index), metadata)
    return len(d_rows), len(q_rows), sum(r["status"] != "ok" for r in d_rows)


def remove_parts_from(out_dir: Path, first_stale: int) -> None:
    """Drop parts left by an earlier, larger build into the same folder."""
    for table in (QUOTES_DIR, DOCUMENTS_DIR):
        for path in (out_dir / table).glob("part-*.parquet"):
            if int(path.stem.split("-")[1]) >= first_stale:
                path.unlink()


def read_metadata(path: str | Path) -> dict:
    """The provenance of a part file, or of the first part of a dataset folder."""
    path = Path(path)
    if path.is_dir():
        parts = sorted(path.glob("part-*.parquet"))
        if not parts:
            raise FileNotFoundError(f"no Parquet parts in {path}")
        path = parts[0]
    metadata = pq.read_schema(path).metadata or {}
    return json.loads(metadata.get(b"quote_pipeline", b"{}"))
