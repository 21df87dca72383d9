"""Stage 3, quotes: every quotation in a segmented Document, with its reporting cue.

- direct: a span in quote marks that stands as what someone said ("…," he said);
- partial: a short quoted phrase that a cue governs (called the numbers "alarming");
- mixed: reported speech that contains quoted phrases (said London's "diverse …" meant …);
- indirect: reported speech after, or before, a reporting verb (argues that …, … , X said);
- a transcript's turns ("WALLACE: Let's start …") are direct quotations of the name before
  them, and a headline's claim ("Poll: Clinton and Trump in dead heat") reported speech of its source.
Quoted phrases that no cue governs (headlines, scare quotes, titles) are not quotations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice, takewhile

from . import cues
from .document import Document, Quote
from .marks import Marked, find_marked, headline_claim, paragraphs, transcript_turns
from .tokens import (ANY_DASH, CLOSERS, DASHES, NP_TAGS, OPENERS, after_time_words, before_time_words, cue_verb,
                     in_verb_group, is_adverb, is_cue, is_participle, matching_dash, modifying_participle, np_right,
                     possessive_determiner, quote_mark, tag, verb_of_its_own)

_TERMINAL = re.compile(r"[.!?…\"”’'):]\s*$")
_CLOSING_QUOTE = re.compile(r"[,.?!][\"”'’]")
_INNER_STOP = re.compile(r"[.!?][\"”’']?\s+[A-Z\"“]")
_TITLE_MAX = 250
_MIN_CONTENT_TOKENS = 3
_ADJUNCT_PREPOSITIONS = frozenset("since during after before amid following".split())
# "in a letter", "in an interview": where the words were said (other "in" phrases are said too)
_MEDIA = frozenset("""letter statement interview speech tweet tweets post posts email emails memo op-ed
editorial video radio broadcast debate rally hearing meeting conference call session remarks address""".split())
_WRITINGS = frozenset("book books column columns piece article articles essay dissertation introduction note blog".split())
_GERUND_PREPOSITIONS = frozenset("for about of on in by from against without".split())
_SUBJECT_PRONOUNS = frozenset("i we he she they".split())
_REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves".split())
# A cue and the particle after it that PolNeAR train annotates in at most a fifth of its (at
# least five) uses: they report nothing ("showed up", "believes in", "it adds up").
_NOT_REPORTS = frozenset("show up, show off, believe in, add up, find out, write off, think in, want in".split(", "))
# Words that open the writer's adverbial clause after an object ("described Mr. Obama as a
# climate evangelist when he ran for …", "release millions in cash so Mr. Clarke could …").
_CLAUSE_OPENERS = frozenset("as because although though when after before since until unless so".split())
_ASKING = frozenset("ask urge".split())
_QUESTION_WORDS = frozenset("whether why how what if".split())
_MODALS = frozenset("would will could can should may might must".split())
# Words after which a clause is still to come: "…, because, according to X, the media would …".
_OPENS_REPORT = frozenset("that because since while although though if whether after before when".split())
_TITLE_TOKENS = 8          # a quoted title after a preposition: 'On “Fox News Sunday,”'
# What starts a verb's object or complement (after "said" these start a report, not a place or time).
_OBJECT_TAGS = frozenset({"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM", "VERB", "AUX", "PART"})


@dataclass
class Cue:
    token: int            # document token index of the cue verb (or of "according")
    end_token: int        # one past the cue phrase
    content: tuple[int, int] | None  # character span of the reported content, if any
    inverted: bool        # speaker stands after the cue ("…, said a spokesperson")
    forward: bool = False  # content follows the cue ("said that …")
    after_quote: bool = False  # a trailing attribution right after a quotation ('"…," X said')


def title_spans(doc: Document) -> list[tuple[int, int]]:
    """Headlines, standfirsts and captions: short one-sentence paragraphs that don't end as
    sentences do. (A long or many-sentence paragraph without a final stop is truncated text.)
    Their quote marks set off titles, not quotations; their reporting verbs still report
    ("Maria Lopez Says Ward Will Close")."""
    return [(s, e) for s, e in paragraphs(doc.text)
            if e - s < _TITLE_MAX and (_quoted_heading(doc.text[s:e]) or not _TERMINAL.search(doc.text[s:e])
                                       and not _INNER_STOP.search(doc.text[s:e]))
            and not any(bs <= s < be for bs, be in doc.boilerplate)]


def _quoted_heading(paragraph: str) -> bool:
    """"'Legend in the Coal Fields.'": a paragraph of a few quoted words, every long word
    capitalised, is a section heading; nobody is quoted in title case. So is a paragraph that is
    nothing but a few words in single straight marks ("'A change warrior.'"), as papers that
    print quotations with '' set their section heads."""
    stripped = paragraph.strip()
    inner = stripped.strip("\"'“”‘’.!?: ")
    words = inner.split()
    if not (stripped[:1] in OPENERS and words and len(words) <= _TITLE_TOKENS
            and not any(c in "\"“”«»" for c in inner)):
        return False
    single = (stripped[0] == stripped[-1] == "'" and not stripped.startswith("''")
              and "'" not in stripped[1:-1].replace("'s", ""))      # (one phrase: no other marks inside)
    return single or (len(words) >= 3 and words[0][0].isupper()
                      and all(w[0].isupper() for w in words if len(w) >= 4 and w[0].isalpha()))


def _according(doc: Document, i: int, end: int) -> bool:
    return doc.tokens[i].text.lower() == "according" and i + 1 < end and doc.tokens[i + 1].text.lower() == "to"


def _as_reported_by(doc: Document, i: int, lo: int, hi: int) -> bool:
    """"As reported by Western Journalism, …": a source named like "according to"."""
    return (i > lo and i + 1 < hi and doc.tokens[i - 1].text.lower() == "as" and doc.tokens[i + 1].text.lower() == "by"
            and is_cue(doc, i))


def _content_end(doc: Document, first: int, last: int) -> int:
    """Character end of a content clause running to the sentence end, minus final punctuation.
    A report that ends its sentence with a colon goes on into the next ("three things are
    happening at once: Home values are rising …")."""
    last = _before_new_clause(doc, first, last)
    sentence = doc.tokens[last - 1].sentence
    if (doc.tokens[last - 1].text == ":" and last == doc.sentences[sentence].last_token
            and sentence + 1 < len(doc.sentences)):
        last = doc.sentences[sentence + 1].last_token
    while last > first and tag(doc.tokens[last - 1]) == "PUNCT" and doc.tokens[last - 1].text not in CLOSERS:
        last -= 1
    return doc.tokens[last - 1].end


def _closing_mark(doc: Document, k: int) -> bool:
    return doc.tokens[k].text in CLOSERS and quote_mark(doc, k)


def _new_subject(conjunction, after) -> bool:
    """", and the downgrade …": a conjunction and a subject of its own."""
    return (conjunction.text.lower() in ("and", "but") and tag(after) in ("DET", "PROPN", "PRON", "NOUN", "ADJ")
            and after.text.lower() not in ("that", "i", "we"))


def _quoted_tokens(doc: Document, first: int, last: int) -> set[int]:
    """Tokens in [first, last) inside quotation marks, closing marks included."""
    inside, open_ = set(), False
    for k in range(first, last):
        if quote_mark(doc, k):
            text = doc.tokens[k].text
            if text in ("“", "‘", "«", "``"):
                open_ = True
            elif text[-1] in "”’»":
                open_ = False
            else:                 # a straight mark opens or closes
                open_ = not open_
            inside.add(k)
        elif open_:
            inside.add(k)
    return inside


def _before_new_clause(doc: Document, first: int, last: int) -> int:
    """Where the writer takes over from the speaker: 'The IMF said it is lowering its forecast,
    and the downgrade is casting a shadow …' (", and"/", but" with a subject of its own), a
    semicolon, ", although …", ", even though …", ", compared with …" (the writer's figures beside
    the speaker's), "— lambasting …", ", implicitly putting …", "and said …" or "and Democrats
    accused …" (a report of its own), '"…" and kept going', a relative clause on the report's last
    noun (unless a quotation follows in it), or a closing appositive; not inside the quotations a
    report may hold."""
    quoted = _quoted_tokens(doc, first, last)
    for k in range(first + 2, last - 2):
        text, nxt, after = doc.tokens[k].text, doc.tokens[k + 1], doc.tokens[k + 2]
        if k in quoted:
            if quote_mark(doc, k) and doc.tokens[k - 1].text == "," and k + 1 not in quoted and (
                    _new_subject(nxt, after) or nxt.text.lower() in ("although", "though")):
                return k + 1      # 'promising “jobs, jobs, jobs,” but he has also …', '“a mistake,” although …'
            continue
        new_subject = (text == "," or text in ANY_DASH) and _new_subject(nxt, after)
        contrast = nxt.text.lower() in ("although", "though", "whereas") or (
            nxt.text.lower() == "while" and _clause_from(doc, k + 2, last)) or (
            nxt.text.lower() == "even" and after.text.lower() in ("though", "as")) or (
            nxt.text.lower() == "compared" and after.text.lower() in ("with", "to"))
        if (new_subject or text == ";" or text == "," and contrast
                or (text == "," or text in DASHES) and nxt.text.lower() != "including"
                and (is_participle(nxt) or is_adverb(nxt) and is_participle(after))
                and _has_verb(doc, first, k)
                or text.lower() in ("and", "but") and _reports_next(doc, k + 1, last) and _has_verb(doc, first, k)
                or text.lower() == "and" and quote_mark(doc, k - 1) and tag(nxt) == "VERB"):
            return k      # (the last: 'chanted "What curfew?" and kept going')
        if text == "," and nxt.text.lower() in ("which", "who") and (
                not _has_verb(doc, first, k) or not any(quote_mark(doc, m) for m in range(k, last))):
            # "acknowledged the reality of climate change, which makes him …", "said the FBI had
            # secured the cooperation of Bryan Pagliano, who worked on …" (but "…, which is a
            # problem because, “In the end, …”": the report takes in the quotation)
            return k
        if text == "," and _closing_appositive(doc, k, last):
            return k              # "he did not support Mr. Trump, the presumed Putin favorite"
    return last


def _closing_appositive(doc: Document, comma: int, last: int) -> bool:
    """After a name, a noun phrase (perhaps with a relative clause) to the end of the report;
    after a common noun, an indefinite one ("…, a swipe at the recent disturbances", "…, one
    that will dominate the meeting")."""
    article = doc.tokens[comma + 1].text.lower()
    after_name = tag(doc.tokens[comma - 1]) == "PROPN" or doc.tokens[comma - 1].text == ")"
    if not (after_name and article in ("a", "an", "the", "one") or tag(doc.tokens[comma - 1]) == "NOUN" and article in ("a", "an", "one")):
        return False
    relative = next((k for k in range(comma + 1, last) if doc.tokens[k].text.lower() in ("who", "which", "that")), last)
    phrase = doc.tokens[comma + 1:relative]      # "the presumed Putin favorite": no verb of its own
    return not any(verb_of_its_own(phrase, k) or t.text == "," for k, t in enumerate(phrase))


def _reports_next(doc: Document, k: int, last: int) -> bool:
    """A report of its own from token k: "and said …", "but did not suggest …", "and Democrats
    accused …"."""
    if is_cue(doc, _after_verb_group(doc, k, last)):
        return True
    np = np_right(doc, k, last)
    return np is not None and np[1] - np[0] <= 3 and np[1] < last and is_cue(doc, _after_verb_group(doc, np[1], last))


def _after_verb_group(doc: Document, k: int, last: int) -> int:
    while k < last - 1 and in_verb_group(doc.tokens[k]):
        k += 1
    return k


def find_cues(doc: Document, si: int, beliefs: bool = True) -> list[Cue]:
    """Reporting cues of one sentence, with the span of what they report."""
    sent = doc.sentences[si]
    lo, hi = sent.first_token, sent.last_token
    found: list[Cue] = []
    for i in range(lo, hi):
        if _according(doc, i, hi) or _as_reported_by(doc, i, lo, hi):
            found.append(_according_cue(doc, i, lo, hi))
        elif (is_cue(doc, i, beliefs) and not _names_a_thing(doc, i) and not _that_said(doc, i, lo, hi)
              and not _idiom(doc, i, lo, hi)):
            found.append(_verb_cue(doc, i, lo, hi))
    for cue in found:
        if cue.content and cue.content[1] <= cue.content[0]:
            cue.content = None      # only punctuation after the cue: "According to X, ) : —"
    return found


def _that_said(doc: Document, i: int, lo: int, hi: int) -> bool:
    """"That said, …" opening a sentence is the writer's "even so", not a report."""
    return i == lo + 1 and i + 1 < hi and doc.tokens[lo].text == "That" and doc.tokens[i + 1].text == ","


def _idiom(doc: Document, i: int, lo: int, hi: int) -> bool:
    """"found himself embroiled in controversy" (where someone ended up, not what they found
    out), "showed up in the flesh" (she came; see _NOT_REPORTS), "trade declined 40 percent" (a
    fall, not a refusal) and "may want to stay at home" (the writer's advice, not anyone's wish)
    report nothing."""
    verb = cue_verb(doc.tokens[i])
    if verb == "find":
        return i + 1 < hi and doc.tokens[i + 1].text.lower() in _REFLEXIVES
    if i + 1 < hi and f"{verb} {doc.tokens[i + 1].text.lower()}" in _NOT_REPORTS:
        return True
    if verb == "decline":
        return i + 1 < hi and (tag(doc.tokens[i + 1]) == "NUM" or doc.tokens[i + 1].text.lower() == "by")
    return verb == "want" and i > lo and doc.tokens[i - 1].text.lower() in ("may", "might")


def _particle(tok) -> bool:
    """"pointed out", "called for": a particle or preposition after the verb (taggers call one
    before a gerund SCONJ: "called for reducing")."""
    return (tag(tok) in ("ADP", "PART") and tok.text.lower() != "that"
            or tag(tok) == "SCONJ" and tok.text.lower() in _GERUND_PREPOSITIONS)


def _according_cue(doc: Document, i: int, lo: int, hi: int) -> Cue:
    comma = next((k for k in range(i + 2, hi) if doc.tokens[k].text == ","), None)
    if (i - lo <= 1 or doc.tokens[i - 1].text == ":") and comma is not None and hi - comma > _MIN_CONTENT_TOKENS:
        # "According to X, …" (also after a colon: "And it hasn't gone unnoticed: According to …, …")
        comma = _after_aside(doc, comma, hi)
        content = (doc.tokens[comma + 1].start, _content_end(doc, comma + 1, hi))
    elif i - lo >= _MIN_CONTENT_TOKENS:
        end = i - 1 if doc.tokens[i - 1].text == "," else i
        if (end < i and comma is not None and hi - comma > _MIN_CONTENT_TOKENS
                and tag(doc.tokens[comma + 1]) in ("AUX", "VERB") and not _has_verb(doc, lo, end)):
            # "Among the precedents at risk, according to Ms. Epstein, are 16 …": the attribution
            # is set off between the report's subject and its verb.
            content = (_after_dateline(doc, lo), _content_end(doc, comma + 1, hi))
        elif (end < i and comma is not None and _clause_from(doc, comma + 1, hi)
              and (not _has_verb(doc, lo, end) or doc.tokens[end - 1].text.lower() in _OPENS_REPORT
                   or is_cue(doc, end - 1))):
            # "In addition, according to the department, nearly nine million …", "…, because,
            # according to Trump, the media would …", "Politico reported, according to sources,
            # Clinton tried …": what comes before is no report; the clause after it is.
            content = (doc.tokens[comma + 1].start, _content_end(doc, comma + 1, hi))
        else:
            content = (_last_clause(doc, lo, end), doc.tokens[end - 1].end)      # …, according to X.
    else:
        content = None
    return Cue(i, i + 2, content, inverted=True)


def _after_aside(doc: Document, comma: int, hi: int) -> int:
    """The comma that closes an aside after the source of "according to": "According to Maria
    Lopez, the hospital's chief nurse, the wards …", "According to the report, however, …"."""
    closing = next((k for k in range(comma + 2, hi) if doc.tokens[k].text == ","), None)
    # (no clause after a comma that ends the sentence: the text may end there, with no token after it)
    if (closing is None or _has_verb(doc, comma + 1, closing) or not _clause_from(doc, closing + 1, hi)
            or doc.tokens[closing + 1].text.lower() in ("which", "who", "that")):
        return comma
    return closing


def _last_clause(doc: Document, lo: int, end: int) -> int:
    """Where the clause that an "according to" closing the sentence vouches for starts (a
    character offset): at the last clause joined by ", and"/", but", or at a closing ", which"
    clause ("…, and he will be part of …"); otherwise at the sentence's start, after any dateline."""
    for k in range(end - 2, lo, -1):
        if doc.tokens[k].text != ",":
            continue
        nxt = doc.tokens[k + 1].text.lower()
        if nxt in ("and", "but") and _clause_from(doc, k + 2, end):
            return doc.tokens[k + 2].start
        if (nxt == "which" and k + 2 < end and tag(doc.tokens[k + 2]) in ("VERB", "AUX")
                and not any(t.text == "," for t in doc.tokens[k + 1:end])):   # not "the company, which …, took"
            return doc.tokens[k + 1].start
    return _after_dateline(doc, lo)


def _verb_cue(doc: Document, i: int, lo: int, hi: int) -> Cue:
    j = after_time_words(doc, i + 1, hi)     # "said Friday that …"
    if j < hi and doc.tokens[j].text in DASHES:
        close = matching_dash(doc, j, hi, 1)
        if close is not None and close + 1 < hi and doc.tokens[close + 1].text.lower() == "that":
            j = close + 1     # "said — on Twitter, as it happens — that …"
    object_at = j         # where the verb's own object would start
    # "pointed out", "said in a statement that", "says at a campaign stop in Toledo, Ohio, that":
    # skip particles and a phrase without a verb up to a "that" (not "said down-ballot races …"),
    # or up to a quotation opening after a comma ('said at a town hall on Monday, “…”'); an
    # infinitive right after the cue (or a time) is what was said, "to" and all ("refused to
    # release …", "promised Monday to begin …").
    while j < hi and _particle(doc.tokens[j]) and j - i <= 2 and not (
            j + 1 < hi and doc.tokens[j + 1].text == "-" and doc.tokens[j + 1].start == doc.tokens[j].end) and not (
            j == after_time_words(doc, i + 1, hi) and doc.tokens[j].text.lower() == "to" and j + 1 < hi
            and tag(doc.tokens[j + 1]) == "VERB"):
        nxt = next((k for k in takewhile(lambda k: tag(doc.tokens[k]) not in ("VERB", "AUX"), range(j, min(hi, j + 12)))
                    if doc.tokens[k].text.lower() == "that" and (k < j + 6 or doc.tokens[k - 1].text == ",")
                    or doc.tokens[k].text in OPENERS and doc.tokens[k - 1].text == ","
                    and doc.tokens[k - 1].end < doc.tokens[k].start and not _phrasal(doc, i)), None)
        j = nxt if nxt is not None else j + 1
    verb = cue_verb(doc.tokens[i])
    if j == object_at + 1 and doc.tokens[object_at].text.lower() == "to" and not _phrasal(doc, i):
        # "wrote to the board in August, saying …": whom it was written to, not what was written
        np = np_right(doc, j, hi)
        j = np[1] if np else j
    if verb in cues.ADDRESSEE:
        np = np_right(doc, j, hi)
        that = next((k for k in range(j + 1, min(hi, j + 15)) if doc.tokens[k].text.lower() == "that"), None)
        if that is not None and not _has_verb(doc, j, that):
            # "told one of his young protégés on a regular basis that …": the addressee runs to "that"
            np = (j, that)
        # "asked the Supreme Court to intervene": PolNeAR takes the person asked in (77 times in
        # train after "ask", "urge", "encourage", "call on" against 25 from "to")
        asked_to = (verb in _ASKING and np is not None and np[1] + 1 < hi and doc.tokens[np[1]].text.lower() == "to"
                    and tag(doc.tokens[np[1] + 1]) == "VERB")
        if np and not asked_to and (np[1] < hi and doc.tokens[np[1]].text.lower() in ("that", ":", ",", ".")
                                    or np[1] - np[0] <= 3
                                    or np[1] < hi and doc.tokens[np[1]].text.lower() in _SUBJECT_PRONOUNS):
            # "told African-Americans this weekend he would …", "…, a spokesman told The Wall Street Journal."
            j = object_at = np[1]
    inverted = False
    before = doc.tokens[i - 1].text if i > lo else ""
    # (after "Donald Trump, her opponent," or "Trump, appearing after Clinton," or "In her book,
    # Living History," or "Roy M. Neel, who managed Al Gore's campaign," nothing was said yet: the
    # subject is before the verb)
    said_before = not _subject_aside(doc, lo, i) and any(
        _closing_mark(doc, k) or tag(t) in ("VERB", "AUX") and not is_participle(t) and t.text[:1].islower()
        for k, t in enumerate(doc.tokens[lo:i - 1], lo))
    if ((before == "," and said_before or before in CLOSERS or i == lo)
            and verb not in cues.ADDRESSEE | cues.OBJECT | cues.NAMING
            and not is_participle(doc.tokens[i])):     # ", saying his …" reports; it is not "…, said his …"
        # "…, said a spokesperson." — the speaker follows the cue.
        np = np_right(doc, j, hi)
        # '…," wrote Cameron Easley for Morning Consult.' — a name, then punctuation or a preposition
        # ("said Tuesday." is not inverted: j is already past the time words).
        # ('…," said a former official who oversaw …': a relative clause on the speaker, too).
        if np and (np[1] >= hi or tag(doc.tokens[np[1]]) in ("PUNCT", "ADP")
                   or doc.tokens[np[1]].text.lower() in ("who", "whose")):
            inverted = True
            if np[1] + 1 < hi and doc.tokens[np[1]].text == ":" and doc.tokens[np[1] + 1].text in OPENERS:
                # 'Said Ellis: “…”': the quotation follows the inverted attribution.
                start = np[1] + 1
                return Cue(i, i + 1, (doc.tokens[start].start, _content_end(doc, start, hi)), inverted, forward=True)
    # "…," X said in an interview. — a trailing attribution after a quotation comes first.
    boundary = None if is_participle(doc.tokens[i]) else next(
        (k for k in range(i - 1, max(lo, i - 24), -1)
         if (doc.tokens[k].text == "," or _closing_mark(doc, k)) and _attribution_only(doc, k + 1, i, inverted)),
        None)     # (", with X — who … — lambasting …" is no attribution after what came before)
    after_quote = boundary is not None and (_closing_mark(doc, boundary) or (
        boundary > lo and _closing_mark(doc, boundary - 1)))
    if after_quote and boundary - lo >= 1:
        opening = next((k for k in range(lo, boundary) if doc.tokens[k].text in OPENERS), boundary)
        if ((tag(doc.tokens[lo]) == "ADP" or doc.tokens[lo].text.lower() in cues.TIME_WORDS)
                and not _has_verb(doc, lo, opening) and boundary - opening <= _TITLE_TOKENS):
            # 'On the broadcast of “Fox News Sunday,” Pence said …', 'Sunday on Fox News channel’s
            # “Sunday Morning Futures,” Rep. Darrell Issa said …': a title, not what he said; the
            # verb may still report what follows.
            boundary = None
        else:
            cue = _backward(doc, lo, boundary, i, inverted)
            cue.after_quote = True
            return cue
    split = _split_by_attribution(doc, lo, boundary, i, hi, inverted)
    if split is not None:
        return split
    demonstrative = _demonstrative_that(doc, j, hi)
    introduced = j < hi and (doc.tokens[j].text.lower() in ("that", ":") and not demonstrative
                             or doc.tokens[j].text in OPENERS)
    # PolNeAR takes a report's "that" in (2,322 times in train, against 29 after it)
    that = j if j < hi and doc.tokens[j].text.lower() == "that" and not demonstrative else None
    if that is not None:
        j += 1
    if j < hi and doc.tokens[j].text in (":", ","):
        j += 1
    # '"…?" Trump asked, turning the question into …': the writer's participle, not what was said
    # (a participle that reports, "…, calling it …", has a report of its own).
    writers_participle = (j < hi and doc.tokens[j - 1].text == "," and is_participle(doc.tokens[j])
                          and not is_cue(doc, j, beliefs=True))
    # "called on Trump to stop …", "called for cutting …": with its particle the verb reports.
    phrasal = i + 1 < hi and doc.tokens[i + 1].text.lower() in ("on", "for")
    # "questioned whether Obama was prepared …": a question word opens a clause after any cue
    wh_clause = j < hi and doc.tokens[j].text.lower() in _QUESTION_WORDS
    takes_clause = (verb not in cues.OBJECT or introduced or phrasal or wh_clause) and (
        verb not in cues.QUOTATION_ONLY or j < hi and doc.tokens[j].text in OPENERS) and not writers_participle
    hi = _fronted_clause_end(doc, lo, i, hi)
    # "That was what Liz Wahl said when she resigned …": the writer's time clause, not what was said
    # ("who said and did …", "What Trump says is a lie": a second verb, not what was said)
    clause = _has_verb(doc, j, hi) and not (j < hi and doc.tokens[j].text.lower() in _SUBORDINATORS - {"if", "unless"}
                                            and not any(t.text == "," for t in doc.tokens[j:hi])) and not (
        j < hi and tag(doc.tokens[j]) == "CCONJ")
    if takes_clause and not inverted and clause and hi - j >= _MIN_CONTENT_TOKENS and tag(doc.tokens[j]) != "PUNCT" or (
            j < hi and doc.tokens[j].text in OPENERS):
        last = hi if introduced else _object_end(doc, j, hi)
        first = that if that is not None and doc.tokens[j].text not in OPENERS else j
        return Cue(i, i + 1, (doc.tokens[first].start, _content_end(doc, j, last)), inverted, forward=True)
    if (not inverted and not writers_participle
            and (boundary is None or not _has_verb(doc, lo, boundary) or _fronted_phrase(doc, lo, boundary))
            and _noun_phrase_object(doc, i, j, hi)):
        return Cue(i, i + 1, (doc.tokens[j].start, _content_end(doc, j, _object_end(doc, j, hi))), inverted, forward=True)
    if (boundary is None and lo > 0 and doc.tokens[lo - 1].text in CLOSERS
            and "\n" not in doc.text[doc.tokens[lo - 1].end:doc.tokens[lo].start]
            and _attribution_only(doc, lo, i, inverted)
            and not (object_at < hi and tag(doc.tokens[object_at]) in _OBJECT_TAGS)):
        # The sentence splitter cut after the quotation: '"…," | Ms. Moore said.' (not '“…” |
        # Marco Rubio called the statement “offensive”': that verb has an object of its own)
        prev = doc.sentences[doc.tokens[lo - 1].sentence]
        return Cue(i, i + 1, (prev.start, doc.tokens[lo - 1].end), inverted, after_quote=True)
    if (verb in cues.OBJECT or boundary is None or boundary - lo < _MIN_CONTENT_TOKENS
            or not _has_verb(doc, lo, boundary) or _fronted_phrase(doc, lo, boundary)
            or not inverted and object_at < hi and tag(doc.tokens[object_at]) in _OBJECT_TAGS):
        # "In his speech Wednesday, Trump said" reports nothing; nor does "Now certain of the
        # nomination, Mrs. Clinton will continue to face …": the verb has an object of its own.
        return Cue(i, i + 1, None, inverted)
    # "…, X said." — content is what comes before the attribution's comma.
    return _backward(doc, lo, boundary, i, inverted)


def _subject_aside(doc: Document, lo: int, cue: int) -> bool:
    """"Roy M. Neel, who managed Al Gore's campaign, said …", "Corey Lewandowski, in a statement
    released on Thursday, said …": the sentence opens with a noun phrase and an aside set off by
    commas that ends at the cue: the subject, not a report before it."""
    first = next((k for k in range(lo, cue - 1) if doc.tokens[k].text == ","), None)
    if first is None or doc.tokens[cue - 1].text != "," or first + 1 >= cue - 1:
        return False
    opener = doc.tokens[first + 1]
    return (np_right(doc, lo, first) == (lo, first)
            and (opener.text.lower() in ("who", "whose") or tag(opener) in ("ADP", "DET")))


# Words opening a subordinate clause whatever their tag ("when" is an adverb to the tagger).
_SUBORDINATORS = frozenset({"when", "whenever", "once", "while", "because", "although", "though", "after",
                            "before", "since", "until", "if", "unless"})


def _fronted_clause_end(doc: Document, lo: int, cue: int, hi: int) -> int:
    """"While he acknowledged funding was a reason, Ham also noted …", "In a statement announcing
    the pick, the union called …", "Ever since she endorsed …, Ms. Warren has …", "Three years
    after Republicans vowed …, the party has …": a report in an opening subordinate clause or
    phrase ends at the comma before the main clause (not at a comma of its own: "…, Merrick
    Garland, the final state rules …")."""
    commas = [k for k in range(lo, cue) if doc.tokens[k].text == ","]
    if commas and doc.tokens[_after_conjunction(doc, commas[-1] + 1, cue)].text.lower() in _SUBORDINATORS:
        lo = commas[-1] + 1   # "Last month, when I asked Sanders if …, he looked …"
    lo = _after_conjunction(doc, lo, cue)   # "And while he said …, he clarified …"
    opener = doc.tokens[lo].text.lower()
    first = lo + 1 if tag(doc.tokens[lo]) == "ADV" and opener not in _SUBORDINATORS and lo + 1 < cue else lo
    span = np_right(doc, first, cue)
    if (span is not None and span[1] - span[0] <= 3 and span[1] < cue and tag(doc.tokens[span[1] - 1]) == "NOUN"
            and doc.tokens[span[1]].text.lower() in ("after", "before", "since", "until", "when")):
        first = span[1]   # "Three years after Republicans vowed to …, the party has …"
    if (tag(doc.tokens[first]) not in ("SCONJ", "ADP") and doc.tokens[first].text.lower() not in _SUBORDINATORS
            or doc.tokens[first].text.lower() == "that"):
        return hi
    after = after_time_words(doc, cue + 1, hi)
    if doc.tokens[first].text.lower() == "as" and after < hi and doc.tokens[after].text == ",":
        return hi         # "As The Hill reported, Donald Trump was …": the main clause is what was reported
    if any(t.text == "," for t in doc.tokens[lo:cue]):
        return hi
    comma = next((k for k in range(cue + 1, hi) if doc.tokens[k].text == "," and _clause_from(doc, k + 1, hi)), None)
    return comma if comma is not None else hi


def _after_conjunction(doc: Document, k: int, cue: int) -> int:
    return k + 1 if tag(doc.tokens[k]) == "CCONJ" and k + 1 < cue else k


def _noun_phrase_object(doc: Document, cue: int, j: int, hi: int) -> bool:
    """"noted the clot's existence", "In his speech, Trump proclaimed a goal of …": a noun
    phrase right after the verb is what was said, unless the verb's object is a thing or a
    person addressed ("criticised the lack of", "told reporters"), or a preposition comes
    between ("wrote to the board")."""
    verb = cue_verb(doc.tokens[cue])
    if j == cue + 2 and _phrasal(doc, cue) and j < hi - 1:
        # "called for the repeal of …", "pointed to the jobs report": the preposition's object was said
        return tag(doc.tokens[j]) in NP_TAGS and doc.tokens[j].text.lower() not in cues.TIME_WORDS
    if j >= hi - 1 or any(tag(t) in ("ADP", "PART") for t in doc.tokens[cue + 1:j]):
        return False
    if verb in cues.OBJECT - cues.NAMING:
        # "accused Rafael Cruz of …", "criticized Obama for …": the person and what for (with
        # quoted words, the object is taken up to them; see _quoted_in_object).
        return tag(doc.tokens[j]) in ("PROPN", "PRON") and not any(quote_mark(doc, k) for k in range(j, hi))
    # "described a day at home as the perfect day off": with no quoted words, what was described
    # is what was said (with them, only the quoted words are; see the naming verbs).
    described = verb == "describe" and not any(quote_mark(doc, k) for k in range(j, hi))
    if verb in cues.NAMING and not described and not any(quote_mark(doc, k) for k in range(j, hi)):
        return _names_object(doc, j, hi)
    if verb == "write":
        np = np_right(doc, j, hi)
        if np is not None and doc.tokens[np[1] - 1].text.lower() in _MEDIA | _WRITINGS:
            return False      # "wrote a children's book", "wrote the letter Feb. 2 to …": a thing made
    return ((verb not in cues.QUOTATION_ONLY | cues.ADDRESSEE | cues.NAMING or described)
            and (tag(doc.tokens[j]) in NP_TAGS - {"PRON"} or possessive_determiner(doc, j, hi)
                 or _demonstrative_that(doc, j, hi)))


def _names_object(doc: Document, j: int, hi: int) -> bool:
    """"called climate change a hoax", "called the charges unsubstantiated": without quoted
    words, a naming verb reports when its object is followed by what it is called (not
    "called a press conference", "called Trump on Tuesday")."""
    np = np_right(doc, j, hi)
    if np is None:
        return False
    if any(doc.tokens[k].text.lower() in ("a", "an") and tag(doc.tokens[k - 1]) in ("NOUN", "PROPN", "PRON")
           for k in range(j + 1, np[1])):
        return True       # (the tagger's noun phrase runs on over both: "the closure a disgrace")
    if np[1] >= hi - 1:
        return False
    nxt = doc.tokens[np[1]]
    return (nxt.text.lower() in ("a", "an") or tag(nxt) == "ADJ"
            or tag(nxt) == "VERB" and nxt.text.lower().endswith("ed")) and nxt.text.lower() not in cues.TIME_WORDS


def _demonstrative_that(doc: Document, j: int, hi: int) -> bool:
    """"declined that assignment and …", "finds that pitch compelling": "that" before a singular
    noun and no verb is a determiner, not the start of a clause ("said that police have …")."""
    return (j + 2 < hi and doc.tokens[j].text.lower() == "that" and tag(doc.tokens[j + 1]) == "NOUN"
            and not doc.tokens[j + 1].text.lower().endswith("s")
            and tag(doc.tokens[j + 2]) not in ("VERB", "AUX", "NOUN", "PROPN", "PART")
            and not in_verb_group(doc.tokens[j + 2]) and doc.tokens[j + 2].text not in OPENERS)


def _object_end(doc: Document, j: int, hi: int) -> int:
    """Where a noun phrase object and its modifiers end, if the content from token j is one
    ("noted his polling strength while needling opponents", "signaled willingness to change
    ACA but has been met with …", "indicates a tightening race as Trump consolidates …"): at a
    comma, a dash, a parenthesis or a subordinating "as"/"because", or at a conjunction before
    a verb. Content that quotes, or whose noun phrase has a finite verb of its own
    ("said a majority of Americans have come to believe …"), is a clause: it runs on (hi)."""
    np = np_right(doc, j + 1, hi) if _demonstrative_that(doc, j, hi) else np_right(doc, j, hi)
    if doc.tokens[j].text.lower() == "to" and j + 1 < hi and tag(doc.tokens[j + 1]) == "VERB":
        # "warned officials to boost their election security after hackers targeted …"
        return next((k for k in range(j + 2, hi) if doc.tokens[k].text.lower() in _CLAUSE_OPENERS
                     and _clause_from(doc, k + 1, hi)), hi)
    if np is None or np[1] >= hi or doc.tokens[j].text.lower() in _SUBJECT_PRONOUNS:
        return hi         # "said she plans to …": a subject pronoun starts a clause
    adjunct = None        # "attacked Machado in early-morning tweets": when and where are the writer's
    when = before_time_words(doc, np[1], np[0]) + 1
    if when - 1 > np[0] and tag(doc.tokens[when - 1]) == "DET":
        when -= 1
    if when < np[1] and (np[1] >= hi or doc.tokens[np[1]].text in (".", "!", "?", ";")):
        adjunct = when    # "endorsed Trump last week." (not "plans this week to give …")
    for k in range(np[1], hi):
        t = doc.tokens[k]
        if quote_mark(doc, k):
            return hi
        dash = t.text in DASHES or t.text == "-" and doc.text[t.start - 1:t.start].isspace()   # or a spaced hyphen
        if dash and _verb_after_aside(doc, k, hi):
            return hi     # "said single people and families - gay, straight - would qualify"
        if t.text in (",", ";", "(") or dash or (
                t.text.lower() in _CLAUSE_OPENERS and _clause_from(doc, k + 1, hi)) or (
                t.text.lower() in ("but", "and", "while") and k + 1 < hi and (
                tag(doc.tokens[k + 1]) in ("VERB", "AUX") or in_verb_group(doc.tokens[k + 1]))
                and not _modal_later(doc, k + 2, hi) and not _parallel(doc, j, k)):
            end = k if k > np[1] or t.text != "," else hi    # "said Mr. Trump, the nominee, was …"
            return min(end, adjunct or end)
        if tag(t) == "AUX" or tag(t) == "VERB" and not is_participle(t) and doc.tokens[k - 1].text.lower() != "to" and not (
                tag(doc.tokens[k - 1]) in ("DET", "NUM", "ADJ") and k + 1 < hi and tag(doc.tokens[k + 1]) in ("NOUN", "ADJ")):
            return hi     # (but "95 retired generals": a participle modifying a noun is no verb)
        if (adjunct is None and tag(t) == "ADP" and tag(doc.tokens[k - 1]) != "CCONJ" and (
                t.text.lower() in _ADJUNCT_PREPOSITIONS
                or t.text.lower() == "on" and k + 1 < hi and doc.tokens[k + 1].text.lower() in cues.TIME_WORDS
                or t.text.lower() == "in" and k + 1 < hi and (_month_or_year(doc.tokens[k + 1].text)
                                                              or _names_medium(doc, k + 1, hi)))):
            adjunct = k
    return adjunct or hi


def _month_or_year(word: str) -> bool:
    """"in July", "in 2014": when something was said (not "in winter", often what it is about)."""
    return word.lower() in cues.MONTHS or len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _names_medium(doc: Document, k: int, hi: int) -> bool:
    """The noun phrase from token k is where words were said: "a letter", "early-morning tweets"."""
    np = np_right(doc, k, hi)
    return any(w.text.lower() in _MEDIA for w in doc.tokens[k:np[1] if np else min(hi, k + 3)])


def _parallel(doc: Document, j: int, k: int) -> bool:
    """The conjunction at token k joins a second gerund or infinitive to one in the object from
    token j ("criticized Clinton for accepting donations and speaking fees from …", "ordered the
    State Department to review and to release …"), not a verb of the subject's."""
    nxt = doc.tokens[k + 1]
    if is_participle(nxt):
        return any(is_participle(t) for t in doc.tokens[j:k])
    return nxt.text.lower() == "to" and any(t.text.lower() == "to" and tag(doc.tokens[m + 1]) == "VERB"
                                            for m, t in enumerate(doc.tokens[j:k], j))


def _modal_later(doc: Document, k: int, hi: int) -> bool:
    """'say her plans to raise taxes and give tax breaks to the middle class would make …': a
    modal after a noun, before any punctuation, is the verb of a clause the noun phrase opens."""
    for m in range(k, hi):
        if tag(doc.tokens[m]) == "PUNCT":
            return False
        if doc.tokens[m].text.lower() in _MODALS and tag(doc.tokens[m - 1]) in ("NOUN", "PROPN"):
            return True
    return False


def _verb_after_aside(doc: Document, dash: int, hi: int) -> bool:
    """The dash at token `dash` opens an aside that a second dash closes, and a verb follows."""
    close = matching_dash(doc, dash, hi, 1)
    return close is not None and close + 1 < hi and (
        tag(doc.tokens[close + 1]) in ("VERB", "AUX") or in_verb_group(doc.tokens[close + 1]))


def _clause_from(doc: Document, k: int, hi: int) -> bool:
    """A subject and its verb start at token k: "as Trump consolidates …", "the Association of
    Flight Attendants called …", "while nine in 10 said …" (not "as a fraud")."""
    np = np_right(doc, k, hi)
    if np is not None and np[1] < hi and tag(doc.tokens[np[1]]) == "ADP":
        np = np_right(doc, np[1] + 1, hi)     # "the Association of Flight Attendants", "nine in 10"
    if np is None or np[1] >= hi - 1:
        return False
    verb = np[1] + 1 if is_adverb(doc.tokens[np[1]]) else np[1]
    return tag(doc.tokens[verb]) in ("VERB", "AUX")


def _split_by_attribution(doc: Document, lo: int, boundary: int | None, cue: int, hi: int,
                          inverted: bool) -> Cue | None:
    """'Climate change, Mr. Obama often says, is the greatest threat …': an attribution set off
    by commas inside what was said. The report is the sentence around it."""
    if (inverted or boundary is None or boundary <= lo
            or tag(doc.tokens[lo]) in ("ADP", "SCONJ") and not _has_verb(doc, lo, boundary)
            or doc.tokens[boundary - 1].text.lower() in ("which", "who", "that")
            or doc.tokens[boundary + 1].text.lower() == "as"):
        # "In a statement, the agency said, …": an opening phrase is not reported; in "…, said
        # Brian Baker, a political adviser who …" the commas set off the speaker; "the stadium,
        # which, Tompkins said, is …" and "Yet, as Mr. Bown observed, …" report what follows.
        return None
    close = next((k for k in range(cue + 1, min(hi, cue + 8)) if doc.tokens[k].text == ","), None)
    after = after_time_words(doc, cue + 1, hi)
    if (close is None or _has_verb(doc, cue + 1, close) or hi - close <= _MIN_CONTENT_TOKENS
            or after < close and tag(doc.tokens[after]) in _OBJECT_TAGS   # "Schultz likened RT to the BBC, …"
            and cue_verb(doc.tokens[cue]) not in cues.ADDRESSEE           # (not "…, he told me on Friday, is …")
            or doc.tokens[close + 1].text in OPENERS or not _has_verb(doc, close + 1, hi)
            or doc.tokens[after].text in OPENERS):
        return None       # 'Mr. Barrett said, "we were floored."', 'Ryan said “images, they …”': quotations of their own
    if doc.tokens[close + 1].text.lower() == "as" or _participle_clause(doc, close + 1, hi):
        # "…, lawmakers said Friday, as they bristled at …", "…, Spicer said, adding, …": the
        # writer goes on.
        if not _has_verb(doc, lo, boundary) or is_participle(doc.tokens[lo]):
            return None   # "Earlier this week, …", "Weighing in on the discussion, …": nothing reported
        return _backward(doc, lo, boundary, cue, inverted)
    if all(tag(t) in ("CCONJ", "ADV", "PUNCT") or is_adverb(t) for t in doc.tokens[lo:boundary]):
        # "And yet, Mrs. Clinton's aides say, Syria remains …": only the clause after it was said.
        return Cue(cue, cue + 1, (doc.tokens[close + 1].start, _content_end(doc, close + 1, hi)), inverted)
    return Cue(cue, cue + 1, (_after_dateline(doc, lo), _content_end(doc, close + 1, hi)), inverted)


def _participle_clause(doc: Document, k: int, hi: int) -> bool:
    """An -ing clause of the writer's starts at token k ("adding, “…”", "wiping sweat off his
    face"), not a gerund that is the subject of what follows ("revoking clearances would be …")."""
    if not is_participle(doc.tokens[k]):
        return False
    end = next((n for n in range(k + 1, hi) if doc.tokens[n].text in OPENERS), hi)
    return not any(tag(t) == "AUX" for t in doc.tokens[k + 1:end])


def _report_break(doc: Document, cue: int) -> int | None:
    """The comma or dash that sets off a new reporting clause: ", arguing that", "— even suggesting"."""
    k = cue - 1
    while k > 0 and is_adverb(doc.tokens[k]):
        k -= 1
    return k if doc.tokens[k].text in (",", ";") or doc.tokens[k].text in DASHES else None


def _fronted_phrase(doc: Document, first: int, last: int) -> bool:
    """'Despite a number of failed tests, …', 'But when Congress cut funding …, Mexico said
    enough': an opening adverbial, not a reported clause."""
    first = _after_conjunction(doc, first, last)
    return ((tag(doc.tokens[first]) in ("ADP", "SCONJ") or doc.tokens[first].text.lower() in _SUBORDINATORS)
            and doc.tokens[first].text.lower() != "that" and not any(t.text == "," for t in doc.tokens[first:last]))


def _has_verb(doc: Document, first: int, last: int) -> bool:
    return any(tag(t) in ("VERB", "AUX") for t in doc.tokens[first:last])


def _backward(doc: Document, lo: int, boundary: int, cue: int, inverted: bool) -> Cue:
    end = boundary if doc.tokens[boundary].text == "," else boundary + 1
    return Cue(cue, cue + 1, (_after_dateline(doc, lo), doc.tokens[end - 1].end), inverted)


def _after_dateline(doc: Document, lo: int) -> int:
    """Where a sentence's own words start, after a dateline ("WASHINGTON ― ", "NEW YORK (AP) — ")."""
    for k in range(lo, min(lo + 6, doc.sentences[doc.tokens[lo].sentence].last_token - 1)):
        text = doc.tokens[k].text
        if text in ANY_DASH:
            return doc.tokens[k + 1].start if k > lo else doc.tokens[lo].start
        if not (text.isupper() or text in ("(", ")", ",")):
            break
    return doc.tokens[lo].start


def _attribution_only(doc: Document, first: int, cue: int, inverted: bool) -> bool:
    """Tokens between an attribution's comma and its cue are just the speaker, perhaps with an
    appositive: "…, the mayor has said", "…," Claude Knights, from the charity Kidscape, told."""
    between = _without_asides(doc.tokens[first:cue])
    while between and in_verb_group(between[-1]):
        between = between[:-1]
    if between and between[-1].text.lower() in ("who", "which"):
        return False      # '…" radio program who said they …': a relative clause reports forward
    if between and between[-1].text == ",":
        commas = [n for n, t in enumerate(between[:-1]) if t.text == ","]
        if not commas or len(between) - commas[-1] > 20:
            return False
        between = between[:commas[-1]]
    if not between:
        return inverted
    return len(between) <= 8 and all(tag(t) in NP_TAGS or tag(t) == "ADP" and t.text.lower() != "that"
                                      or t.text in ("'s", "’s", "-", "&")
                                      or t.text in ("'", "’") and not quote_mark(doc, t.index)   # "the nurses' union"
                                      or cues.is_title(t.text)
                                      or modifying_participle(between, k) or _between_names(between, k)
                                      for k, t in enumerate(between))


def _between_names(tokens: list, k: int) -> bool:
    """A word between two proper nouns belongs to the name, whatever its tag ("Tulsa police Chief")."""
    return 0 < k < len(tokens) - 1 and tag(tokens[k - 1]) == "PROPN" and tag(tokens[k + 1]) == "PROPN"


def _without_asides(tokens: list) -> list:
    """Tokens without asides in parentheses or dashes and title periods: 'Rep. John Mica (R-Fla.)'
    → Rep John Mica; 'X, the leader of the union -- which has 900 members --' → X, the leader of the union."""
    out, depth, dash = [], 0, None
    for k, t in enumerate(tokens):
        if t.text == "(":
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
        elif t.text in DASHES and depth == 0:
            dash = None if dash == t.text else dash or t.text
        elif depth == 0 and dash is None and not (t.text == "." and k and tokens[k - 1].text.lower() in cues.TITLES):
            out.append(t)
    return out


def _direct(doc: Document, m: Marked) -> bool:
    """A marked span that stands as a statement, not a phrase inside someone else's sentence."""
    if not m.closed and m.paragraphs == 1:
        return len(doc.text[m.start:m.end].split()) >= 4
    s0 = doc.sentences[doc.sentence_at(m.start)]
    line_start = doc.text.rfind("\n", 0, m.start) + 1      # a line break ends a clause too
    left = doc.text[max(s0.start, line_start):m.start].strip()
    inner = doc.text[m.start + 1:m.end - 1].rstrip()
    words = len(inner.split())
    if words < 3:
        return False
    ends_like_speech = inner[-1:] in ",.?!…—-:" or m.paragraphs > 1
    # What precedes it in its sentence ends a clause ("X said:", "X said,", a missed sentence
    # break) or is the verb of saying itself ('Trump declared "I think …"').
    words_before = left.split()
    introduced = (not left or left[-1:] in ":,.?!" or cues.is_cue_lemma(words_before[-1])
                  # '"You know, I love Larry," he said, but "when it comes to …"': the quotation goes on
                  or len(words_before) >= 3 and words_before[-1].lower() in ("but", "and")
                  and cues.is_cue_lemma(words_before[-2].rstrip(",")) and _CLOSING_QUOTE.search(left) is not None)
    return introduced and (ends_like_speech or words >= 8)


def find_quotes(doc: Document, beliefs: bool = True) -> Document:
    """Fill doc.quotes (without speakers; see attribute) from marks and reporting cues."""
    if doc.status != "ok" or not doc.sentences:
        return doc
    titles, turns, spoken, marked = _from_text(doc)
    quotes = _labelled_quotes(doc, turns, titles)
    directs = [m for m in marked if _direct(doc, m)]
    partials = [m for m in marked if m not in directs]
    for m in directs:
        quotes.append(Quote(m.start, m.end, "direct", sentence_index=doc.sentence_at(m.start)))
    claimed = list(directs)
    for si, sent in enumerate(doc.sentences):
        if any(s <= sent.start < e for s, e in doc.boilerplate):
            continue
        forward: list[Quote] = []
        sentence_cues = find_cues(doc, si, beliefs)
        reported = [c.content for c in sentence_cues if c.content]
        for cue in sentence_cues:
            c_tok = doc.tokens[cue.token]
            if any(m.start <= c_tok.start < m.end for m in marked) or any(
                    start <= c_tok.start < end for start, end in spoken):
                continue          # a cue word inside a quotation is part of what was said
            outer = next((q for q in forward if q.start <= c_tok.start < q.end), None)
            if outer is not None and cue.content and not cue.forward:
                # "X said …, the BBC reports": the outlet's tail is not part of what X said.
                if cue.content[1] > outer.start:
                    outer.end = min(outer.end, cue.content[1])
                if cue.content[0] <= outer.cue_start and _non_finite(doc, outer.cue_token):
                    # "He was unable to find a taker, he said": the infinitive or opening gerund
                    # is part of what was said, not a report of its own.
                    quotes.remove(outer)
                    forward.remove(outer)
                elif cue.content[0] > outer.cue_start or not _in_relative_clause(doc, outer.cue_token):
                    continue
                # "Scott's relatives, who asked …, watched it, attorneys said": the other cue is in
                # a relative clause of the tail's report; both are reports.
            inside = [m for m in marked if cue.content and cue.content[0] <= m.start and m.end <= cue.content[1] + 1]
            if outer is not None and cue.content:
                # "X said …, arguing that …": a second report starts at the comma.
                split = _report_break(doc, cue.token)
                if split is not None and doc.tokens[split].start > outer.start:
                    outer.end = doc.tokens[split - 1].end
            if cue.content is None:
                # 'called the numbers "alarming"', 'described Trump as a "spoiled brat"': the verb's
                # object with its quoted words is what was said (see _object_quotes).
                if cue_verb(c_tok) in cues.NAMING | cues.OBJECT:
                    # (a nearer cue governs a quoted phrase: 'a swiftly called meeting … a statement calling …')
                    governed = [m for m in partials if m not in claimed and c_tok.start < m.start < sent.end and not any(
                        start <= m.start and m.end <= end + 1 for start, end in reported) and not any(
                        c_tok.start < doc.tokens[other.token].start < m.start and tag(doc.tokens[other.token]) == "VERB"
                        for other in sentence_cues)]
                    claimed.extend(governed)
                    quotes.extend(_object_quotes(doc, cue, si, governed))
                continue
            overlapping = [m for m in directs if m.start < cue.content[1] and cue.content[0] < m.end]
            if overlapping and cue.forward:
                # 'said he was stiffed after …, saying, “…”': the report ends where the
                # quotation's own attribution begins.
                end = _before_next_attribution(doc, cue, sentence_cues, overlapping[0].start)
                if end is not None:
                    cue.content = (cue.content[0], end)
                    inside = [m for m in marked if cue.content[0] <= m.start and m.end <= end + 1]
                    overlapping = []
            if overlapping and cue.forward and _report_takes_in(doc, cue, overlapping):
                # 'added that most of the black vote … seems more anti-Trump, which is a problem
                # because, “In the end, …”': the report takes in the quotation.
                quotes = [q for q in quotes if not any(q.start == m.start for m in overlapping)]
                claimed.extend(overlapping)
                end = max(cue.content[1], *(m.end for m in overlapping))
                quotes.append(_with_cue(Quote(cue.content[0], end, "mixed", si), doc, cue))
                forward.append(quotes[-1])
                continue
            if overlapping:
                for q in quotes:
                    # The attribution right after a quotation beats one that merely contains it, and
                    # the verb nearest before it beats an earlier one ("Asked about X, she said, “…”").
                    nearer = cue.forward and q.cue_start is not None and q.cue_start < c_tok.start < q.start
                    if (q.cue_start is None or cue.after_quote or nearer) and any(q.start == m.start for m in overlapping):
                        _with_cue(q, doc, cue)
                continue
            if _names(doc, cue.token) and inside:
                for m in inside:
                    claimed.append(m)
                    quotes.append(_with_cue(Quote(m.start, m.end, "partial", si), doc, cue))
                continue
            kind = "mixed" if inside else "indirect"
            claimed.extend(inside)
            quotes.append(_with_cue(Quote(cue.content[0], cue.content[1], kind, si), doc, cue))
            if cue.content[1] > c_tok.end:     # the report runs on after its cue (a split report too)
                forward.append(quotes[-1])
    doc.quotes = sorted(_dedupe(quotes), key=lambda q: (q.start, q.end))
    return doc


def candidate_spans(doc: Document) -> list[tuple[int, int]]:
    """Character spans that may become quotations, found before any tag is read: quoted
    spans, a transcript's turns and a headline's claim (with reporting-cue words, what
    decides which sentences the segment stage tags)."""
    titles, turns, _, marked = _from_text(doc)
    return [(m.start, m.end) for m in marked] + [(q.start, q.end) for q in _labelled_quotes(doc, turns, titles)]


def _from_text(doc: Document) -> tuple[list[tuple[int, int]], list, list[tuple[int, int]], list[Marked]]:
    """What the text alone gives: titles, transcript turns, the paragraphs they are spoken in,
    and the quoted spans outside boilerplate, titles and turns."""
    titles = title_spans(doc)
    turns = transcript_turns(doc.text)
    spoken = [(doc.text.rfind("\n", 0, t.label_start) + 1, t.end) for t in turns]
    marked = [m for m in find_marked(doc.text, doc.boilerplate + titles) if m.end - m.start > 2
              and not any(m.start < end and start < m.end for start, end in spoken)]
    return titles, turns, spoken, marked


def _labelled_quotes(doc: Document, turns: list, titles: list[tuple[int, int]]) -> list[Quote]:
    """A transcript's turns, and the claim of a headline that opens with its source ("Poll:
    Clinton and Trump in dead heat"); the headline is also the first paragraph, whether or not
    it ends with a stop."""
    quotes = [Quote(t.start, t.end, "direct", sentence_index=doc.sentence_at(t.start)) for t in turns]
    headline = [p for p in paragraphs(doc.text)[:1] if p[1] - p[0] < _TITLE_MAX]
    for start, end in sorted(set(titles + headline)):
        claim = headline_claim(doc.text, start, end)
        if claim is not None:
            quotes.append(Quote(claim[0], claim[1], "indirect", sentence_index=doc.sentence_at(claim[0])))
    return quotes


def _object_quotes(doc: Document, cue: Cue, si: int, governed: list[Marked]) -> list[Quote]:
    """The object with the words it quotes ('criticized the Affordable Care Act as a “crazy
    system”', 'called the political system “rotten to the core”', as PolNeAR marks them); after
    a naming verb, a single quoted word goes with the person or thing it names ('called Clinton
    a “champion”', 'called Wells Fargo's behavior “outrageous”', as PolNeAR marks them), but
    about figures it is a partial quotation on its own ('called the numbers "alarming"', as the
    sample's key has it)."""
    in_object = _quoted_in_object(doc, cue, governed)
    naming = cue_verb(doc.tokens[cue.token]) in cues.NAMING
    if in_object and (not naming or any(len(doc.text[m.start:m.end].split()) > 1 for m in in_object)
                      or _names_more_than_figures(doc, cue.token + 1, in_object[0].start)):
        end = _reason_end(doc, cue.token, in_object[-1].end)
        return [_with_cue(Quote(doc.tokens[cue.token + 1].start, end, "mixed", si), doc, cue)]
    return [_with_cue(Quote(m.start, m.end, "partial", si), doc, cue) for m in governed]


def _reason_end(doc: Document, cue: int, end: int) -> int:
    """After the quoted words of an object that ends at `end`, the reason given with them is said
    too ('called him ''a genius'' for his tax avoidance strategies', as PolNeAR marks it): up to
    a stop or a comma. (The search starts at the cue token, before the object.)"""
    k = next((k for k in range(cue, len(doc.tokens)) if doc.tokens[k].start >= end), None)
    if k is None or doc.tokens[k].text.lower() != "for":
        return end
    last = doc.sentences[doc.tokens[k].sentence].last_token
    stop = next((m for m in range(k + 1, last) if doc.tokens[m].text in (",", ";", ".", "!", "?", ":")
                 or doc.tokens[m].text in ANY_DASH or quote_mark(doc, m)), last)
    return doc.tokens[stop - 1].end if stop > k + 1 else end


def _before_next_attribution(doc: Document, cue: Cue, sentence_cues: list[Cue], quote_start: int) -> int | None:
    """The character end of a report that runs into another cue before a quotation: the
    comma, dash or "and"/"but" that opens the other cue's clause ('…, the mother replied, "…"')."""
    first = next((k for k in range(cue.token + 1, len(doc.tokens)) if doc.tokens[k].start >= cue.content[0]), None)
    later = [c.token for c in sentence_cues if c.token > cue.token and doc.tokens[c.token].end <= quote_start]
    if first is None or not later:
        return None
    for k in range(later[0] - 1, first + _MIN_CONTENT_TOKENS - 1, -1):
        text = doc.tokens[k].text.lower()
        opens_clause = text in (",", ";", "―") or text in DASHES or (
            text in ("and", "but") and all(in_verb_group(t) for t in doc.tokens[k + 1:later[0]]))
        if opens_clause:
            return _content_end(doc, first, k)
    return None


def _non_finite(doc: Document, verb: int) -> bool:
    """An infinitive ("to find") or a gerund opening its sentence ("Finding what …")."""
    first = doc.sentences[doc.tokens[verb].sentence].first_token
    return verb > first and doc.tokens[verb - 1].text.lower() == "to" or (
        verb == first and is_participle(doc.tokens[verb]))


def _in_relative_clause(doc: Document, verb: int) -> bool:
    k = verb
    while k > 0 and in_verb_group(doc.tokens[k - 1]):
        k -= 1
    return k > 0 and doc.tokens[k - 1].text.lower() in ("who", "which")


def _names(doc: Document, verb: int) -> bool:
    """'called the numbers “alarming”' names; 'called for compensation to be “clawed back”' and
    'called on the administration to “really call out Russia”' report."""
    return cue_verb(doc.tokens[verb]) in cues.NAMING and not _phrasal(doc, verb)


def _phrasal(doc: Document, verb: int) -> bool:
    """"called for", "pointed to": the verb and the preposition after it are one cue (cues.PHRASAL)."""
    return (verb + 1 < len(doc.tokens)
            and f"{cue_verb(doc.tokens[verb])} {doc.tokens[verb + 1].text.lower()}" in cues.PHRASAL)


def _names_a_thing(doc: Document, verb: int) -> bool:
    """'a box labeled “medical problem”': a participle after a noun names it; nobody speaks."""
    return (cue_verb(doc.tokens[verb]) in cues.NAMING and verb > 0 and tag(doc.tokens[verb - 1]) in ("NOUN", "PROPN")
            and verb + 1 < len(doc.tokens) and doc.tokens[verb + 1].text in OPENERS)


def _names_more_than_figures(doc: Document, first: int, quote_start: int) -> bool:
    """The object from token `first` up to a quotation ends in a name or a noun other than one
    for figures, or is a personal pronoun ("Clinton", "him", "Democratic presidential nominee
    Hillary Clinton as", "the long lines"), not "the numbers" or "it"."""
    words = [t for t in takewhile(lambda t: t.start < quote_start, islice(doc.tokens, first, None))
             if t.text.lower() not in ("a", "an", "as")]
    return bool(words) and (tag(words[-1]) == "PROPN" or tag(words[-1]) == "NOUN"
                            and words[-1].text.lower() not in cues.NON_AGENTS) or (
        len(words) == 1 and words[0].text.lower() in ("him", "her", "them", "me", "us"))


def _quoted_in_object(doc: Document, cue: Cue, quoted: list[Marked]) -> list[Marked]:
    """The quoted phrases inside the noun-phrase object right after a verb: no clause of
    another verb before them ("blasted the media for being “dishonest”")."""
    first = cue.token + 1
    if first >= len(doc.tokens) or tag(doc.tokens[first]) not in NP_TAGS:
        return []
    inside = []
    for m in sorted(quoted, key=lambda m: m.start):
        between = [t for t in takewhile(lambda t: t.start < m.start, islice(doc.tokens, first, None))
                   if not any(o.start <= t.start < o.end for o in inside)]
        if any(tag(t) in ("VERB", "AUX") and not t.text.lower().endswith("ing") or t.text in (",", ";") for t in between):
            break
        inside.append(m)
    return inside


def _report_takes_in(doc: Document, cue: Cue, quoted: list[Marked]) -> bool:
    """A "that" clause right after the cue ("said via email that, “…” against …"), with words
    of the writer's own besides the quotations in it. (Not the "that" of a relative clause:
    "Asked to describe the device that caused the explosion, O'Neill said, “…”".)"""
    content = cue.content
    near = doc.tokens[min(cue.token + 5, len(doc.tokens) - 1)].start
    if content[0] > near or not (re.search(r"\bthat[\s,]*$", doc.text[max(0, content[0] - 12):content[0]], re.IGNORECASE)
                                 or re.match(r"that\b", doc.text[content[0]:content[1]], re.IGNORECASE)):
        return False
    outside = doc.text[content[0]:content[1]]
    for m in sorted(quoted, key=lambda m: -m.start):
        outside = outside[:max(0, m.start - content[0])] + " " + outside[max(0, m.end - content[0]):]
    return len(outside.split()) >= _MIN_CONTENT_TOKENS


def _with_cue(q: Quote, doc: Document, cue: Cue) -> Quote:
    q.cue_start = doc.tokens[cue.token].start
    q.cue_end = doc.tokens[cue.end_token - 1].end
    q.cue_token = cue.token
    q.cue_inverted = cue.inverted
    q.belief = cue_verb(doc.tokens[cue.token]) in cues.BELIEF
    return q


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Two cues can report the same content; keep the first quote for a span."""
    seen, out = set(), []
    for q in quotes:
        key = (q.start, q.end)
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out
