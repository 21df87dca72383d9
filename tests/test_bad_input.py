"""Bad articles get a clear per-document status; one never stops the run."""
import json

import pipeline


def test_bad_documents_are_recorded_and_the_run_goes_on(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_text("")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (raw / "latin1.txt").write_bytes("Le maire a déclaré: « C'est fini », said Mr Dupont.".encode("latin-1"))
    (raw / "unbalanced.txt").write_text('He said "this never ends.\n\nShe said ‘neither’ does "this.\n\n”Odd” marks.')
    (raw / "good.txt").write_text('"We will win," said Jane Smith, the mayor.\n')
    # cut off after an aside's comma: the last token of the text closes the "according to" aside
    (raw / "truncated.txt").write_text("The board met on Monday.\n\nAccording to the report, the three big wards "
                                       "on the north side of the old town,")
    (raw / "feed.jsonl").write_text(
        json.dumps({"doc_id": "j1", "text": "Officials said the bridge would reopen next week."}) + "\n"
        + "{not json\n" + json.dumps({"doc_id": "j2", "text": 5}) + "\n")
    out = tmp_path / "out"
    pipeline.build([raw], out)
    docs = pipeline.load_documents(out).set_index("doc_id")
    assert docs.loc["empty", "status"] == "error" and docs.loc["empty", "error"] == "empty document"
    assert docs.loc["binary", "status"] == "error" and "binary" in docs.loc["binary", "error"]
    assert docs.loc["latin1", "status"] == "ok" and "not valid UTF-8" in docs.loc["latin1", "error"]
    assert docs.loc["unbalanced", "status"] == "ok"
    assert docs.loc["truncated", "status"] == "ok"      # (quote extraction once failed on it)
    assert docs.loc["good", "status"] == "ok" and docs.loc["j1", "status"] == "ok"
    assert docs.loc["feed:2", "status"] == "error" and "JSONL" in docs.loc["feed:2", "error"]
    assert docs.loc["feed:3", "status"] == "error"
    quotes = pipeline.load_quotes(out)
    good = quotes[quotes.doc_id == "good"]
    assert good.quote_text.tolist() == ['"We will win,"'] and good.speaker.tolist() == ["Jane Smith"]
    for row in quotes.itertuples():
        assert row.quote_end > row.quote_start
