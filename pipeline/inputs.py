"""Reading articles: .txt files, HTML articles, JSONL with `doc_id` and `text`, and CSV or
Parquet tables with a text column (and an id column), or folders of any of these.

Every input becomes a Document; one that cannot be read becomes a Document with
status "error" and the reason, so a bad article never stops a run. Fields beside the
text (JSONL keys, other table columns, an HTML page's title/date/url) go to `Document.meta`."""
from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .document import Document

SUFFIXES = (".txt", ".jsonl", ".html", ".htm", ".csv", ".parquet")
TEXT_COLUMN, ID_COLUMN = "text", "doc_id"
_ESCAPED = re.compile("[\udc80-\udcff]")   # undecodable bytes under surrogateescape


def _decode(data: bytes) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return data.decode("utf-8", errors="replace"), f"not valid UTF-8 at byte {exc.start}; decoded with replacement characters"


def max_chars() -> int:
    """Longest document processed; Stanza needs about a minute per million characters here."""
    return int(os.environ.get("QUOTES_MAX_CHARS", 1_000_000))


def check_text(doc: Document) -> Document:
    """Mark documents that cannot be processed; keep the reason."""
    text = doc.text
    if not text.strip():
        doc.status, doc.error = "error", "empty document"
    elif len(text) > max_chars():
        doc.status, doc.error = "error", (f"document too long: {len(text):,} characters, limit {max_chars():,} "
                                          "(split it, or raise QUOTES_MAX_CHARS)")
    elif "\x00" in text or sum(not (c.isprintable() or c.isspace()) for c in text[:4096]) > 0.1 * min(len(text), 4096):
        doc.status, doc.error = "error", "binary content, not text"
    return doc


def _error(doc_id: str, source: str, reason: str, meta: dict | None = None) -> Document:
    return Document(doc_id=doc_id, text="", source=source, meta=meta or {}, status="error", error=reason)


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


# --- HTML articles ----------------------------------------------------------------------

HTML_META = ("title", "date", "url", "author", "sitename")


def _from_html(path: Path) -> Document:
    """The article text of a web page (trafilatura), paragraphs separated by blank lines,
    with the page's title, date, url, author and site name in meta."""
    import trafilatura

    source = str(path)
    try:
        page = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - trafilatura and lxml raise many types
        return _error(path.stem, source, f"unreadable HTML: {type(exc).__name__}: {exc}")
    if page is None or not (page.text or "").strip():
        return _error(path.stem, source, "no article text found in HTML")
    meta = {key: getattr(page, key, None) for key in HTML_META}
    meta = {k: v for k, v in meta.items() if v}
    paragraphs = (line.strip() for line in page.text.splitlines())
    text = "\n\n".join(p for p in paragraphs if p) + "\n"
    return check_text(Document(doc_id=path.stem, text=text, source=source, meta=meta))


# --- tables: CSV and Parquet ------------------------------------------------------------

def _from_record(record: dict, path: Path, n: int, text_column: str, id_column: str,
                 warning: str | None = None) -> Document:
    """One table row → a Document; a row without usable text or id → an error Document."""
    source = f"{path}:{n}"
    fallback = f"{path.stem}:{n}"
    meta = {k: v for k, v in record.items() if k not in (text_column, id_column)}
    doc_id, text = record.get(id_column), record.get(text_column)
    if doc_id is None or doc_id == "":
        return _error(fallback, source, f"missing {id_column!r} value in row {n}", meta)
    doc_id = str(doc_id)
    if text is None:
        return _error(doc_id, source, f"missing {text_column!r} value in row {n}", meta)
    if not isinstance(text, str):
        return _error(doc_id, source, f"{text_column!r} in row {n} is {type(text).__name__}, not a string", meta)
    doc = check_text(Document(doc_id=doc_id, text=text, source=source, meta=meta))
    if warning and doc.status == "ok":
        doc.error = warning
    return doc


def _missing_column(path: Path, column: str, what: str, columns: list[str]) -> Document:
    return _error(path.stem, str(path), f"no {what} column {column!r} in {path.name} "
                  f"(columns: {', '.join(map(str, columns)) or 'none'}); use --{what}-column")


