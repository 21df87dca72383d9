"""`quotes report`: a self-contained HTML page, checked in a real headless browser."""
import html
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

import pipeline
from conftest import SEED_TXT
from pipeline.cli import app
from pipeline.report import highlight

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class QuoteSpans(HTMLParser):
    """Text of every element with class "quote", joined per data-quote id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str | None] = []
        self.text: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        is_quote = tag == "span" and "quote" in (attrs.get("class") or "").split()
        self.open.append(attrs["data-quote"] if is_quote else None)

    def handle_endtag(self, tag):
        self.open.pop()

    def handle_data(self, data):
        for quote_id in set(q for q in self.open if q):
            self.text[quote_id] = self.text.get(quote_id, "") + data


def spans_of(markup: str) -> dict[str, str]:
    parser = QuoteSpans()
    parser.feed(markup)
    return parser.text


def test_overlapping_and_nested_quotes_keep_the_markup_balanced():
    text = 'A <b>&"quoted" text that overlaps</b> more.'
    class Q:  # minimal row
        def __init__(self, i, s, e):
            self.quote_id, self.quote_start, self.quote_end = f"d:{i}", s, e
            self.quote_text, self.speaker, self.speaker_mention = text[s:e], None, None
            self.cue, self.quote_type, self.attribution, self.confidence = None, "direct", "none", 0.0
    quotes = [Q(0, 2, 30), Q(1, 8, 16), Q(2, 20, 40), Q(3, 20, 40), Q(4, 0, len(text))]
    markup = highlight(text, quotes, {})
    assert markup.count("<span") == markup.count("</span>")
    assert html.unescape(re.sub(r"<[^>]+>", "", markup)) == text
    assert spans_of(markup) == {q.quote_id: q.quote_text for q in quotes}


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (apt-get install chromium)")
def test_report_renders_in_a_browser(tmp_path):
    out = tmp_path / "build"
    pipeline.build([SEED_TXT], out)
    page = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(out), "--out", str(page)])
    assert result.exit_code == 0, result.output
    source = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", source)    # self-contained
    assert "<svg" in source and "<style>" in source

    profile = tmp_path / "profile"
    run = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}"]
    dom = subprocess.run([*run, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120,
                         check=True).stdout
    quotes = pipeline.load_quotes(out)
    assert len(quotes) > 0
    rendered = spans_of(dom)
    for q in quotes.itertuples():
        assert rendered[q.quote_id] == q.quote_text
    assert re.search(r'<section class="article"[^>]*data-doc="000_beac154402d1a2d7"', dom)

    shot = tmp_path / "report.png"
    subprocess.run([*run, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
