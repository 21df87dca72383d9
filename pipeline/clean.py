"""Stage 1, clean: find web boilerplate blocks (newsletter and subscribe blurbs, image
credits, bare URLs, navigation, repeated blocks). Nothing is deleted: the blocks are
recorded as spans so that every later offset still points into the original text."""
from __future__ import annotations

import re
from collections import Counter

from .document import Document

_LINE = re.compile(r"[^\n]+")
_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
_CREDIT = re.compile(
    r"^\s*[(\[]?\s*(?:image|photo|picture|video|graphic)s?\s*(?:credit|courtesy|by|source)?\s*:"
    r"|^\s*\(?(?:getty images|reuters|ap photo|afp)[^a-z]*\)?\s*$",
    re.I,
)
_PROMO = re.compile(
    r"\b(?:subscribe|subscription|newsletters?|your inbox|follow us on|click here|"
    r"download (?:our|the) app)\b"
    r"|^\s*(?:sign up|read more|explore more|related|share this|advertisement)\b",
    re.I,
)
_QUOTE_MARKS = re.compile(r"[\"“”]")
_SHORT = 200  # widgets are short; real paragraphs that mention a newsletter or repeat are kept


def _is_boilerplate(line: str) -> bool:
    if _URL.match(line) or _CREDIT.match(line):
        return True
    if len(line) < _SHORT and _PROMO.search(line) and not _QUOTE_MARKS.search(line):
        return True
    return False


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if text[m.start():m.end()].strip()]
    bodies = [text[s:e].strip() for s, e in lines]
    repeats = Counter(b for b in bodies if 20 < len(b) < _SHORT)
    flags = [_is_boilerplate(b) or repeats[b] > 1 for b in bodies]
    # A short line wedged between two boilerplate lines is part of the same widget.
    for i in range(1, len(lines) - 1):
        if (not flags[i] and flags[i - 1] and flags[i + 1] and len(bodies[i]) < _SHORT
                and not _QUOTE_MARKS.search(bodies[i])):
            flags[i] = True
    return [span for span, flag in zip(lines, flags) if flag]


def clean(doc: Document) -> Document:
    doc.boilerplate = find_boilerplate(doc.text)
    return doc


def masked_text(doc: Document) -> str:
    """The text with boilerplate blanked out character for character, so offsets survive."""
    chars = list(doc.text)
    for s, e in doc.boilerplate:
        chars[s:e] = " " * (e - s)
    return "".join(chars)
