"""Quotations from the attribution tagger's labels (pipeline/tagged.py): how its BIOES tags
become runs, which runs become quotations, and the shipped tagger on real sentences."""
from pipeline import confidence
from pipeline.attribute import attribute
from pipeline.document import Document, Entity, Quote, Sentence, Token
from pipeline.tagged import add_tagged_quotes, runs


def _labelled(sentences: list[list[tuple[str, str]]]) -> Document:
    """A document from (word, tag) pairs, one list per sentence, words joined by spaces (but an
    apostrophe after a plural, as in "the elites’ desire")."""
    text, tokens, sents = "", [], []
    for words in sentences:
        first = len(tokens)
        for word, tag in words:
            space = " " if text and not (word == "’" and text.endswith("s")) else ""
            start = len(text) + len(space)
            text = text + space + word
            tokens.append(Token(word, start, start + len(word), len(tokens), len(sents), attribution=tag))
        sents.append(Sentence(tokens[first].start, tokens[-1].end, first, len(tokens)))
    doc = Document("d", text)
    doc.tokens, doc.sentences = tokens, sents
    return doc


SAID = [("The", "B-SOURCE"), ("mayor", "E-SOURCE"), ("argued", "S-CUE"), ("the", "B-CONTENT"),
        ("plan", "I-CONTENT"), ("was", "I-CONTENT"), ("dead", "E-CONTENT"), (".", "O")]


def test_runs_follow_the_bioes_tags_and_stop_at_a_sentence_end():
    doc = _labelled([[("a", "B-CONTENT"), ("b", "I-CONTENT"), ("c", "S-CONTENT"), ("d", "B-CONTENT")],
                     [("e", "I-CONTENT"), ("f", "E-CONTENT"), ("g", "O")]])
    # "c" is a run of its own; "d" opens a run that the sentence end closes; "e" has no B- but starts one
    assert runs(doc, "CONTENT") == [(0, 2), (2, 3), (3, 4), (4, 6)]
    assert runs(doc, "SOURCE") == []


def test_a_content_run_becomes_a_quotation_with_the_source_and_cue_of_its_sentence():
    doc = add_tagged_quotes(_labelled([SAID]))
    [q] = doc.quotes
    assert doc.text[q.start:q.end] == "the plan was dead"
    assert (q.quote_type, q.attribution) == ("indirect", "tagger")
    assert doc.text[q.speaker_start:q.speaker_end] == "The mayor" and not q.cue_inverted
    assert doc.text[q.cue_start:q.cue_end] == "argued" and doc.tokens[q.cue_token].text == "argued"


def test_a_run_without_a_source_in_its_sentence_is_narration():
    unsourced = [(w, "O" if t.endswith("SOURCE") else t) for w, t in SAID]
    assert add_tagged_quotes(_labelled([unsourced])).quotes == []
    # a source in another sentence does not count
    assert add_tagged_quotes(_labelled([unsourced, [("She", "S-SOURCE"), ("left", "O"), (".", "O")]])).quotes == []


def _rules_and_fallback(monkeypatch, rules_confidence: float) -> list[Quote]:
    """The quotations left after the confidence stage when the rules' quotation of SAID scores
    `rules_confidence` and the tagger's run over it 0.9."""
    doc = _labelled([SAID])
    rules = Quote(doc.tokens[5].start, doc.tokens[6].end, "indirect", attribution="name")
    doc.quotes = [rules]
    doc = add_tagged_quotes(doc)
    [fallback] = [q for q in doc.quotes if q.attribution == "tagger"]
    assert fallback.fallback and doc.text[fallback.start:fallback.end] == "the plan was dead"
    monkeypatch.setattr(confidence, "probability",
                        lambda features, tagged: 0.9 if "attribution=tagger" in features else rules_confidence)
    return confidence.score_quotes(doc).quotes


def test_the_rules_quotation_wins_where_they_overlap_and_both_stand(monkeypatch):
    [kept] = _rules_and_fallback(monkeypatch, 0.9)
    assert kept.attribution == "name"


def test_the_tagger_run_stands_in_for_a_rules_quotation_that_falls(monkeypatch):
    [kept] = _rules_and_fallback(monkeypatch, 0.1)
    assert kept.attribution == "tagger" and kept.fallback


