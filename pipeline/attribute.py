"""Stage 4, attribute: link each quotation to a speaker mention, then to one canonical
speaker per article (full name, short name, PERSON/ORG, affiliation, addressee).

Mentions are found from the cue (its subject, or "said X" inversion, or "according to
X"); quotations without a cue in their sentence take the speaker of an introducing
sentence ("X said:") or continue the previous quotation's speaker. Pronouns go to the
nearest earlier speaker of a compatible kind; nominals ("a spokesperson", "the
organisation") to the organisation in context."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import cues
from .document import Document, Entity, Quote
from .marks import speaker_label
from .tokens import (ANY_DASH, CLOSERS, DASHES, before_time_words, char_span, cue_verb, in_verb_group, is_adverb,
                     is_cue, is_participle, lemma, matching_dash, np_left, np_right, tag)

_SMALL_WORDS = {"of", "for", "and", "the", "on", "in", "to", "at", "de"}
_DETERMINERS = ("the ", "a ", "an ")
_CONTINUATION_PARAGRAPHS = 2
AUTHOR = "the author"      # the speaker of first-person narration outside any quotation
# Words that stand for a group as a subject ("many said", "those surveyed said").
_QUANTIFIERS = frozenset("many most some several few others another one those".split())
# What sets off a participle that reports for the clause's subject: ", saying", "before asking".
_BEFORE_PARTICIPLE = frozenset({",", "before", "after", "while", "when", "by", "without"})
_DASH_BYLINE = re.compile(r"[ \t\u00a0]*[―—–-][ \t\u00a0]*")


@dataclass
class Speaker:
    name: str
    short: str
    kind: str | None
    affiliation: str | None = None


def attribute(doc: Document) -> Document:
    if doc.status != "ok":
        return doc
    previous: Quote | None = None
    # The tagger's fallbacks (tagged.py) may yet give way to quotations of the rules
    # (confidence.py), so they are resolved last and sway no other quotation's speaker.
    quotes = [q for q in doc.quotes if not speechless(doc, q)]
    doc.quotes = [q for q in quotes if not q.fallback]
    unattributed: list[Quote] = []
    for q in doc.quotes:
        if q.attribution == "tagger":        # the tagger marked the source (see tagged.py)
            _resolve(doc, q, "tagger")
            previous = q if q.speaker is not None else previous
            continue
        found = _mention_from_cue(doc, q) if q.cue_token is not None else None
        how = "cue"
        if found is None and q.cue_token is None:
            found, how = _mention_from_context(doc, q, previous)
        if found is None:
            if q.quote_type in ("indirect", "mixed"):
                unattributed.append(q)   # reported speech needs a reporter; without one it is narration
            continue
        q.speaker_start, q.speaker_end = found
        if how == "continuation":
            _continue_speaker(q, previous)
        else:
            _resolve(doc, q, how)
        if q.speaker is not None:
            previous = q
    doc.quotes = [q for q in doc.quotes if q not in unattributed]
    for q in quotes:
        if q.fallback:
            _resolve(doc, q, "tagger")
    standing = {id(q) for q in doc.quotes}
    doc.quotes = [q for q in quotes if q.fallback or id(q) in standing]
    return doc


def speechless(doc: Document, q: Quote) -> bool:
    """A quotation this stage drops whatever else the article holds: it is the rules' reported
    speech and its cue has no subject to report it (the tagger's has the SOURCE it marked), or
    the subject of its cue is no speaker: "official figures have revealed …" (numbers report
    things, they do not say them; but a report "according to federal statistics" is sourced
    all the same)."""
    if q.cue_token is None:
        return False
    mention = _mention_from_cue(doc, q)
    if mention is None:
        return q.attribution != "tagger" and q.quote_type in ("indirect", "mixed")
    return (doc.tokens[q.cue_token].text.lower() != "according"
            and doc.text[mention[0]:mention[1]].lower().split()[-1] in cues.NON_AGENTS)


# --- mentions ---------------------------------------------------------------------------

def _mention_from_cue(doc: Document, q: Quote) -> tuple[int, int] | None:
    return _mention_of_verb(doc, q.cue_token, q.cue_inverted)


def _mention_of_verb(doc: Document, i: int, inverted: bool) -> tuple[int, int] | None:
    """The speaker mention of the reporting verb at token i."""
    sent = doc.sentences[doc.tokens[i].sentence]
    lo, hi = sent.first_token, sent.last_token
    if doc.tokens[i].text.lower() == "according":
        # "according to exit polls": up to the punctuation, whatever the tagger made of the words.
        end = next((k for k in range(i + 2, hi) if tag(doc.tokens[k]) == "PUNCT"), hi)
        span = np_right(doc, i + 2, hi) or ((i + 2, end) if i + 2 < end <= i + 8 else None)
        return _mention_chars(doc, span) if span else None
    if inverted:
        by = i + 1 < hi and doc.tokens[i + 1].text.lower() == "by"     # "As reported by Western Journalism, …"
        span = np_right(doc, i + 2 if by else i + 1, hi)
        if span:
            return _mention_chars(doc, span)
    before = doc.tokens[i - 1].text.lower() if i > lo else ""
    if before in CLOSERS and i - 1 > lo and doc.tokens[i - 2].text == ",":
        before = ","      # '“…,” Graham said on “Morning Joe,” adding, “…”'
    if doc.tokens[i].text.lower().endswith("ing") and before in _BEFORE_PARTICIPLE:
        # '"…," Chaffetz said in a statement, adding that …': the speaker of the main verb;
        # "The Home Office has defended the system, saying that …", "Blige sings to Clinton
        # before asking her, …": the clause's subject.
        main = next((k for k in range(i - 2, lo - 1, -1)
                     if tag(doc.tokens[k]) == "VERB" and cues.is_cue_lemma(lemma(doc.tokens[k]))), None)
        found = main is not None and (_mention_of_verb(doc, main, False) or _mention_of_verb(doc, main, True))
        return found or _subject_of_last_verb(doc, lo, i - 1) or _sentence_subject(doc, lo, i)
    after_thing = i > lo and any(tag(doc.tokens[k]) in ("NOUN", "NUM") for k in (i - 1, before_time_words(doc, i, lo)))
    if is_participle(doc.tokens[i]) and after_thing:
        # "The Clinton campaign released an ad this week showing Trump …", "unleashed a series of
        # tweets early Friday saying …": a participle phrase after a clause reports for the
        # clause's subject, not for the thing it follows ("footage of Trump saying" is Trump's).
        main = _subject_of_last_verb(doc, lo, i)
        if main and doc.text[main[0]:main[1]].lower() not in ("that", "which"):
            return main           # (not "postings that included one saying …")
    return _subject(doc, i, lo)


def _subject(doc: Document, i: int, lo: int) -> tuple[int, int] | None:
    """The subject mention of the verb at token i, not reaching below token lo."""
    j = _before_verb_group(doc, i, lo)
    to = next((k for k in range(j, i) if doc.tokens[k].text.lower() == "to"), None)
    if j > lo and to is not None:
        # "Trump refused to explain how …", "declined to say", "He went on to say" (with "on"
        # tagged ADP, or ADV and so inside the verb group), "was quick to add": the subject of
        # the first verb.
        k = to - 1 if to - 1 > lo and tag(doc.tokens[to - 1]) in ("ADP", "ADV") else to
        if tag(doc.tokens[k - 1]) == "VERB":
            j = _before_verb_group(doc, k - 1, lo)
        elif tag(doc.tokens[k - 1]) == "ADJ":
            m = k - 2         # (over adverbs: "were very quick to add")
            while m > lo and (tag(doc.tokens[m]) == "ADV" or is_adverb(doc.tokens[m])):
                m -= 1
            if m > lo and tag(doc.tokens[m]) in ("AUX", "VERB"):
                j = _before_verb_group(doc, m, lo)
    if j > lo and (doc.tokens[j - 1].text.lower() in ("and", "but")
                   or doc.tokens[j].text.lower() == "then" and doc.tokens[j - 1].text == ","):
        # "Roberts bemoaned the unrest and said …", "In my early 20s, …, I laughed and said",
        # "Kasich offered the man a job, then says …": the subject of the first verb.
        return _sentence_subject(doc, lo, i) or _subject_of_last_verb(doc, lo, j - 1)
    j = _before_dashed_aside(doc, _before_parenthesis(doc, j, lo), lo)
    if j > lo and (doc.tokens[j - 1].text == "," or doc.tokens[j - 1].text in DASHES):
        # An appositive between subject and cue: "Claude Knights, from the charity Kidscape, told",
        # "John Dickey, the chief executive of Ora Media -- the company that … -- told".
        k = next((k for k in range(j - 2, lo - 1, -1) if doc.tokens[k].text == ","), None)
        dashed = doc.tokens[j - 1].text in DASHES
        if k is not None and (not dashed or _appositive(doc, k + 1, j - 1)):
            # (no noun phrase before the aside, "And a third, Daniel Traynor, said": the name in it)
            span = np_left(doc, _before_parenthesis(doc, k, lo), lo) or (None if dashed else np_left(doc, j - 1, lo))
            if span:
                return _mention_chars(doc, span)
        if dashed:
            j -= 1
    span = np_left(doc, j, lo) or (None if is_participle(doc.tokens[i]) else _quantifier(doc, j, lo))
    if span and span[0] > lo and _is_time(doc, span):
        # "The Times on Saturday wrote", "a panel in 2001 found", "Wells Fargo just this month
        # announced", "A poll released in late August found": the subject is before the time.
        k = span[0]
        while k > lo and (tag(doc.tokens[k - 1]) in ("ADP", "ADV") or is_adverb(doc.tokens[k - 1])):
            k -= 1
        if k > lo and tag(doc.tokens[k - 1]) == "VERB" and doc.tokens[k - 1].text.lower().endswith("ed"):
            k -= 1
        span = np_left(doc, k, lo) if k < span[0] else span
    elif span and span[0] - 2 > lo and tag(doc.tokens[span[0] - 1]) == "ADP" and is_participle(doc.tokens[span[0] - 2]):
        # "Protesters marching through the streets chanted": the noun before the participle.
        span = np_left(doc, span[0] - 2, lo) or span
    return _mention_chars(doc, span) if span else None


def _quantifier(doc: Document, j: int, lo: int) -> tuple[int, int] | None:
    """A quantifier standing for its group before the verb ("many said", "most said", "those
    surveyed said"), which taggers do not make a noun. (Not before a participle: "the most
    telling promise".)"""
    k = j - 1
    if k > lo and tag(doc.tokens[k]) == "VERB" and doc.tokens[k - 1].text.lower() == "those":
        k -= 1
    return (k, j) if k >= lo and doc.tokens[k].text.lower() in _QUANTIFIERS else None


def _before_verb_group(doc: Document, i: int, lo: int) -> int:
    """Step back from verb i over auxiliaries, particles and adverbs ("has also said") and a
    floating quantifier ("Sens. Merkley, Brown and Menendez all suggested")."""
    j = i
    while j > lo and (in_verb_group(doc.tokens[j - 1]) and not _noun_after_determiner(doc, j - 1, lo)
                      or doc.tokens[j - 1].text.lower() in ("all", "both")):
        j -= 1
    return j


def _noun_after_determiner(doc: Document, k: int, lo: int) -> bool:
    """"the family": a noun that only looks like an adverb."""
    return k > lo and tag(doc.tokens[k]) == "NOUN" and tag(doc.tokens[k - 1]) == "DET"


def _appositive(doc: Document, first: int, last: int) -> bool:
    """Tokens [first, last) are a noun phrase: "the chief executive of Ora Media"."""
    return (first < last and tag(doc.tokens[first]) in ("DET", "ADJ", "NOUN", "PROPN")
            and not any(tag(t) in ("VERB", "AUX") for t in doc.tokens[first:last]))


def _before_dashed_aside(doc: Document, j: int, lo: int) -> int:
    """Step back over a dashed aside ending at token j - 1, to just after its opening dash."""
    if j > lo and doc.tokens[j - 1].text in DASHES:
        opening = matching_dash(doc, j - 1, lo - 1, -1)
        if opening is not None:
            return opening + 1
    return j


def _is_time(doc: Document, span: tuple[int, int]) -> bool:
    return all(t.text.lower() in cues.TIME_WORDS or t.text.isdigit() for t in doc.tokens[span[0]:span[1]])


def _before_parenthesis(doc: Document, j: int, lo: int) -> int:
    """Step back over a parenthesis ending at token j - 1: "Rep. Trey Gowdy (R-S.C.) said"."""
    if j > lo and doc.tokens[j - 1].text == ")":
        opening = next((k for k in range(j - 2, lo - 1, -1) if doc.tokens[k].text == "("), None)
        return opening if opening is not None else j
    return j


def _subject_of_last_verb(doc: Document, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase right before the last verb in [lo, hi): "In a speech earlier in the day,
    Trump attacked Clinton …, saying" → Trump."""
    verb = next((k for k in range(hi - 1, lo, -1) if _clause_verb(doc, k)), None)
    return _subject(doc, verb, lo) if verb is not None else None


def _clause_verb(doc: Document, k: int) -> bool:
    """A verb with a subject of its own: not "to unseal", not "Obama's go-it-alone approach",
    and an -ing form only after an auxiliary ("is saying", not "Trump's persistent sniffing")."""
    before = doc.tokens[k - 1]
    if tag(doc.tokens[k]) != "VERB" or before.text.lower() in ("to", "'s", "’s"):
        return False
    return not is_participle(doc.tokens[k]) or tag(before) == "AUX"


def _sentence_subject(doc: Document, lo: int, hi: int) -> tuple[int, int] | None:
    start = lo
    # Skip an opening adverbial ("However, …", "Last week, …"), not a name before its
    # appositive ("Rendell, a Clinton surrogate, said … and called …").
    comma = next((k for k in range(lo, min(hi, lo + 4)) if doc.tokens[k].text == ","), None)
    if comma is not None and not (np_right(doc, lo, comma) == (lo, comma) and not _is_time(doc, (lo, comma))):
        start = comma + 1
    span = np_right(doc, start, hi)
    return _mention_chars(doc, span) if span else None


def _mention_chars(doc: Document, span: tuple[int, int]) -> tuple[int, int]:
    """A mention's characters, narrowed to a PERSON name inside it ("Campaigner Sara Payne")."""
    start, end = char_span(doc, *span)
    for ent in doc.entities:
        if ent.label == "PERSON" and start <= ent.start and ent.end <= end and ent.end >= end - 3:
            first = ent.start
            # NER splits a hyphenated name ("Douglas Holtz" + "Eakin"): take every part.
            while part := next((e for e in doc.entities if e.label == "PERSON" and start <= e.start
                                and e.end == first - 1 and doc.text[e.end] == "-"), None):
                first = part.start
            return first, ent.end
    return start, end


def _mention_from_context(doc: Document, q: Quote, previous: Quote | None) -> tuple[tuple[int, int] | None, str]:
    """A quotation with no cue of its own: the name before it in a transcript or a headline,
    a dash byline after it, an introducing "X said:", or the running speaker."""
    label = speaker_label(doc.text, q.start)
    if label is not None:
        return label, "transcript" if doc.text[label[0]:label[1]].isupper() else "headline"
    byline = _dash_byline(doc, q)
    if byline is not None:
        return byline, "byline"
    si = doc.sentence_at(q.start)
    sent = doc.sentences[si]
    # "X said:" or "Sanders made the following comment:" right before the quotation, in its
    # own sentence or the one before.
    intro = sent if doc.text[sent.start:q.start].strip() else (doc.sentences[si - 1] if si > 0 else None)
    if intro is not None and doc.text[intro.start:q.start].rstrip().endswith(":"):
        lo = intro.first_token
        colon = next((t for t in range(intro.last_token - 1, lo - 1, -1) if doc.tokens[t].end <= q.start), None)
        # '"… I'm going to read you the question: “…”': an introduction inside someone's
        # quotation is theirs; the quotation continues their words.
        if colon is not None and not any(o.start < doc.tokens[colon].start < o.end for o in doc.quotes if o is not q):
            signed = _name_after_dash(doc, lo, colon)
            if signed is not None:
                return signed, "colon"
            for t in range(colon - 1, lo - 1, -1):
                if is_cue(doc, t):
                    q.cue_token = t
                    q.cue_start, q.cue_end = doc.tokens[t].start, doc.tokens[t].end
                    q.cue_inverted = t == lo     # "Stated Stone:"
                    return _mention_from_cue(doc, q), "colon"
            subject = _subject_of_last_verb(doc, lo, colon)
            if subject is not None:
                return subject, "colon"
    if previous is not None and _paragraphs_between(doc, previous.end, q.start) <= _CONTINUATION_PARAGRAPHS:
        return (previous.speaker_start, previous.speaker_end), "continuation"
    return None, "none"


def _name_after_dash(doc: Document, lo: int, colon: int) -> tuple[int, int] | None:
    """'Pollsters agree - Carl Bialik: “…”', 'RED STATES OUTNUMBER BLUE STATES - Frank Newport and
    Jim Harter: “…”': a digest's heading, a dash and the names of whoever is quoted next."""
    dash = next((t for t in range(colon - 1, lo, -1) if doc.tokens[t].text in ANY_DASH), None)
    names = doc.tokens[dash + 1:colon] if dash is not None else []
    if not names or not all(t.text[:1].isupper() or t.text == "and" for t in names):
        return None
    return names[0].start, names[-1].end


def byline_after(text: str, end: int) -> tuple[int, int] | None:
    """Where a dash byline may stand after a quotation ending at `end`: from after the dash to
    the end of the line."""
    dash = _DASH_BYLINE.match(text, end)
    if dash is None:
        return None
    line_end = text.find("\n", dash.end())
    return dash.end(), len(text) if line_end < 0 else line_end


def _dash_byline(doc: Document, q: Quote) -> tuple[int, int] | None:
    """'“…” ― Carla Sanchez' at the end of a line: the name after the dash said it."""
    byline = byline_after(doc.text, q.end)
    if byline is None:
        return None
    start, line_end = byline
    tokens = range(doc.sentences[doc.sentence_at(start)].first_token, len(doc.tokens))
    first = next((k for k in tokens if doc.tokens[k].start >= start), None)
    if first is None or doc.tokens[first].start >= line_end:
        return None
    last = next((k for k in range(first, len(doc.tokens)) if doc.tokens[k].start >= line_end), len(doc.tokens))
    span = np_right(doc, first, last)
    return _mention_chars(doc, span) if span else None


def _paragraphs_between(doc: Document, a: int, b: int) -> int:
    return len(re.findall(r"\n\s*\n", doc.text[a:b]))


# --- canonical speakers -----------------------------------------------------------------

def _resolve(doc: Document, q: Quote, how: str) -> None:
    mention = doc.text[q.speaker_start:q.speaker_end]
    low = mention.lower()
    words = low.split()
    speaker: Speaker | None
    if len(words) == 1 and words[0] in cues.FIRST_PERSON:
        speaker = _first_person(doc, q)
        q.attribution = "pronoun"
    elif len(words) == 1 and words[0] in cues.PRONOUNS_PERSON | cues.PRONOUNS_GROUP:
        want = "PERSON" if words[0] in cues.PRONOUNS_PERSON else "ORG"
        speaker = _antecedent(doc, q, want)
        q.attribution = "pronoun"
    elif words and words[-1] in cues.ORG_NOMINALS and not _proper(mention):
        speaker = _organisation_for(doc, q)
        q.attribution = "nominal"
    else:
        speaker = _speaker_of_span(doc, q.speaker_start, q.speaker_end) or _name_beside(doc, q.speaker_end)
        q.attribution = "name" if speaker and speaker.kind else "mention"
    if how != "cue":
        q.attribution = how
    if speaker is None and how in ("transcript", "headline") and not mention.lower().startswith(_DETERMINERS):
        name = mention.title()           # "JAKE TAPPER" → "Jake Tapper"
        speaker = Speaker(name, name.split()[-1], "PERSON")
    if speaker is None:
        speaker = Speaker(mention, mention, None)
    q.speaker, q.speaker_short, q.speaker_kind = speaker.name, speaker.short, speaker.kind
    q.speaker_affiliation = speaker.affiliation
    q.addressee = _addressee(doc, q)


def _continue_speaker(q: Quote, previous: Quote) -> None:
    q.speaker, q.speaker_short, q.speaker_kind = previous.speaker, previous.speaker_short, previous.speaker_kind
    q.speaker_affiliation, q.attribution = previous.speaker_affiliation, "continuation"


_ASIDE = re.compile(r"[,(]")
_BEFORE_MODIFIER = re.compile(r"\b(?:for|of|at|to|with)\s+(?:the\s+)?$")


def _entity_in(doc: Document, start: int, end: int) -> Entity | None:
    """The person or organisation a mention names: the last one before any aside set off by a
    comma or a parenthesis ("Don Fowler, who helmed the DNC during Bill Clinton’s presidency";
    "Sen. Bernie Sanders (Vt.)"), unless it only modifies a noun that the aside names ("An
    attorney for Pagliano, Mark MacDougall": MacDougall)."""
    aside = _ASIDE.search(doc.text, start, end)
    inside = [e for e in doc.entities if e.label in ("PERSON", "ORG") and start <= e.start and e.end <= end]
    head = [e for e in inside if aside is None or (e.end <= aside.start()
                                                    and not _BEFORE_MODIFIER.search(doc.text, start, e.start))]
    return (head or inside or [None])[-1]


def _name_beside(doc: Document, end: int) -> Speaker | None:
    """'said his best friend at Lehigh, Bruce Turry, who …': the name set beside a description."""
    sent = doc.sentences[doc.sentence_at(end)]
    hi = sent.last_token
    k = next((k for k in range(sent.first_token, hi) if doc.tokens[k].start >= end), hi)
    while k + 1 < hi and tag(doc.tokens[k]) == "ADP" and (np := np_right(doc, k + 1, hi)):
        k = np[1]          # "at Lehigh"
    if k + 1 >= hi or doc.tokens[k].text != ",":
        return None
    ent = next((e for e in doc.entities if e.start == doc.tokens[k + 1].start and e.label in ("PERSON", "ORG")), None)
    after = next((t for t in doc.tokens[k + 1:hi] if t.start >= ent.end), None) if ent else None
    # (set off by punctuation: in "According to exit polls, Mitt Romney had …" the name is a subject)
    return _canonical(doc, ent) if ent and (after is None or tag(after) == "PUNCT") else None


def _speaker_of_span(doc: Document, start: int, end: int) -> Speaker | None:
    ent = _entity_in(doc, start, end)
    if ent is not None:
        return _canonical(doc, ent)
    mention = doc.text[start:end]
    if not _proper(mention):
        return None
    words = mention.split()
    place = any(start <= e.start and e.end <= end for e in doc.entities)   # "Scotland Yard said": a place speaking is an institution
    if place or mention.lower().startswith(_DETERMINERS) or words[-1].lower() in cues.ORG_NOMINALS:
        # "The Metropolitan police": an organisation the tagger did not recognise.
        return Speaker(_org_name(mention), _org_name(mention), "ORG")
    # An unrecognised proper name: a surname of a known person, or a new name.
    return _person_by_surname(doc, words[-1], start)


def _proper(mention: str) -> bool:
    """Has a capitalised word beyond a sentence-initial determiner."""
    words = mention.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return any(w[:1].isupper() for w in words)


def _canonical(doc: Document, ent: Entity) -> Speaker:
    if ent.label == "PERSON":
        *given, surname = ent.text.split()
        full = _person_by_surname(doc, surname, ent.start, given)
        if full:
            return full
        return Speaker(ent.text, surname, "PERSON", _affiliation(doc, ent))
    return Speaker(_org_name(ent.text), _org_name(ent.text), "ORG")


def _person_by_surname(doc: Document, surname: str, at: int, given: Sequence[str] = ()) -> Speaker | None:
    """The longest PERSON name in the article with this surname and the `given` names, if any
    ("Paul Ryan" is "Paul D. Ryan", "Jeh Johnson" is not "Gary Johnson"). A bare surname at
    offset `at` is the person last quoted under that surname, when there is one: "Johnson
    said" after "Jeh Johnson says", though Gary Johnson was named first."""
    def words(name: str) -> set[str]:
        return {w.lower() for w in name.split()}

    wanted = {g.lower() for g in given}
    names = [e for e in doc.entities if e.label == "PERSON" and e.text.split()[-1].lower() == surname.lower()
             and wanted <= words(e.text)]
    quoted = [o.speaker for o in doc.quotes if o.speaker_kind == "PERSON" and o.speaker_end is not None
              and o.speaker_end <= at and len(o.speaker.split()) > 1 and o.speaker.split()[-1].lower() == surname.lower()]
    if quoted and not given:
        names = [e for e in names if words(quoted[-1]) <= words(e.text)] or names
    if not names:
        return None
    best = max(names, key=lambda e: (len(e.text.split()), -e.start))
    return Speaker(best.text, best.text.split()[-1], "PERSON", _affiliation(doc, best))


def _org_name(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(w if w.isupper() or w.lower() in _SMALL_WORDS and k else w[:1].upper() + w[1:]
                    for k, w in enumerate(words))


_AFFILIATION = re.compile(r"^,\s*(?:\w+\s+){0,6}?(?:from|of|at|with|for)\s+(?:the\s+)?(?P<body>[^,;:]*)")
_NAME_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w&'’.-]*)*")


def _affiliation(doc: Document, ent: Entity) -> str | None:
    """The organisation in the appositive after a person, within the sentence: "X, from the
    charity Kidscape," or "X, a professor at the University of Utah,": the whole name around
    a recognised ORG ("University" is tagged), else the first proper name."""
    sentence_end = doc.sentences[doc.sentence_at(ent.start)].end
    m = _AFFILIATION.match(doc.text[ent.end:min(ent.end + 160, sentence_end)])
    if not m:
        return None
    start, end = ent.end + m.start("body"), ent.end + m.end("body")
    orgs = [e for e in doc.entities if e.label == "ORG" and e.start < end and start < e.end]
    names = [_body_name(r.group()) for r in _NAME_RUN.finditer(doc.text, start, end)]
    names = [n for n in names if n]
    named_orgs = [n for n in names if any(o.text in n or n in o.text for o in orgs)]
    if named_orgs:
        return _org_name(named_orgs[0])
    if orgs:
        return _org_name(orgs[0].text)
    return _org_name(names[0]) if names else None


def _body_name(run: str) -> str | None:
    """A name found in an appositive as an organisation's, or None when it is a person's
    ("to President Bill Clinton", "of Obama’s campaign") or a day ("on Thursday")."""
    first = run.split()[0]
    a_day = " " not in run and first.rstrip(".").lower() in cues.TIME_WORDS
    if run.endswith(("'s", "’s")) or cues.is_title(first) or a_day:
        return None
    return run[:-1] if run.endswith(".") and run.count(".") == 1 else run      # "… of the NAACP."


def _antecedent(doc: Document, q: Quote, kind: str) -> Speaker | None:
    """Nearest earlier speaker of the wanted kind, else the nearest such named entity."""
    for other in reversed([o for o in doc.quotes if o.speaker_end is not None and o.speaker_end <= q.speaker_start]):
        if other.speaker_kind == kind:
            return _speaker_of(other)
    for ent in reversed([e for e in doc.entities if e.end <= q.speaker_start and e.label == kind]):
        return _canonical(doc, ent)
    return None


def _speaker_of(q: Quote) -> Speaker:
    return Speaker(q.speaker, q.speaker_short, q.speaker_kind, q.speaker_affiliation)


def _first_person(doc: Document, q: Quote) -> Speaker:
    """"I", "we": the speaker of the quotation they stand in, else the article's own author
    (an op-ed writer's "I laughed and said" is not the last person quoted)."""
    for other in doc.quotes:
        if other is not q and other.speaker is not None and other.start <= q.speaker_start < other.end:
            return _speaker_of(other)
    return Speaker(AUTHOR, AUTHOR, None)


def _organisation_for(doc: Document, q: Quote) -> Speaker | None:
    """The organisation a nominal mention stands for: "a spokesman for X", else the nearest
    earlier organisation, whether it was a speaker or only named."""
    after = doc.text[q.speaker_end:q.speaker_end + 80]
    m = re.match(r"\s*(?:for|at|of)\s+", after)
    if m:
        for ent in doc.entities:
            if ent.label == "ORG" and ent.start == q.speaker_end + m.end():
                return _canonical(doc, ent)
    speakers = [(o.speaker_end, Speaker(o.speaker, o.speaker_short, "ORG", o.speaker_affiliation))
                for o in doc.quotes if o.speaker_kind == "ORG" and o.speaker_end <= q.speaker_start]
    named = [(e.end, _canonical(doc, e)) for e in doc.entities if e.label == "ORG" and e.end <= q.speaker_start]
    candidates = speakers + named
    return max(candidates, key=lambda c: c[0])[1] if candidates else None


def _addressee(doc: Document, q: Quote) -> str | None:
    """Who was told: the name after "told"/"said to"."""
    if q.cue_token is None or cue_verb(doc.tokens[q.cue_token]) not in cues.ADDRESSEE:
        return None
    cue_end = doc.tokens[q.cue_token].end
    for ent in doc.entities:
        if ent.label in ("PERSON", "ORG") and 0 <= ent.start - cue_end <= 1:
            return ent.text
    tok = q.cue_token + 1
    if tok < len(doc.tokens) and doc.tokens[tok].text not in CLOSERS:
        span = np_right(doc, tok, doc.sentences[doc.tokens[tok].sentence].last_token)
        if span and tag(doc.tokens[span[0]]) == "PROPN":
            return doc.text[slice(*char_span(doc, *span))]
    return None
