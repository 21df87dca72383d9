"""Reporting cues: the verbs and phrases news writing uses to attribute speech.

The lists follow the cue words annotated in PolNeAR train. `python -m pipeline.cues
../shared/gold/polnear.train.jsonl` counts them, and lists the words outside these lists
that are annotated as a cue at least 5 times and in at least half of their uses there; the
last four lines of SPEECH are the verbs among those that report what someone said or did
with words ("declined to comment", "condemned the attack", "pointed out"; not "seemed",
"titled")."""
from __future__ import annotations

# Verbs of saying: their subject is the speaker, their complement what was said.
SPEECH = frozenset("""
say tell add write ask note report announce suggest tweet describe argue continue explain
declare acknowledge claim insist warn reply respond state recall conclude admit testify confirm
deny predict promise pledge vow urge assert contend complain emphasize emphasise stress observe
remark reveal mention comment caution concede estimate indicate allege maintain boast joke quip
shout tout agree disclose proclaim retort counter charge propose inform assure advise remind
recount lament speculate hint post reiterate answer read sing
demand call criticize criticise accuse praise blame dismiss question defend signal
show find chant yell scream exclaim bark denounce decry blast mock cite
assail thank rail reject order condemn express decline portray slam refuse voice refer reference
wonder endorse deem plead email echo invoke discuss highlight applaud outline imply
point attack offer talk lash bemoan rebuke vouch lambaste deride liken retweet recite repeat interject rebut
balk forecast detail unveil challenge recommend champion label
""".split())

# Verbs that report speech only next to a quotation ('"…," he continued', 'answered: "…"'),
# not before a clause ("we continue to work", "answered questions").
QUOTATION_ONLY = frozenset("continue answer sing".split())

# Verbs of belief and intention; PolNeAR annotates these too (extracted unless --no-beliefs).
BELIEF = frozenset("think believe know hope fear feel expect worry doubt want wish".split())

# Verbs that take the addressee as object before the content: "told reporters that ...".
ADDRESSEE = frozenset("tell inform assure remind warn advise ask urge".split())

# Verbs whose object is a thing, not a clause, unless "that" or a quote follows:
# "criticised the lack of …" reports no speech, "denied that …" does.
OBJECT = frozenset("""criticize criticise defend praise blame dismiss question accuse call describe demand
propose reject denounce decry blast mock charge""".split())

# A cue and its preposition whose object is what was said ("called for the repeal of …"): in
# PolNeAR train, a verb so followed is annotated with the content after the preposition at
# least 5 times and in at least half of its uses.
PHRASAL = frozenset("""call for, call on, refer to, point to, comment on, rail against, vouch for, agree on,
write about, warn of, boast of, hint at, call out""".replace("\n", " ").split(", "))

# Verbs whose complement is a naming, not a clause: called the numbers "alarming".
NAMING = frozenset("call describe dub label brand term".split())