def test_a_rules_report_that_no_one_makes_leaves_its_place_to_the_tagger():
    # "could not resist pointing out that …": the rules report from "pointing", which has no
    # subject of its own, so the attribute stage would drop it; the tagger's run, with its
    # SOURCE, is the quotation instead
    words = [("The", "B-SOURCE"), ("mayor", "E-SOURCE"), ("could", "B-CUE"), ("not", "I-CUE"), ("resist", "I-CUE"),
             ("pointing", "I-CUE"), ("out", "E-CUE"), ("that", "B-CONTENT"), ("the", "I-CONTENT"),
             ("ward", "I-CONTENT"), ("was", "I-CONTENT"), ("full", "E-CONTENT"), (".", "O")]
    doc = _labelled([words])
    for token, upos in zip(doc.tokens, "DET NOUN AUX PART VERB VERB ADP SCONJ DET NOUN AUX ADJ PUNCT".split()):
        token.upos = upos
    rules = Quote(doc.tokens[7].start, doc.tokens[11].end, "indirect", cue_token=5)
    doc.quotes = [rules]
    [q] = attribute(add_tagged_quotes(doc)).quotes
    assert (doc.text[q.start:q.end], q.attribution, q.speaker) == ("that the ward was full", "tagger", "The mayor")


def test_headlines_are_the_rules_and_a_cue_they_reported_from_gives_only_a_fallback(monkeypatch):
    # a headline's claim is the rules' (quotes.title_spans): no final stop, so "Lopez said …" is one
    headline = [("Lopez", "S-SOURCE"), ("said", "S-CUE"), ("the", "B-CONTENT"), ("ward", "I-CONTENT"),
                ("shuts", "E-CONTENT")]
    assert add_tagged_quotes(_labelled([headline])).quotes == []
    assert len(add_tagged_quotes(_labelled([headline + [(".", "O")]])).quotes) == 1
    # "And yet, Lopez said, the ward …": the rules' report from "said" has the sentence, and the
    # tagger's "And yet" from the same cue stands only if that report falls
    split = [("And", "B-CONTENT"), ("yet", "E-CONTENT"), (",", "O"), ("Lopez", "S-SOURCE"), ("said", "S-CUE"),
             (",", "O"), ("the", "B-CONTENT"), ("ward", "I-CONTENT"), ("will", "I-CONTENT"), ("stay", "E-CONTENT"), (".", "O")]
    doc = _labelled([split])
    rules = Quote(doc.tokens[6].start, doc.tokens[9].end, "indirect", cue_token=4, attribution="name")
    doc.quotes = [rules]
    tagged = [q for q in add_tagged_quotes(doc).quotes if q is not rules]
    assert [(doc.text[q.start:q.end], q.fallback) for q in tagged] == [("And yet", True), ("the ward will stay", True)]
    monkeypatch.setattr(confidence, "probability", lambda features, tagged: 0.9)
    assert confidence.score_quotes(doc).quotes == [rules]


def test_the_plain_object_of_a_verb_like_criticised_is_no_quotation_for_the_tagger_either():
    # the sample's answer key: "criticised the lack of police supervision of convicted offenders"
    # and "has defended the system" name what the stance is about, not what was said
    def cued(verb: str, content: list[str]) -> Document:
        words = [("The", "B-SOURCE"), ("NSPCC", "E-SOURCE"), (verb, "S-CUE")]
        words += [(w, "S-CONTENT" if len(content) == 1 else "B-CONTENT" if k == 0 else
                   "E-CONTENT" if k == len(content) - 1 else "I-CONTENT") for k, w in enumerate(content)]
        doc = _labelled([words + [(".", "O")]])
        doc.tokens[2].upos = "VERB"
        return doc

    lack = "the lack of police supervision of convicted offenders".split()
    assert add_tagged_quotes(cued("criticised", lack)).quotes == []
    assert add_tagged_quotes(cued("defended", ["the", "system"])).quotes == []
    # what was said: after a verb of saying, with a verb of its own, or with quoted words
    assert len(add_tagged_quotes(cued("argued", ["the", "system"])).quotes) == 1
    reason = cued("criticised", "the board for closing the ward".split())
    reason.tokens[6].upos = "VERB"
    assert len(add_tagged_quotes(reason).quotes) == 1
    assert len(add_tagged_quotes(cued("criticised", ["the", "\u201c", "shambolic", "\u201d", "board"])).quotes) == 1
    # a plural possessive's apostrophe is no quote mark
    assert add_tagged_quotes(cued("criticised", ["the", "party", "elites", "\u2019", "desire"])).quotes == []


