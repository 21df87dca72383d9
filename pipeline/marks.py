"""Quotation marks → quoted spans, on raw text.

Handles straight and curly, double and single marks; apostrophes (don't, Clinton's,
officers', '90s) are not taken for quote marks; a paragraph that opens a quote without
closing it continues into the next paragraph when that one opens with a quote mark
(the newspaper convention for multi-paragraph quotes); single marks nested inside a
double-quoted span belong to it; a closing mark that opens a line is a mistyped opening
one. An opening mark never closed runs to the end of its paragraph, so unbalanced input
still yields bounded spans."""
from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_OPEN_CONTEXT = set(" \t\n\u00a0([{—–-/:;,")
_MAX_SINGLE = 400  # a single-quoted span longer than this is apostrophes, not a quote


# "WALLACE: Let's start …", '"PENCE: Well, look, …': a speaker's name in capitals opening a paragraph.
_TURN = re.compile(r"[ \t]*[\"“]?[ \t]*(?P<label>[A-Z][A-Z.'’-]*[A-Z](?: [A-Z][A-Z.'’-]*[A-Z]){0,2}):[ \t]+(?=\S)")
_NOT_SPEAKERS = frozenset({"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "WATCH", "RELATED",
                           "READ MORE", "PHOTO", "PHOTOS", "VIDEO", "SOURCE", "CREDIT", "ALSO", "WARNING", "SPOILER",
                           # a headline's kicker: "Breaking: …", "The Latest: …"
                           "BREAKING", "REVEALED", "BOMBSHELL", "THE LATEST", "EXCLUSIVE", "ANALYSIS", "OPINION", "LIVE"})
_STAGE_DIRECTION = re.compile(r"[ \t]*[\"“]?\(")     # '"(CROSSTALK.)'


@dataclass(frozen=True)
class Turn:
    label_start: int  # the speaker's name
    label_end: int
    start: int        # what they said, through the quoted paragraphs that follow
    end: int


def transcript_turns(text: str) -> list[Turn]:
    """The turns of a transcript: paragraphs that open with a speaker's name in capitals and a
    colon, when at least two different names do so. A turn that opens with a quote mark runs on
    through the paragraphs after it that open with one too (the multi-paragraph convention),
    up to the next name or a stage direction ("(CROSSTALK.)")."""
    spans = paragraphs(text)
    labelled = {}
    for index, (start, end) in enumerate(spans):
        m = _TURN.match(text, start, end)
        if m and m.group("label") not in _NOT_SPEAKERS:
            labelled[index] = m
    if len({m.group("label") for m in labelled.values()}) < 2:
        return []
    turns = []
    for index, m in labelled.items():
        end = spans[index][1]
        quoted = text[spans[index][0]:m.start("label")].strip() != ""
        following = index + 1
        while (quoted and following < len(spans) and following not in labelled
               and text[spans[following][0]:spans[following][1]].lstrip()[:1] in ("\"", "“")
               and not _STAGE_DIRECTION.match(text, spans[following][0])):
            end = spans[following][1]
            following += 1
        turns.append(Turn(m.start("label"), m.end("label"), m.end(), end))
    return turns


# "Poll: Clinton and Trump in dead heat", "Pence: Gennifer Flowers Won't Be at Debate", "Clinton to
# Planned Parenthood: …": a headline's source (and whom it addressed).
_HEADLINE_SOURCE = re.compile(r"[ \t]*(?P<label>[A-Z][\w.'’-]*(?: (?:to )?[A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)")
_HEADLINE_BREAK = re.compile(r"[;\n]")     # "Khans: Trump stirs 'ugliness'; | Muslim couple cope …"
_HEADLINE_CLAIM_WORDS = 3


def headline_claim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """What a headline's source said, in a headline that opens with the source and a colon."""
    m = _HEADLINE_SOURCE.match(text, start, end)
    if m is None or m.group("label").upper() in _NOT_SPEAKERS:
        return None
    stop = _HEADLINE_BREAK.search(text, m.end(), end)
    claim_end = len(text[:stop.start() if stop else end].rstrip())
    return (m.end(), claim_end) if len(text[m.end():claim_end].split()) >= _HEADLINE_CLAIM_WORDS else None


def speaker_label(text: str, start: int) -> tuple[int, int] | None:
    """The name before a transcript turn or a headline's claim that starts at `start`."""
    line = text.rfind("\n", 0, start) + 1
    for pattern in (_TURN, _HEADLINE_SOURCE):
        m = pattern.match(text, line)
        if m and m.end() == start:
            return m.start("label"), m.end("label")
    return None


