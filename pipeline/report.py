"""`quotes report`: one self-contained HTML page of a build (inline CSS and SVG, no
external URLs): every article's text with its quotations highlighted and coloured by
speaker, details on hover, and charts of quotations per speaker and per speaker kind."""
from __future__ import annotations

import json
from collections import Counter
from html import escape
from pathlib import Path

from .builder import load_documents, load_quotes

PALETTE = ["#f9c74f", "#90be6d", "#f8961e", "#83c5be", "#f4a3c0", "#b8a9f5", "#9ad1f5", "#e9c46a",
           "#c9e4a5", "#ffb4a2", "#a3c4f3", "#d4a5a5", "#b5ead7", "#ffdac1", "#cdb4db", "#e2ece9"]
UNKNOWN = "(unknown speaker)"
UNKNOWN_COLOUR = "#d9d9d9"

CSS = """
body{font:15px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#222;background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:0 0 6px}h3{font-size:15px;margin:16px 0 6px}
.sub{color:#666;font-size:13px}
section.article,section.summary{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:18px 22px;margin:18px 0}
.charts{display:flex;flex-wrap:wrap;gap:32px}
.text{white-space:pre-wrap;word-wrap:break-word;font-family:Georgia,serif;font-size:16px;line-height:1.7}
.quote{border-radius:3px;padding:1px 0;cursor:help;box-shadow:inset 0 -2px 0 rgba(0,0,0,.25)}
.quote .quote{box-shadow:inset 0 -4px 0 rgba(0,0,0,.45)}
.quote:hover{outline:2px solid #333}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;margin:8px 0 12px;font-size:13px}
.legend span.sw{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.error{color:#a00}
table.quotes{border-collapse:collapse;width:100%;font-size:13px;margin-top:10px}
table.quotes td,table.quotes th{border-top:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
details summary{cursor:pointer;color:#555;font-size:13px;margin-top:8px}
"""


def _colours(speakers: list[str]) -> dict[str, str]:
    """Speakers (most quoted first) → colours; the unknown speaker is grey."""
    colours, n = {}, 0
    for speaker in speakers:
        if speaker == UNKNOWN:
            colours[speaker] = UNKNOWN_COLOUR
        else:
            colours[speaker] = PALETTE[n % len(PALETTE)]
            n += 1
    return colours


def _bar_chart(title: str, counts: list[tuple[str, int]], colours: dict[str, str] | None = None) -> str:
    """A horizontal bar chart as inline SVG."""
    label_w, bar_w, row_h = 180, 250, 22
    peak = max((c for _, c in counts), default=1) or 1
    height = row_h * max(len(counts), 1) + 8
    rows = []
    for i, (label, count) in enumerate(counts):
        y = 4 + i * row_h
        width = max(2, round(bar_w * count / peak))
        fill = (colours or {}).get(label, "#7aa6c2")
        short = label if len(label) <= 32 else label[:31] + "…"
        rows.append(
            f'<g class="bar"><title>{escape(label)}: {count}</title>'
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" font-size="13">{escape(short)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{width}" height="{row_h - 6}" rx="2" fill="{fill}"/>'
            f'<text x="{label_w + width + 6}" y="{y + 15}" font-size="12">{count}</text></g>')
    if not counts:
        rows.append('<text x="8" y="18" font-size="13" fill="#888">no quotations</text>')
    return (f'<figure style="margin:0"><h3>{escape(title)}</h3>'
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_w + bar_w + 50}" height="{height}">'
            + "".join(rows) + "</svg></figure>")


def _tooltip(q) -> str:
    parts = [f"speaker: {q.speaker or UNKNOWN}"]
    if q.speaker_mention and q.speaker_mention != q.speaker:
        parts.append(f"mention: {q.speaker_mention}")
    parts += [f"cue: {q.cue or '—'}", f"type: {q.quote_type}", f"attributed by: {q.attribution}",
              f"confidence: {q.confidence:.2f}"]
    return "\n".join(parts)