def test_a_belief_is_marked_and_left_out_when_beliefs_are_off():
    words = [("The", "B-SOURCE"), ("mayor", "E-SOURCE"), ("believes", "S-CUE"), ("the", "B-CONTENT"),
             ("plan", "I-CONTENT"), ("is", "I-CONTENT"), ("dead", "E-CONTENT"), (".", "O")]
    doc = _labelled([words])
    doc.tokens[2].upos = "VERB"
    [q] = add_tagged_quotes(doc).quotes
    assert q.belief
    doc.quotes = []
    assert add_tagged_quotes(doc, beliefs=False).quotes == []


def test_the_shipped_tagger_finds_reports_no_word_list_has(tmp_path):
    # "laid out her proposals", "disputes the idea that …": PolNeAR marks both; no cue list of the
    # rules holds them (nor a speaker for "pointing out"), so the shipped tagger's labels (set by
    # the segment stage) are what finds them
    import json

    import pipeline

    articles = {"laid_out": "The board met on Monday.\n\nMaria Lopez laid out her proposals to reopen the ward in "
                            "the spring.\n",
                "disputes": "The board met on Monday.\n\nMaria Lopez disputes the idea that the ward is too "
                            "expensive to run.\n",
                # the rules' report from "pointing" has no speaker; the tagger's has one
                "resist": "The board met on Monday.\n\nMaria Lopez, the mayor, could not resist pointing out "
                          "that the ward was full every night last winter.\n"}
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"doc_id": k, "text": v}) + "\n" for k, v in articles.items()))
    pipeline.build([path], tmp_path / "out")
    rows = pipeline.load_quotes(tmp_path / "out").sort_values("doc_id")
    assert list(zip(rows.doc_id, rows.quote_text, rows.speaker, rows.attribution)) == [
        ("disputes", "that the ward is too expensive to run", "Maria Lopez", "tagger"),
        ("laid_out", "her proposals to reopen the ward in the spring", "Maria Lopez", "tagger"),
        ("resist", "that the ward was full every night last winter", "Maria Lopez", "tagger")]


def test_the_tagger_can_be_turned_off(tmp_path, monkeypatch):
    # QUOTES_ATTRIBUTION_TAGGER=off: no tagger quotations, the rules' confidence model, and the
    # build's provenance says so
    import json

    import pipeline
    from pipeline.write import read_metadata

    monkeypatch.setenv("QUOTES_ATTRIBUTION_TAGGER", "off")
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"doc_id": "laid_out", "text": "The board met on Monday.\n\nMaria Lopez laid out "
                                "her proposals to reopen the ward in the spring.\n"}) + "\n")
    pipeline.build([path], tmp_path / "out")
    assert pipeline.load_quotes(tmp_path / "out").empty
    assert read_metadata(tmp_path / "out" / "quotes.parquet")["models"]["attribution_tagger"] is None


def test_a_fallback_sways_no_other_quotations_speaker():
    # "He" goes to the last speaker who stands: Jones's run over the rules' quotation may yet
    # give way to it, so Smith is the antecedent.
    doc = _labelled([[("Smith", "S-SOURCE"), ("argued", "S-CUE"), ("taxes", "B-CONTENT"), ("were", "I-CONTENT"), ("fair", "E-CONTENT"), (".", "O")],
                     [("Jones", "S-SOURCE"), ("sang", "S-CUE"), ("the", "B-CONTENT"), ("old", "I-CONTENT"), ("song", "E-CONTENT"), (".", "O")],
                     [("He", "S-SOURCE"), ("argued", "S-CUE"), ("taxes", "B-CONTENT"), ("were", "I-CONTENT"), ("high", "E-CONTENT"), (".", "O")]])
    doc.entities = [Entity(t.text, t.start, t.end, "PERSON") for t in doc.tokens if t.text in ("Smith", "Jones")]
    doc.quotes = [Quote(doc.tokens[9].start, doc.tokens[10].end, "direct")]      # "old song"
    doc = attribute(add_tagged_quotes(doc))
    speakers = {doc.text[q.start:q.end]: (q.speaker, q.fallback) for q in doc.quotes if q.attribution != "none"}
    assert speakers["the old song"] == ("Jones", True)
    assert speakers["taxes were high"] == ("Smith", False)
