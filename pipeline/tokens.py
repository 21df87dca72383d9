"""Small token-level helpers shared by the quotes and attribute stages."""
from __future__ import annotations

import re

from .cues import TIME_WORDS, base_form, is_abbreviated_title, is_cue_lemma
from .document import Document, Token

_INITIALS = re.compile(r"(?:[A-Z]\.?)+")
NP_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON"})
DASHES = frozenset({"--", "—", "–"})     # the dashes that set off an aside or a new clause
ANY_DASH = DASHES | {"―", "-"}          # datelines, clause breaks and digest headings use these too
HEAD_TAGS = frozenset({"PROPN", "NOUN", "PRON", "NUM"})
_VERB_GROUP_TAGS = frozenset({"AUX", "ADV", "PART"})
_CLOSING_MARKS = "\"”’'»"
# Tokenizers sometimes keep a closing mark together with the mark or stop before it
# ('” at the end of a quote in a quote, ?” at the end of a question, .'' where a paper prints
# quotation marks as two apostrophes).
CLOSERS = frozenset(set(_CLOSING_MARKS) | {a + b for a in _CLOSING_MARKS + ".,?!…" for b in _CLOSING_MARKS}
                    | {a + "''" for a in ".,?!…"})
OPENERS = frozenset({"\"", "“", "‘", "'", "«", "''", "``"})
_QUOTE_MARKS = set(_CLOSING_MARKS) | set("“‘«`")
_STOPS = set(".?!")


# Closed-class words, for a surface guess at UPOS when the loaded models have no tagger.
_CLOSED = {
    "DET": "the a an this that these those his her their its our my your some any each every no another",
    "PRON": "he she it they we i you him them us me who whom",
    "AUX": "is are was were be been being has have had do does did will would can could should may might must",
    "ADP": "of in on at by for with from to into about over after before under between through during "
           "against among without within via per",
    "CCONJ": "and or but nor",
    "SCONJ": "because while although if whether when",
    "ADV": "also not never already still just later then now again too only even recently previously once further since",
}
_GUESS = {word: upos for upos, words in _CLOSED.items() for word in words.split()}


def tag(tok: Token) -> str:
    """UPOS, or a guess from the surface when the loaded models give no POS."""
    text = tok.text
    if fixed_punctuation(text):
        return "PUNCT"        # taggers call a run of marks ('”, ?”) anything, even a verb
    if tok.upos:
        return tok.upos
    if not text[:1].isalnum():
        return "PUNCT"
    if text[:1].isdigit():
        return "NUM"
    low = text.lower()
    if low in _GUESS and (text.islower() or low in ("the", "a", "an", "he", "she", "it", "they", "we", "i")):
        return _GUESS[low]
    if text[:1].isupper():
        return "PROPN"
    if is_cue_lemma(low, beliefs=True) or low.endswith(("ed", "ing")):
        return "VERB"
    return "ADV" if low.endswith("ly") else "NOUN"


def fixed_punctuation(text: str) -> bool:
    """Quote marks and full stops, which tag() calls PUNCT whatever the tagger said."""
    return not text[:1].isalnum() and (text in CLOSERS or set(text) <= _QUOTE_MARKS or set(text) <= _STOPS)


def quote_mark(doc: Document, k: int) -> bool:
    """A quotation mark, not the apostrophe of a plural possessive ("the coal miners' union")."""
    t = doc.tokens[k]
    if t.text in ("'", "’") and k > 0 and doc.tokens[k - 1].text.lower().endswith("s") and doc.tokens[k - 1].end == t.start:
        return False
    return t.text in OPENERS or t.text in CLOSERS


def is_participle(tok: Token) -> bool:
    """An -ing verb form ("saying", "lambasting")."""
    return tag(tok) == "VERB" and tok.text.lower().endswith("ing")


def modifying_participle(tokens: list, k: int) -> bool:
    """A past participle before a noun: "retired Air Force general Lloyd Newton"."""
    return (tag(tokens[k]) == "VERB" and tokens[k].text.lower().endswith("ed")
            and k + 1 < len(tokens) and tag(tokens[k + 1]) in NP_TAGS)


def verb_of_its_own(tokens: list, k: int) -> bool:
    """A verb or auxiliary that makes a clause of the phrase `tokens`, not a participle before a
    noun ("convicted offenders")."""
    return tag(tokens[k]) in ("VERB", "AUX") and not modifying_participle(tokens, k)


def in_verb_group(tok: Token) -> bool:
    """An auxiliary, particle or adverb standing between a subject and its verb ("has also said")."""
    return tag(tok) in _VERB_GROUP_TAGS or is_adverb(tok)


