"""textacy's `direct_quotations` over a JSONL corpus, timed after model load.

Runs inside its own virtual environment (bench.py makes it), so it imports nothing from
this project. Prints one JSON line: load seconds, work seconds, characters, quotations
found and documents textacy failed on."""
import json
import sys
import time

import spacy
from textacy.extract.triples import direct_quotations


def main(corpus: str, model: str) -> None:
    start = time.perf_counter()
    nlp = spacy.load(model)
    load = time.perf_counter() - start
    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
    start = time.perf_counter()
    found = failed = 0
    for doc in nlp.pipe(texts, batch_size=32):
        try:
            found += sum(1 for _ in direct_quotations(doc))
        except Exception:       # textacy raises on some unbalanced quote marks; count, go on
            failed += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"load_s": load, "seconds": seconds, "chars": sum(map(len, texts)),
                      "quotes": found, "failed": failed}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
