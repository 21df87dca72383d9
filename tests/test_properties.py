"""Property tests: over generated and mutated article texts the build never raises, every
quotation is an exact span of its document, and the output is byte-for-byte deterministic.
Plus extreme inputs: a huge paragraph, thousands of quote marks, text without sentences."""
import json

import pandas as pd
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import pipeline

NAMES = ["Jane Smith", "Mr Jones", "the minister", "a spokesperson", "Acme Corp", "she", "He", "O'Brien"]
VERBS = ["said", "says", "told reporters", "added", "argued", "warned", "explained"]
OPEN_CLOSE = [('"', '"'), ("\u201c", "\u201d"), ("'", "'"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb")]
MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "`", "\u00ab", "\u00bb"]
WORDS = ["the", "council", "budget", "don't", "it's", "plan", "rock'n'roll", "'90s", "figures", "Smiths'",
         "alarming", "bridge", "police", "week", "we", "will", "never", "again", "\u2014", "(", ")", ";", ":"]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
name, verb = st.sampled_from(NAMES), st.sampled_from(VERBS)
marks = st.sampled_from(OPEN_CLOSE)


@st.composite
def sentence(draw):
    kind = draw(st.integers(0, 7))
    w, n, v = draw(words), draw(name), draw(verb)
    o, c = draw(marks)
    return [
        f"{o}{w.capitalize()},{c} {v} {n}.",
        f"{n} {v} {o}{w}{c}.",
        f"{n} {v} that {w}.",
        f"According to {n}, {w}.",
        f"{n} {v}: {o}{w}.{c}",
        f"{o}{w.capitalize()}.",                       # unbalanced
        f"{w.capitalize()}.",
        f"{n} called it {o}{w}{c}, and {v} {o}{draw(words)}{c}",
    ][kind]


@st.composite
def article(draw):
    sentences = draw(st.lists(sentence(), min_size=1, max_size=10))
    seps = draw(st.lists(st.sampled_from([" ", "\n", "\n\n", "\n\n\n", "  \n \n"]),
                         min_size=len(sentences), max_size=len(sentences)))
    text = "".join(s + sep for s, sep in zip(sentences, seps))
    # mutations: insert stray marks, delete characters, duplicate a slice
    for _ in range(draw(st.integers(0, 4))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.integers(0, 2))
        if op == 0:
            text = text[:pos] + draw(st.sampled_from(MARKS)) + text[pos:]
        elif op == 1:
            text = text[:pos] + text[pos + draw(st.integers(1, 5)):]
        else:
            text = text[:pos] + text[max(0, pos - 30):pos] + text[pos:]
    return text


def _build(texts, folder, out_name="out"):
    """All texts as one JSONL input (doc_id d0, d1, ...), one build into folder/out_name."""
    folder.mkdir(parents=True, exist_ok=True)
    feed = folder / "in.jsonl"
    feed.write_text("".join(json.dumps({"doc_id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    out = folder / out_name
    pipeline.build([feed], out)
    return out


def _parquet_bytes(out):
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.parquet")) if p.is_file()}


def _check(texts, out):
    docs = pipeline.load_documents(out).set_index("doc_id")
    assert len(docs) == len(texts)
    for i, text in enumerate(texts):
        doc = docs.loc[f"d{i}"]
        assert doc.text == text
        assert doc.status == "ok" or (doc.status == "error" and doc.error)
    for q in pipeline.load_quotes(out).itertuples():
        text = texts[int(q.doc_id[1:])]
        assert 0 <= q.quote_start < q.quote_end <= len(text)
        assert q.quote_text == text[q.quote_start:q.quote_end]
        for start, end in ((q.cue_start, q.cue_end), (q.speaker_start, q.speaker_end)):
            if pd.notna(start):
                assert 0 <= start <= end <= len(text)
    return docs


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          phases=[Phase.explicit, Phase.generate],   # each example is two builds: no slow shrinking
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts=st.lists(article(), min_size=1, max_size=4))
def test_generated_articles(texts, tmp_path_factory):
    base = tmp_path_factory.mktemp("prop")
    first = _build(texts, base, "a")
    _check(texts, first)
    second = _build(texts, base, "b")      # same input file: `source` is the same too
    assert _parquet_bytes(first) == _parquet_bytes(second)


def _extreme(tmp_path, text):
    out = _build([text], tmp_path)
    docs = _check([text], out)
    assert docs.loc["d0", "status"] in ("ok", "error")


def test_no_sentences_just_punctuation(tmp_path):
    _extreme(tmp_path, "... !!! ??? ;;; ,,, --- ''' \"\"\" ((( ))) .!? \u201c\u201d \u2018\u2019 \n\n" * 5)


def test_ten_thousand_quote_marks(tmp_path):
    text = "".join(('He said "yes." ', '"', "\u201c", "\u201d", "'", "\u2019")[i % 6] for i in range(10_000))
    _extreme(tmp_path, text)


def test_five_megabyte_paragraph_is_refused_with_a_reason(tmp_path):
    unit = '"We will do it," said Jane Smith. The council met to discuss the budget. Mr Jones told reporters that it worked. '
    text = unit * (5_000_000 // len(unit) + 1)
    out = _build([text, unit], tmp_path)
    docs = _check([text, unit], out)
    assert docs.loc["d0", "status"] == "error" and "too long" in docs.loc["d0", "error"]
    assert docs.loc["d1", "status"] == "ok" and docs.loc["d1", "n_quotes"] >= 1