def highlight(text: str, quotes: list, colours: dict[str, str]) -> str:
    """The text as HTML with every quotation in a <span class="quote">. Spans are nested by
    start (longer first); a quotation that crosses the end of an enclosing one is split at
    that boundary into pieces that share its data-quote id, so the markup always nests."""
    spans = sorted(((int(q.quote_start), int(q.quote_end), k) for k, q in enumerate(quotes)
                    if 0 <= int(q.quote_start) < int(q.quote_end) <= len(text)),
                   key=lambda s: (s[0], -s[1], s[2]))
    events: dict[int, list] = {}
    for start, end, k in spans:
        events.setdefault(start, []).append((end, k))
    bounds = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[str] = []
    stack: list[tuple[int, int]] = []   # open (end, k), innermost last

    def open_(end: int, k: int, first: bool) -> None:
        q = quotes[k]
        speaker = q.speaker or UNKNOWN
        cls = "quote" + ("" if first else " cont")
        out.append(f'<span class="{cls}" data-quote="{escape(str(q.quote_id))}" data-speaker="{escape(speaker)}" '
                   f'style="background:{colours.get(speaker, UNKNOWN_COLOUR)}" title="{escape(_tooltip(q))}">')
        stack.append((end, k))

    for a, b in zip(bounds, bounds[1:]):
        # close quotations ending here; reopen any inner ones cut by an outer end
        if any(end <= a for end, _ in stack):
            reopen = []
            while stack and any(end <= a for end, _ in stack):
                end, k = stack.pop()
                out.append("</span>")
                if end > a:
                    reopen.append((end, k))
            for end, k in reversed(reopen):
                open_(end, k, first=False)
        for end, k in sorted(events.get(a, []), key=lambda e: (-e[0], e[1])):
            open_(end, k, first=True)
        out.append(escape(text[a:b]))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def _article(doc, quotes: list, colours: dict[str, str]) -> str:
    title = doc.title if isinstance(doc.title, str) and doc.title else doc.doc_id
    info = [f"doc_id {doc.doc_id}", f"{len(quotes)} quotations"]
    for field in ("date", "url", "source"):
        value = getattr(doc, field, None)
        if isinstance(value, str) and value:
            info.append(f"{field} {value}")
    parts = [f'<section class="article" id="doc-{escape(str(doc.doc_id))}" data-doc="{escape(str(doc.doc_id))}">',
             f"<h2>{escape(title)}</h2>", f'<div class="sub">{escape(" · ".join(info))}</div>']
    if doc.status != "ok":
        parts.append(f'<p class="error">error: {escape(str(doc.error))}</p></section>')
        return "".join(parts)
    speakers = Counter(q.speaker or UNKNOWN for q in quotes)
    parts.append('<div class="legend">' + "".join(
        f'<span><span class="sw" style="background:{colours[s]}"></span>{escape(s)} ({n})</span>'
        for s, n in speakers.most_common()) + "</div>")
    parts.append(f'<div class="text">{highlight(doc.text, quotes, colours)}</div>')
    if quotes:
        rows = "".join(
            f"<tr><td>{escape(q.speaker or UNKNOWN)}</td><td>{escape(q.cue or '')}</td><td>{escape(str(q.quote_type))}</td>"
            f"<td>{escape(str(q.attribution))}</td><td>{q.confidence:.2f}</td><td>{escape(q.quote_text)}</td></tr>"
            for q in quotes)
        parts.append("<details><summary>all quotations as a table</summary><table class=\"quotes\">"
                     "<tr><th>speaker</th><th>cue</th><th>type</th><th>attribution</th><th>confidence</th>"
                     f"<th>quotation</th></tr>{rows}</table></details>")
    parts.append("</section>")
    return "".join(parts)


def render(build_dir: str | Path, title: str | None = None) -> str:
    """The report of a build folder as one HTML string."""
    docs = load_documents(build_dir)
    quotes = load_quotes(build_dir).astype(object).where(lambda f: f.notna(), None)
    if "text" not in docs:
        raise ValueError(f"{build_dir}: documents.parquet has no text column (built by an older version; rebuild it)")
    by_doc: dict[str, list] = {}
    for q in quotes.itertuples(index=False):
        by_doc.setdefault(q.doc_id, []).append(q)
    speaker_counts = Counter(q.speaker or UNKNOWN for q in quotes.itertuples(index=False))
    kind_counts = Counter(q.speaker_kind or "unknown" for q in quotes.itertuples(index=False))
    ordered = sorted(speaker_counts.items(), key=lambda kv: (-kv[1], kv[0]))
    colours = _colours([s for s, _ in ordered])
    title = title or f"Quotations in {Path(build_dir).name}"
    n_errors = int((docs.status != "ok").sum())
    summary = (f'<section class="summary"><h1>{escape(title)}</h1>'
               f'<div class="sub">{len(docs)} documents, {len(quotes)} quotations, {n_errors} errors, '
               f'{len(speaker_counts)} speakers. Hover a highlighted quotation for its speaker, cue, type, '
               f'attribution and confidence.</div><div class="charts">'
               + _bar_chart("Quotations per speaker", ordered[:25], colours)
               + _bar_chart("Quotations per speaker kind", sorted(kind_counts.items(), key=lambda kv: (-kv[1], kv[0])))
               + "</div></section>")
    articles = "".join(_article(doc, by_doc.get(doc.doc_id, []), colours)
                       for doc in docs.astype(object).where(docs.notna(), None).itertuples(index=False))
    data = json.dumps({"documents": len(docs), "quotations": len(quotes)}).replace("<", "\\u003c")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{CSS}</style></head>"
            f"<body><main>{summary}{articles}</main>"
            f'<script type="application/json" id="report-data">{data}</script></body></html>\n')


def write_report(build_dir: str | Path, out: str | Path, title: str | None = None) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(build_dir, title), encoding="utf-8")
    return out
