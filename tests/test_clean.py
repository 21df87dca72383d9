"""Boilerplate: every gold block of the seed is found, and no PolNeAR quotation is lost."""
from conftest import DEV_GOLD, SEED_TXT, read_jsonl
from pipeline.clean import find_boilerplate


def test_seed_boilerplate_blocks_found(seed_gold):
    text = SEED_TXT.read_text(encoding="utf-8")
    assert text == seed_gold["text"]
    found = find_boilerplate(text)
    for block in seed_gold["boilerplate"]:
        assert any(s <= block["start"] and block["end"] <= e + 1 for s, e in found), block["text"]
    quotes = seed_gold["quotes"]
    assert not [q for q in quotes for s, e in found if q["start"] < e and s < q["end"]]


def test_no_polnear_dev_quotation_is_removed_as_boilerplate():
    for article in read_jsonl(DEV_GOLD):
        for s, e in find_boilerplate(article["text"]):
            assert not [q for q in article["quotes"] if q["start"] < e and s < q["end"]], article["doc_id"]
