"""Stage 2, segment: Stanza sentences, tokens and whatever annotation the loaded models
provide (POS, lemma, dependencies, named entities). Stanza reads the text with the
boilerplate blanked out, so every offset it returns is an offset into the original."""
from __future__ import annotations

import gc
import re
from bisect import bisect_left
from contextlib import contextmanager

from .attribution_tagger import tag_sentences
from .clean import masked_text
from .cues import TIME_WORDS, TITLES, is_abbreviated_title, is_title
from .document import Document, Entity, Sentence, Token
from .focus import sentences_to_tag

_ENTITY_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "ORGANIZATION": "ORG"}


# Processors that annotate words for the quote and attribute stages, run only on the
# sentences those stages read (see focus.py).
_WORD_TAGGERS = ("pos", "lemma", "depparse")


def segment_many(docs: list[Document], nlp, tag_everything: bool = False, tagger=None) -> list[Document]:
    """Annotate a batch of documents with batched Stanza calls: the tokenizer, the attribution
    `tagger` (models.load_attribution_tagger, if given) and NER on every sentence, the tagger
    (lemmatizer, parser) on the sentences the later stages read, or on all of them with
    `tag_everything`."""
    import stanza

    todo = [d for d in docs if d.status == "ok"]
    if not todo:
        return docs
    with _cycle_collector_paused():
        annotated = nlp.bulk_process([stanza.Document([], text=masked_text(d)) for d in todo], processors="tokenize")
        for doc, sdoc in zip(todo, annotated):
            _fill(doc, sdoc)
        # the attribution tagger reads tokens only, and its labels help choose the sentences to tag
        tag_attribution(todo, tagger)
        labels = [[(t.attribution, t.attribution_p) for t in doc.tokens] for doc in todo]
        chosen = []
        for doc, sdoc in zip(todo, annotated):
            if tag_everything:
                chosen += sdoc.sentences
            else:
                wanted = sentences_to_tag(doc)
                chosen += [s for s in sdoc.sentences if doc.sentence_at(s.tokens[0].start_char) in wanted]
        _run_on_sentences(nlp, _WORD_TAGGERS, chosen)
        nlp.bulk_process(annotated, processors="ner")
        for doc, sdoc, doc_labels in zip(todo, annotated, labels):
            _fill(doc, sdoc)
            for token, (label, p) in zip(doc.tokens, doc_labels, strict=True):
                token.attribution, token.attribution_p = label, p
    return docs


def tag_attribution(docs: list[Document], tagger) -> None:
    """The attribution tagger's label on every token (see tagged.py) and its probabilities of
    lying in each kind of run (attribution_tagger.py), all sentences in one call."""
    sentences = [d.tokens[s.first_token:s.last_token] for d in docs for s in d.sentences]
    if tagger is None or not sentences:
        return
    tagged = tag_sentences(tagger, [[t.text for t in sentence] for sentence in sentences])
    for sentence, (labels, probabilities) in zip(sentences, tagged, strict=True):
        for token, label, p in zip(sentence, labels, probabilities, strict=True):
            token.attribution, token.attribution_p = label, p


def _run_on_sentences(nlp, names: tuple[str, ...], sentences: list) -> None:
    """Run these processors, in pipeline order, on the given sentences of any documents,
    batched together as Stanza batches a list of documents."""
    import stanza

    combined = stanza.Document([])
    combined.sentences = sentences
    combined.num_tokens = sum(len(s.tokens) for s in sentences)
    combined.num_words = sum(len(s.words) for s in sentences)
    for name in names:
        if sentences and nlp.processors.get(name):
            nlp.processors[name].process(combined)