def is_adverb(tok: Token) -> bool:
    """Adverbs by their form ("also", "publicly"), which small taggers often call verbs."""
    low = tok.text.lower()
    return _GUESS.get(low) == "ADV" or (low.endswith("ly") and len(low) > 4 and tok.text.islower())


def lemma(tok: Token) -> str:
    return tok.lemma.lower() if tok.lemma else base_form(tok.text)


def cue_verb(tok: Token) -> str:
    """The lexicon verb a cue token stands for, even where the lemmatizer left it inflected
    ("criticised")."""
    return base_form(lemma(tok))


def matching_dash(doc: Document, k: int, stop: int, step: int) -> int | None:
    """The dash that pairs with the one at token k, searching by `step` (-1 back, 1 forward)
    up to token `stop`, which is not searched: "X -- the leader of the union -- said" (a hyphen
    inside a word, "military-backed", pairs with nothing)."""
    return next((m for m in range(k + step, stop, step)
                 if doc.tokens[m].text == doc.tokens[k].text and not _joiner(doc, m)), None)


def np_left(doc: Document, end: int, low: int) -> tuple[int, int] | None:
    """The noun phrase whose last token is `end - 1`, not reaching below token `low`."""
    i = end - 1
    if i < low or _np_tag(doc, i) not in HEAD_TAGS:
        return None
    if _np_tag(doc, i) == "PRON":
        return (i, end)
    while i - 1 >= low and _inside_np(doc, i - 1, low):
        i -= 1
    return (i, end)


def np_right(doc: Document, start: int, high: int) -> tuple[int, int] | None:
    """The noun phrase that begins at token `start`, not reaching token `high`."""
    if start >= high or _np_tag(doc, start) not in NP_TAGS:
        return None
    if _np_tag(doc, start) == "PRON" and not possessive_determiner(doc, start, high):
        return (start, start + 1)      # (but "his best friend": a possessive determiner starts one)
    j = start + 1
    while j < high and _inside_np(doc, j, start):
        j += 1
    while j > start and _np_tag(doc, j - 1) not in HEAD_TAGS:
        j -= 1
    return (start, j) if j > start else None


def after_time_words(doc: Document, k: int, high: int) -> int:
    """The first token from k that is not a time word ("said Friday that …": "that")."""
    while k < high and doc.tokens[k].text.lower() in TIME_WORDS:
        k += 1
    return k


def before_time_words(doc: Document, i: int, low: int) -> int:
    """The token before the time words that end just before token i ("tweets early Friday"),
    not below token low."""
    k = i - 1
    while k > low and doc.tokens[k].text.lower() in TIME_WORDS:
        k -= 1
    return k


def possessive_determiner(doc: Document, k: int, high: int) -> bool:
    """Token k is "his", "their" … before a noun ("his endorsement"), not a pronoun on its own."""
    return (doc.tokens[k].text.lower() in _OWNERS and k + 1 < high
            and _np_tag(doc, k + 1) in ("NOUN", "ADJ", "PROPN"))


def _inside_np(doc: Document, k: int, low: int) -> bool:
    """Token k can stand inside a noun phrase that reaches no lower than token `low`."""
    return (_np_tag(doc, k) in NP_TAGS - {"PRON"} or doc.tokens[k].text in ("'s", "’s", "&")
            or _title_period(doc, k, low) or _joiner(doc, k))


def _joiner(doc: Document, k: int) -> bool:
    """A slash or hyphen the tokenizer split out of one word: "9/11 widow", "D-Va"."""
    tokens = doc.tokens
    return (tokens[k].text in ("/", "-") and 0 < k < len(tokens) - 1
            and tokens[k - 1].end == tokens[k].start and tokens[k].end == tokens[k + 1].start)


def _title_period(doc: Document, k: int, low: int) -> bool:
    """The period of "Rep." or of an initial ("G.K.") inside a name."""
    if doc.tokens[k].text != "." or k <= low:
        return False
    before = doc.tokens[k - 1].text
    return is_abbreviated_title(before) or _INITIALS.fullmatch(before) is not None


def _np_tag(doc: Document, k: int) -> str:
    """The tag of token k, except that a capitalised word next to a proper noun inside a
    sentence is part of the name ("said Quentin Kidd", with Kidd mistagged as a verb)."""
    tok = doc.tokens[k]
    if tok.text.startswith(("''", '"', "“", "”")):
        return "PUNCT"        # quote marks stuck to a word (''total) never name anyone; alone, tag() says PUNCT
    own = tag(tok)
    if own in NP_TAGS or not tok.text[:1].isupper() or not tok.text.isalpha():
        return own
    if k == doc.sentences[tok.sentence].first_token or is_cue_lemma(tok.text):
        return own
    neighbours = [doc.tokens[n] for n in (k - 1, k + 1) if 0 <= n < len(doc.tokens)]
    return "PROPN" if any(t.sentence == tok.sentence and tag(t) == "PROPN" for t in neighbours) else own


