"""HTML, CSV, Parquet and JSONL-with-extras inputs: text, ids and metadata reach documents.parquet,
and bad rows become error documents without stopping the run."""
import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app
from pipeline.inputs import read_documents

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Mayor pledges bridge fix | Daily Bugle</title>
<link rel="canonical" href="https://example.com/news/bridge">
<meta property="og:title" content="Mayor pledges bridge fix">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Mayor pledges bridge fix</h1>
<p>"We will rebuild the bridge by summer," said Jane Smith, the mayor of Springfield, on Tuesday.</p>
<p>Council officials told reporters that the repairs would cost &pound;2 million &amp; take six months.</p>
<p>According to the engineers, the old structure had been unsafe for years.</p>
</article><footer>Subscribe to our newsletter. &copy; 2024 Daily Bugle</footer></body></html>
"""


def _check_offsets(out):
    docs = pipeline.load_documents(out).set_index("doc_id")
    for q in pipeline.load_quotes(out).itertuples():
        assert docs.loc[q.doc_id, "text"][q.quote_start:q.quote_end] == q.quote_text


def test_html_article(tmp_path):
    (tmp_path / "bridge.html").write_text(HTML, encoding="utf-8")
    out = tmp_path / "out"
    pipeline.build([tmp_path], out)
    doc = pipeline.load_documents(out).set_index("doc_id").loc["bridge"]
    assert doc.status == "ok"
    assert doc.title == "Mayor pledges bridge fix"
    assert doc.url == "https://example.com/news/bridge"
    assert doc.date == "2024-03-05"
    assert '"We will rebuild the bridge by summer," said Jane Smith' in doc.text
    assert "£2 million & take six months" in doc.text       # entities decoded
    assert "Home" not in doc.text and "Subscribe" not in doc.text and "<p>" not in doc.text
    assert "\n\n" in doc.text                                 # paragraphs stay paragraphs
    assert doc.n_chars == len(doc.text)
    quotes = pipeline.load_quotes(out)
    assert '"We will rebuild the bridge by summer,"' in quotes.quote_text.tolist()
    _check_offsets(out)


def test_html_without_article_text_is_an_error(tmp_path):
    (tmp_path / "blank.htm").write_text("<html><head><title>x</title></head><body></body></html>")
    (doc,) = read_documents([tmp_path])
    assert doc.status == "error" and "no article text" in doc.error


def test_csv_with_custom_columns_and_bad_rows(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text(
        "id,body,section\n"
        'c1,"""We will win,"" said Jane Smith, the mayor.\nShe spoke in Leeds.",politics\n'
        "c2,,sport\n"                        # empty text
        "c3\n"                               # short row: no text at all
        ",Officials said the bridge would reopen.,news\n"   # no id
        "c5,Officials said the bridge would reopen next week.,news\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(path), "--out", str(out),
                                      "--text-column", "body", "--id-column", "id"])
    assert result.exit_code == 0, result.output
    assert "5 documents" in result.output and "3 errors" in result.output
    docs = pipeline.load_documents(out).set_index("doc_id")
    assert docs.loc["c1", "status"] == "ok" and docs.loc["c1", "text"].startswith('"We will win," said')
    assert json.loads(docs.loc["c1", "meta"]) == {"section": "politics"}
    assert docs.loc["c1", "source"] == f"{path}:1"
    assert docs.loc["c2", "error"] == "empty document"
    assert docs.loc["c3", "status"] == "error" and "missing 'body'" in docs.loc["c3", "error"]
    assert docs.loc["feed:4", "status"] == "error" and "missing 'id'" in docs.loc["feed:4", "error"]
    assert docs.loc["c5", "status"] == "ok"
    assert '"We will win,"' in pipeline.load_quotes(out).quote_text.tolist()
    _check_offsets(out)


def test_csv_without_text_column_and_without_id_column(tmp_path):
    (tmp_path / "a.csv").write_text("doc_id,body\nx,Hello there.\n")
    (tmp_path / "b.csv").write_text("text\nHello there.\n\nGood night.\n")
    docs = list(read_documents([tmp_path]))
    assert docs[0].status == "error" and "no text column 'text'" in docs[0].error and "body" in docs[0].error
    assert [d.doc_id for d in docs[1:]] == ["b:1", "b:2"] and all(d.status == "ok" for d in docs[1:])


def test_csv_not_utf8_row_is_decoded_with_warning(tmp_path):
    (tmp_path / "c.csv").write_bytes("doc_id,text\nok,Fine words.\nbad,Le maire a déclaré.\n".replace("é", "\xe9").encode("latin-1"))
    good, bad = read_documents([tmp_path])
    assert good.status == "ok" and good.error is None
    assert bad.status == "ok" and "\ufffd" in bad.text and "not valid UTF-8" in bad.error


def test_parquet_with_custom_columns_and_bad_rows(tmp_path):
    path = tmp_path / "articles.parquet"
    table = pa.table({
        "article_id": ["p1", "p2", "p3", None],
        "content": ['"Prices will fall," the minister said on Monday.', None, "Fine.", "No id here."],
        "score": [1, 2, 3, 4],
    })
    pq.write_table(table, path)
    (tmp_path / "numbers.parquet").write_bytes(b"")   # not Parquet at all
    pq.write_table(pa.table({"doc_id": ["n1"], "text": [42]}), tmp_path / "ints.parquet")
    out = tmp_path / "out"
    result = pipeline.build([tmp_path], out, text_column="content", id_column="article_id")
    docs = pipeline.load_documents(out).set_index("doc_id")
    assert result.documents == len(docs) == 6
    assert docs.loc["p1", "status"] == "ok" and json.loads(docs.loc["p1", "meta"]) == {"score": 1}
    assert docs.loc["p2", "status"] == "error" and "missing 'content'" in docs.loc["p2", "error"]
    assert docs.loc["p3", "status"] == "ok"
    assert docs.loc["articles:4", "status"] == "error" and "missing 'article_id'" in docs.loc["articles:4", "error"]
    assert docs.loc["numbers", "status"] == "error" and "Parquet" in docs.loc["numbers", "error"]
    assert docs.loc["ints", "status"] == "error" and "no text column 'content'" in docs.loc["ints", "error"]
    # with the default columns the int text is a bad row, not a crash
    (bad,) = read_documents([tmp_path / "ints.parquet"])
    assert bad.status == "error" and "'text' in row 1 is int, not a string" in bad.error
    _check_offsets(out)


def test_jsonl_extra_fields_go_to_columns_and_meta(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [{"doc_id": "j1", "text": '"It works," said Ann Lee.', "title": "It works", "date": "2024-01-02",
             "url": "https://example.org/1", "section": "tech", "tags": ["a", "b"]},
            {"doc_id": "j2", "text": "Nothing quoted here.", "date": 20240103}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out"
    pipeline.build([path], out)
    docs = pipeline.load_documents(out).set_index("doc_id")
    assert (docs.loc["j1", "title"], docs.loc["j1", "date"], docs.loc["j1", "url"]) == (
        "It works", "2024-01-02", "https://example.org/1")
    assert json.loads(docs.loc["j1", "meta"]) == {"section": "tech", "tags": ["a", "b"]}
    assert docs.loc["j2", "date"] == "20240103" and pd.isna(docs.loc["j2", "title"])
    assert json.loads(docs.loc["j2", "meta"]) == {}
    assert docs.loc["j1", "text"] == rows[0]["text"]