@dataclass(frozen=True)
class Marked:
    start: int
    end: int          # exclusive, after the closing mark (or the paragraph end)
    closed: bool      # False when the text never closed it
    paragraphs: int   # how many paragraphs it runs through


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks of non-empty lines separated by blank lines."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def _double_role(text: str, i: int, width: int) -> str:
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + width] if i + width < len(text) else " "
    if ch in "“„«":
        return "open"
    if ch in "”»":
        # A closing mark that opens a line and a word is a mistyped opening one: '”Mr. Trump …'
        return "open" if before == "\n" and not after.isspace() else "close"
    if before in _OPEN_CONTEXT and not after.isspace():
        return "open"
    if not before.isspace():
        return "close"
    return "either"


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(offset, width) of double marks; two apostrophes ('') stand for one, as some papers print.
    Three after a word close a single-quoted phrase and then the quotation (", 'old-school,'''
    said …"): the last two are the double mark."""
    marks, i = [], start
    while i < end:
        if text[i] in "\"“”„«»":
            marks.append((i, 1))
        elif text.startswith("''", i) and i + 1 < end:
            closing_three = text.startswith("'''", i) and i + 2 < end and i > 0 and not text[i - 1].isspace()
            marks.append((i + 1, 2) if closing_three else (i, 2))
            i += 2 if closing_three else 1
        i += 1
    return marks


def _single_role(text: str, i: int) -> str | None:
    """open/close for a single mark used as a quote, None for an apostrophe."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return None                                   # don't, Clinton's
    if before in _OPEN_CONTEXT and (after.isalpha() or after in "“\""):
        return None if ch == "’" else "open"          # ’90s / ’em are apostrophes
    if after.isdigit():
        return None                                   # '90s
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-\"”"):
        return "close"
    return None


def _double_spans(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed double-quoted spans in one paragraph, and the offset of a quote left open."""
    spans, opened, nested_close = [], None, None
    marks = _double_marks(text, start, end)
    roles = [_double_role(text, i, width) for i, width in marks]
    for n, (i, width) in enumerate(marks):
        role = roles[n]
        if n == nested_close:
            nested_close = None
        elif opened is None and role in ("open", "either"):
            opened = i
        elif opened is not None and role in ("close", "either"):
            spans.append((opened, i + width))
            opened = None
        elif opened is not None and role == "open":
            if text[opened] == text[i] == "“" and roles[n + 1:n + 3] == ["close", "close"]:
                # '“… what he calls “hell” than live …”': a quotation inside a quotation.
                nested_close = n + 1
                continue
            # A second opening mark: the first was never closed; keep the text up to here.
            spans.append((opened, i))
            opened = i
    return spans, opened


def _single_spans(text: str, start: int, end: int, inside: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans, opened = [], None
    for i in range(start, end):
        if text[i] not in "'‘’‚" or text.startswith("''", i) or text.startswith("''", i - 1) \
                or any(s <= i < e for s, e in inside):
            continue
        role = _single_role(text, i)
        if role == "open" and opened is None:
            opened = i
        elif role == "close" and opened is not None:
            if i - opened <= _MAX_SINGLE:
                spans.append((opened, i + 1))
            opened = None
    return spans


def find_marked(text: str, skip: list[tuple[int, int]] = ()) -> list[Marked]:
    """All quoted spans of a text, in order; paragraphs overlapping a `skip` span are ignored."""
    paras = [p for p in paragraphs(text) if not any(s < p[1] and p[0] < e for s, e in skip)]
    out: list[Marked] = []
    carry: tuple[int, int] | None = None   # (start, paragraphs so far) of a quote running on
    previous_end = 0
    for ps, pe in paras:
        doubles, opened = _double_spans(text, ps, pe)
        if carry is not None and (text[carry[0]] == "\"") != (text[ps] == "\""):
            # The convention reopens with the quote's own mark: a straight-quoted excerpt does not
            # run on into a paragraph that opens with a curly mark (its own quotation).
            out.append(Marked(carry[0], previous_end, False, carry[1]))
            carry = None
        if carry is not None:
            if doubles and doubles[0][0] == ps:          # reopened here and closed
                out.append(Marked(carry[0], doubles[0][1], True, carry[1] + 1))
                doubles, carry = doubles[1:], None
            elif not doubles and opened == ps:           # reopened here, still running
                carry, opened = (carry[0], carry[1] + 1), None
            else:                                        # never closed
                out.append(Marked(carry[0], previous_end, False, carry[1]))
                carry = None
        inside = doubles + ([(opened, pe)] if opened is not None else [])
        if carry is not None:
            inside.append((ps, pe))
        out.extend(Marked(s, e, True, 1) for s, e in doubles)
        out.extend(Marked(s, e, True, 1) for s, e in _single_spans(text, ps, pe, inside))
        if opened is not None:
            carry = (opened, 1)
        previous_end = pe
    if carry is not None:
        out.append(Marked(carry[0], previous_end, False, carry[1]))
    out.sort(key=lambda m: m.start)
    return out