@contextmanager
def _cycle_collector_paused():
    """A Stanza call builds hundreds of thousands of small objects that all live until it
    returns. Python's cycle collector, started every few hundred allocations, would trace
    them again and again (about 15% of the segmentation time); it runs once afterwards instead."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _fill(doc: Document, sdoc) -> None:
    doc.sentences, doc.tokens, doc.entities = [], [], []
    for s_index, sent in enumerate(sdoc.sentences):
        first = len(doc.tokens)
        words = []
        for token in sent.tokens:
            for word in token.words:
                # Words of a multi-word token share the token's character span.
                start = word.start_char if word.start_char is not None else token.start_char
                end = word.end_char if word.end_char is not None else token.end_char
                words.append((word, start, end))
        for word, start, end in words:
            doc.tokens.append(Token(
                text=doc.text[start:end], start=start, end=end, index=len(doc.tokens), sentence=s_index,
                upos=word.upos, lemma=word.lemma,
                head=(first + word.head - 1) if word.head else None, deprel=word.deprel))
        doc.sentences.append(Sentence(words[0][1], words[-1][2], first, len(doc.tokens)))
    _join_title_breaks(doc)
    starts = [t.start for t in doc.tokens]
    for ent in getattr(sdoc, "ents", []) or []:
        label = _ENTITY_LABELS.get(ent.type, ent.type)
        start = ent.start_char
        if label == "PERSON":
            start = _after_titles(doc.text, start, ent.end_char)
        elif label == "ORG" and (first := bisect_left(starts, start)) < len(starts) and starts[first] == start:
            start = _name_run_start(doc, first, doc.entities[-1].end if doc.entities else 0)
        doc.entities.append(Entity(doc.text[start:ent.end_char], start, ent.end_char, label))


def _join_title_breaks(doc: Document) -> None:
    """Undo sentence breaks after an abbreviated title on the same line: "Rep. | Jim Jordan said"."""
    joined: list[Sentence] = []
    for sent in doc.sentences:
        if joined:
            prev = joined[-1]
            last = doc.tokens[prev.last_token - 1]
            title = doc.tokens[prev.last_token - 2] if prev.last_token - prev.first_token >= 2 else None
            if (title is not None and last.text == "." and is_abbreviated_title(title.text)
                    and "\n" not in doc.text[last.end:sent.start] and doc.text[sent.start:sent.start + 1].isupper()):
                joined[-1] = Sentence(prev.start, sent.end, prev.first_token, sent.last_token)
                continue
        joined.append(sent)
    if len(joined) < len(doc.sentences):
        for index, sent in enumerate(joined):
            for tok in doc.tokens[sent.first_token:sent.last_token]:
                tok.sentence = index
        doc.sentences = joined


def _after_titles(text: str, start: int, end: int) -> int:
    """A person's name without the titles and roles before it: "Campaigner Sara Payne" →
    "Sara Payne", "New Jersey Gov. Chris Christie" → "Chris Christie"."""
    words = list(re.finditer(r"\S+", text[start:end]))
    titled = [k for k, w in enumerate(words[:-1]) if is_title(w.group())]
    return start + words[titled[-1] + 1].start() if titled else start


# Capitalised words that open a sentence or a noun phrase without being part of a name.
_NOT_NAME_WORDS = frozenset("the a an this that these those".split()) | TIME_WORDS | TITLES


def _name_run_start(doc: Document, first: int, floor: int) -> int:
    """Where an organisation's name starts whose first token is `first`, with the capitalised
    words the tagger left off its front: "The New [York Post]" → "New York Post", "the
    nonpartisan Congressional [Budget Office]"; never reaching back past `floor` (the end of
    the entity before it)."""
    k = first
    while k > 0:
        prev = doc.tokens[k - 1]
        opens_sentence = doc.sentences[prev.sentence].first_token == prev.index
        if (prev.start < floor or prev.sentence != doc.tokens[k].sentence or doc.text[prev.end:doc.tokens[k].start] != " "
                or not prev.text[:1].isupper() or prev.text.rstrip(".").lower() in _NOT_NAME_WORDS
                or (opens_sentence and prev.upos != "PROPN")):
            break
        k -= 1
    return doc.tokens[k].start
