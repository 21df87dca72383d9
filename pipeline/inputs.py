"""Reading articles: .txt files, folders of them, and JSONL with `doc_id` and `text`.

Every input becomes a Document; one that cannot be read becomes a Document with
status "error" and the reason, so a bad article never stops a run."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .document import Document

SUFFIXES = (".txt", ".jsonl")


def _decode(data: bytes) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return data.decode("utf-8", errors="replace"), f"not valid UTF-8 at byte {exc.start}; decoded with replacement characters"


def check_text(doc: Document) -> Document:
    """Mark documents that cannot be processed; keep the reason."""
    text = doc.text
    if not text.strip():
        doc.status, doc.error = "error", "empty document"
    elif "\x00" in text or sum(not (c.isprintable() or c.isspace()) for c in text[:4096]) > 0.1 * min(len(text), 4096):
        doc.status, doc.error = "error", "binary content, not text"
    return doc


def _from_txt(path: Path) -> Document:
    text, warning = _decode(path.read_bytes())
    doc = check_text(Document(doc_id=path.stem, text=text, source=str(path)))
    if warning and doc.status == "ok":
        doc.error = warning
    return doc


def _from_jsonl(path: Path) -> Iterator[Document]:
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            source = f"{path}:{n}"
            line, warning = _decode(raw)
            try:
                record = json.loads(line)
                doc_id, text = str(record["doc_id"]), record["text"]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
            except (ValueError, KeyError, TypeError) as exc:
                yield Document(doc_id=f"{path.stem}:{n}", text="", source=source, status="error",
                               error=f"unreadable JSONL record: {exc}")
                continue
            meta = {k: v for k, v in record.items() if k not in ("doc_id", "text", "quotes")}
            doc = check_text(Document(doc_id=doc_id, text=text, source=source, meta=meta))
            if warning and doc.status == "ok":
                doc.error = warning
            yield doc


def expand(inputs: Iterable[str | Path]) -> list[Path]:
    """Input arguments → files, folders walked in sorted order."""
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"input not found: {path}")
    return files


def read_documents(inputs: Iterable[str | Path]) -> Iterator[Document]:
    for path in expand(inputs):
        if path.suffix == ".jsonl":
            yield from _from_jsonl(path)
        else:
            yield _from_txt(path)
