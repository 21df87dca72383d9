import json
from pathlib import Path

import pytest

from pipeline.document import Document, Sentence, Token

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TXT = ROOT / "data" / "raw" / "000_beac154402d1a2d7.txt"
SEED_GOLD = SHARED / "gold" / "seed.jsonl"
DEV_GOLD = SHARED / "gold" / "polnear.dev.jsonl"
SCORER = SHARED / "tools" / "score.py"


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def tagged_doc(tagged: list[tuple[str, str]]) -> Document:
    """A one-sentence document from (word, UPOS) pairs joined by spaces: the tags small
    taggers really produce, without running one."""
    text, tokens = "", []
    for index, (word, upos) in enumerate(tagged):
        start = len(text) + (1 if text else 0)
        text = f"{text} {word}" if text else word
        tokens.append(Token(word, start, start + len(word), index, 0, upos=upos))
    return Document("d", text, sentences=[Sentence(0, len(text), 0, len(tokens))], tokens=tokens)


@pytest.fixture(scope="session")
def seed_gold():
    return read_jsonl(SEED_GOLD)[0]


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    import pipeline

    out = tmp_path_factory.mktemp("seed")
    pipeline.build([SEED_TXT], out)
    return out


@pytest.fixture(scope="session")
def dev_build(tmp_path_factory):
    """PolNeAR dev articles through the whole pipeline (articles as JSONL input)."""
    import pipeline

    out = tmp_path_factory.mktemp("dev")
    pipeline.build([DEV_GOLD], out)
    return out