def _csv_reader(fh):
    csv.field_size_limit(2**31 - 1)   # articles are longer than the 128 KiB default
    return csv.reader(fh)


def _from_csv(path: Path, text_column: str, id_column: str) -> Iterator[Document]:
    """Rows of a CSV file with a header; N in `file.csv:N` is the data row (1 = first row).
    Without the id column, rows are named `stem:N`."""
    with open(path, "rb") as raw:
        fh = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = _csv_reader(fh)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            yield _error(path.stem, str(path), f"unreadable CSV header: {exc}")
            return
        header = [_ESCAPED.sub("\ufffd", h) for h in header or []]
        if text_column not in header:
            yield _missing_column(path, text_column, "text", header)
            return
        n = 0
        while True:
            n += 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield _error(f"{path.stem}:{n}", f"{path}:{n}", f"unreadable CSV row {n}: {exc}")
                continue
            if not any(cell.strip() for cell in row):
                n -= 1   # blank lines are not rows
                continue
            warning = None
            if any(_ESCAPED.search(cell) for cell in row):
                row = [_ESCAPED.sub("\ufffd", cell) for cell in row]
                warning = f"row {n} is not valid UTF-8; decoded with replacement characters"
            record = dict(zip(header, row))
            if id_column not in header:
                record[id_column] = f"{path.stem}:{n}"
            if len(row) < len(header):   # a short row: its missing cells are missing, not empty
                for column in header[len(row):]:
                    record[column] = None
            elif len(row) > len(header):
                record["_extra"] = row[len(header):]
            yield _from_record(record, path, n, text_column, id_column, warning)


def _from_parquet(path: Path, text_column: str, id_column: str) -> Iterator[Document]:
    """Rows of a Parquet file, read in batches; N in `file.parquet:N` is the row (1 = first)."""
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
        columns = table.schema_arrow.names
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for bad files
        yield _error(path.stem, str(path), f"unreadable Parquet file: {type(exc).__name__}: {exc}")
        return
    if text_column not in columns:
        yield _missing_column(path, text_column, "text", columns)
        return
    n = 0
    try:
        for batch in table.iter_batches(batch_size=256):
            for record in batch.to_pylist():
                n += 1
                if id_column not in columns:
                    record[id_column] = f"{path.stem}:{n}"
                yield _from_record(record, path, n, text_column, id_column)
    except Exception as exc:  # noqa: BLE001 - a corrupt row group ends this file, not the run
        yield _error(f"{path.stem}:{n + 1}", f"{path}:{n + 1}", f"unreadable Parquet data after row {n}: {type(exc).__name__}: {exc}")


# --- inputs -----------------------------------------------------------------------------

def expand(inputs: Iterable[str | Path]) -> list[Path]:
    """Input arguments → files, folders walked in sorted order."""
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"input not found: {path}")
    return files


def count_documents(inputs: Iterable[str | Path]) -> int:
    """Documents the inputs will give (JSONL lines and table rows counted), for progress bars."""
    total = 0
    for path in expand(inputs):
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            with open(path, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        elif suffix == ".parquet":
            import pyarrow.parquet as pq
            try:
                total += pq.ParquetFile(path).metadata.num_rows
            except Exception:  # noqa: BLE001 - the read reports it
                total += 1
        elif suffix == ".csv":
            try:
                with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
                    total += max(sum(1 for row in _csv_reader(fh) if any(c.strip() for c in row)) - 1, 1)
            except csv.Error:
                total += 1
        else:
            total += 1
    return total


def read_documents(inputs: Iterable[str | Path], text_column: str = TEXT_COLUMN,
                   id_column: str = ID_COLUMN) -> Iterator[Document]:
    """Documents of every input, in order. `text_column` and `id_column` name the columns
    of CSV and Parquet inputs."""
    for path in expand(inputs):
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from _from_jsonl(path)
        elif suffix in (".html", ".htm"):
            yield _from_html(path)
        elif suffix == ".csv":
            yield from _from_csv(path, text_column, id_column)
        elif suffix == ".parquet":
            yield from _from_parquet(path, text_column, id_column)
        else:
            yield _from_txt(path)
