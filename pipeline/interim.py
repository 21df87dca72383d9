"""Intermediate stage outputs: Documents as gzipped JSON lines, so `make sentences`,
`make quotes` and `make dataset` can each reuse the previous stage's file."""
from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .document import Document, document_from_dict, document_to_dict


def save(docs: Iterable[Document], path: str | Path, provenance: dict) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"provenance": provenance}) + "\n")
        for doc in docs:
            fh.write(json.dumps(document_to_dict(doc), ensure_ascii=False) + "\n")
            n += 1
    os.replace(tmp, path)
    return n


def load(path: str | Path) -> tuple[dict, Iterator[Document]]:
    fh = gzip.open(path, "rt", encoding="utf-8")
    header = json.loads(fh.readline())

    def documents() -> Iterator[Document]:
        with fh:
            for line in fh:
                yield document_from_dict(json.loads(line))

    return header["provenance"], documents()


def is_interim(path: str | Path) -> bool:
    return str(path).endswith(".docs.jsonl.gz")