def is_cue(doc: Document, i: int, beliefs: bool = False) -> bool:
    """Token i is a verb of saying (of believing too, with beliefs) in use as a verb."""
    tok = doc.tokens[i]
    if not is_cue_lemma(lemma(tok), beliefs):
        return False
    first = doc.sentences[tok.sentence].first_token
    if tok.text[:1].isupper() and i > first and not _title_case(doc, tok.sentence):
        return False          # "the United States", "Reporting Act": names, not verbs
    if i - 2 >= first and doc.tokens[i - 1].text.lower() == "to" and tag(doc.tokens[i - 2]) == "NOUN":
        return False          # "a way to report profits", "a program to show": purpose, not speech
    if tag(tok) in ("VERB", "X"):
        # (not a participle modifying a noun: "his recently revealed tax strategies")
        return not _participle_before_noun(doc, i, first)
    # Taggers mislabel verbs of saying as nouns ("Girling argues"); an inflected form is a verb,
    # a bare one ("the report", "a call") is taken at the tagger's word, and so is one inside a
    # noun phrase ("the states").
    before = tag(doc.tokens[i - 1]) if i > first else ""
    if tag(tok) not in ("NOUN", "PROPN", "ADJ"):
        return False
    if tok.text.lower() != base_form(tok.text):
        # (not after a possessive: "Trump's comments came as …", "his remarks"; nor opening a
        # clause before an auxiliary, as its subject: "…, states unnecessarily would become …";
        # nor joined to a noun: "did not return calls and emails seeking comment")
        owner = doc.tokens[i - 1].text.lower() if i > first else ""
        k = i + 1
        while k < len(doc.tokens) and is_adverb(doc.tokens[k]):
            k += 1
        # (nor the head of a subject after a noun: "Health worries have dogged …", "campaign
        # finance reports show …")
        subject = k < len(doc.tokens) and (before in ("", "PUNCT") and tag(doc.tokens[k]) == "AUX"
                                           or before == "NOUN" and tag(doc.tokens[k]) in ("AUX", "VERB"))
        joined = before == "CCONJ" and i - 2 >= first and tag(doc.tokens[i - 2]) == "NOUN"
        # (nor the object of a verb, "fueling worries from Paris", nor inside a prepositional
        # phrase, "22% of Democratic claims")
        in_phrase = before == "VERB" or before == "PROPN" and i - 2 >= first and tag(doc.tokens[i - 2]) == "ADP"
        return (before not in ("DET", "ADJ", "ADP", "NUM") and owner not in _POSSESSIVES and not subject and not joined
                and not in_phrase)
    # A bare form closing an attribution after a quotation or a clause: '…,” the article read.',
    # "…, fundraising documents show."
    if not (i + 1 < len(doc.tokens) and doc.tokens[i + 1].text in (".", ",") and before in ("NOUN", "PROPN")):
        return False
    opening = doc.tokens[max(first, i - 5):i - 1]
    return (any(t.text in CLOSERS for t in opening)
            or doc.tokens[i + 1].text == "." and any(t.text == "," for t in opening))


def _participle_before_noun(doc: Document, i: int, first: int) -> bool:
    """An -ed form between a determiner or possessive (and adverbs) and a noun modifies it."""
    tok = doc.tokens[i]
    k = i - 1
    while k > first and is_adverb(doc.tokens[k]):
        k -= 1
    return (tok.text.lower().endswith("ed") and k >= first and i + 1 < len(doc.tokens)
            and (tag(doc.tokens[k]) == "DET" or doc.tokens[k].text.lower() in _POSSESSIVES)
            and tag(doc.tokens[i + 1]) in ("NOUN", "ADJ"))


_OWNERS = frozenset("his their its our my your".split())   # "her" may be an object
_POSSESSIVES = frozenset("'s ’s his her their its our my your".split())
_SMALL_WORDS = frozenset("a an the of to in on at for and or but by with from as is are".split())


def _title_case(doc: Document, si: int) -> bool:
    """A headline in title case ("Obama Says Museum Will Tell of …"), where a capital is no name."""
    sent = doc.sentences[si]
    words = [t.text for t in doc.tokens[sent.first_token:sent.last_token]
             if t.text[:1].isalpha() and t.text.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def char_span(doc: Document, first: int, last: int) -> tuple[int, int]:
    """Character span of tokens [first, last)."""
    return doc.tokens[first].start, doc.tokens[last - 1].end