# Words of a time phrase after a cue: "…," McConnell said Tuesday — not "said Tuesday" inverted.
MONTHS = frozenset("january february march april may june july august september october november december".split())
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
morning afternoon evening night week weekend month year earlier later last this next early late
spring summer autumn winter""".split()) | MONTHS

# Subjects of a reporting verb that are not speakers ("figures have revealed"); also the things a
# naming verb calls without their being quoted with the word (called the numbers "alarming").
NON_AGENTS = frozenset("figures data statistics numbers lack".split())

# Titles and roles that open a name in news style but are not part of it.
TITLES = frozenset("""mr mrs ms miss dr sir dame lord lady sen senator rep representative gov governor
president vice mayor judge justice prof professor gen general col lt sgt officer detective chief
campaigner activist spokesman spokeswoman spokesperson candidate chairman chairwoman secretary minister
director rev former state sheriff attorney commissioner councilman councilwoman speaker leader""".split())

PRONOUNS_PERSON = frozenset("he she him her".split())
FIRST_PERSON = frozenset("i we me us".split())
PRONOUNS_GROUP = frozenset("they it".split())

# Heads of nominal mentions that stand for an organisation in the context.
ORG_NOMINALS = frozenset("""spokesperson spokesman spokeswoman organisation organization department
ministry agency office company firm group charity campaign committee party force police statement
representative official officials aide aides source sources""".split())


_IRREGULAR = {"say": ["said"], "tell": ["told"], "write": ["wrote", "written"], "think": ["thought"],
              "know": ["knew", "known"], "feel": ["felt"], "find": ["found"], "show": ["shown"],
              "admit": ["admitted", "admitting"], "quip": ["quipped", "quipping"],
              "sing": ["sang", "sung"], "slam": ["slammed", "slamming"], "refer": ["referred", "referring"],
              "rebut": ["rebutted", "rebutting"], "label": ["labelled", "labelling"]}


def _forms(verb: str) -> set[str]:
    """Inflected forms, so cues are found even when the models give no lemmas."""
    stem = verb[:-1] if verb.endswith("e") else verb
    third = verb + "es" if verb.endswith(("s", "sh", "ch", "x")) else (verb[:-1] + "ies" if verb.endswith("y") and verb[-2] not in "aeiou" else verb + "s")
    past = verb + "d" if verb.endswith("e") else (verb[:-1] + "ied" if verb.endswith("y") and verb[-2] not in "aeiou" else verb + "ed")
    return {verb, third, past, stem + "ing", *_IRREGULAR.get(verb, [])}


def _form_index(verbs: frozenset[str]) -> dict[str, str]:
    """form → verb; sorted, and a verb's own form wins, so the map never depends on set order."""
    index = {verb: verb for verb in verbs}
    for verb in sorted(verbs):
        for form in sorted(_forms(verb)):
            index.setdefault(form, verb)
    return index


_SPEECH_FORMS = _form_index(SPEECH)
_BELIEF_FORMS = _form_index(BELIEF)


def is_cue_lemma(lemma: str | None, beliefs: bool = False) -> bool:
    """True for a verb of saying (or, with beliefs, of believing), given its lemma or its form."""
    if not lemma:
        return False
    lemma = lemma.lower()
    return lemma in _SPEECH_FORMS or (beliefs and lemma in _BELIEF_FORMS)


def is_title(word: str) -> bool:
    """"Gov.", "Secretary", "former": a title or role that comes before a name."""
    return word.rstrip(".").lower() in TITLES


def is_abbreviated_title(word: str) -> bool:
    """"Rep", "Gov", "Dr": a title whose period is not a sentence end."""
    return word.lower() in TITLES and len(word) <= 4


def base_form(word: str) -> str:
    """The lexicon verb behind a cue word ("told" → "tell"), or the word itself."""
    word = word.lower()
    return _SPEECH_FORMS.get(word) or _BELIEF_FORMS.get(word) or word


def _candidate_bases(word: str) -> set[str]:
    """Verbs a word could be a form of ("declined" → decline, declin)."""
    out = {word}
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("es", ""),
                         ("s", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.add(word[:-len(suffix)] + repl)
    return out


if __name__ == "__main__":
    import json
    import re
    import sys
    from collections import Counter

    cue_words, uses, as_cue = Counter(), Counter(), Counter()
    for line in open(sys.argv[1], encoding="utf-8"):
        article = json.loads(line)
        spans = [(q["cue_start"], q["cue_end"]) for q in article["quotes"] if q.get("cue_start") is not None]
        for q in article["quotes"]:
            cue_words[(q.get("cue") or "").lower()] += 1
        for m in re.finditer(r"[A-Za-z]+", article["text"]):
            uses[m.group().lower()] += 1
            as_cue[m.group().lower()] += any(s <= m.start() < e for s, e in spans)
    print("most frequent cues:")
    for cue, n in cue_words.most_common(150):
        print(f"{n}\t{cue}")
    print("words outside the lists that are a cue in at least half of their uses (as cue / uses, verbs they may be):")
    known = set(_form_index(SPEECH | BELIEF)) | {"according"}
    found = [(as_cue[w] / uses[w], as_cue[w], uses[w], w) for w in as_cue
             if w not in known and as_cue[w] >= 5 and as_cue[w] >= uses[w] / 2]
    for rate, n, total, word in sorted(found, reverse=True):
        print(f"{rate:.2f}\t{n}/{total}\t{word}\t{' '.join(sorted(_candidate_bases(word) - {word}))}")
