"""Which side of a reporting verb its content lies on, on hand-tagged sentences."""
from conftest import tagged_doc
from pipeline.attribute import attribute
from pipeline.quotes import find_cues, find_quotes


def _content(tagged):
    doc = tagged_doc(tagged)
    return [None if c.content is None else doc.text[c.content[0]:c.content[1]] for c in find_cues(doc, 0)]


def test_a_trailing_attribution_reports_what_comes_before():
    assert _content([("The", "DET"), ("wards", "NOUN"), ("were", "AUX"), ("full", "ADJ"), ("all", "DET"),
                     ("week", "NOUN"), (",", "PUNCT"), ("Maria", "PROPN"), ("Lopez", "PROPN"), ("said", "VERB"),
                     ("in", "ADP"), ("a", "DET"), ("statement", "NOUN"), (".", "PUNCT")]) == [
        "The wards were full all week"]


def test_a_verb_with_an_object_of_its_own_is_no_trailing_attribution():
    # "Determined to …, Maria Lopez has found a new source …": the opening phrase is not what she found.
    assert _content([("Determined", "VERB"), ("to", "PART"), ("keep", "VERB"), ("the", "DET"), ("ward", "NOUN"),
                     ("open", "ADJ"), (",", "PUNCT"), ("Maria", "PROPN"), ("Lopez", "PROPN"), ("has", "AUX"),
                     ("found", "VERB"), ("a", "DET"), ("new", "ADJ"), ("source", "NOUN"), ("of", "ADP"),
                     ("money", "NOUN"), (".", "PUNCT")]) == [None]


def test_a_noun_phrase_object_ends_before_the_writer_goes_on():
    assert _content([("Maria", "PROPN"), ("Lopez", "PROPN"), ("noted", "VERB"), ("the", "DET"),
                     ("shortage", "NOUN"), ("of", "ADP"), ("nurses", "NOUN"), ("while", "SCONJ"),
                     ("needling", "VERB"), ("the", "DET"), ("board", "NOUN"), (".", "PUNCT")]) == [
        "the shortage of nurses"]


def test_a_subject_with_a_verb_of_its_own_starts_a_clause_that_runs_on():
    assert _content([("Maria", "PROPN"), ("Lopez", "PROPN"), ("said", "VERB"), ("a", "DET"), ("majority", "NOUN"),
                     ("of", "ADP"), ("nurses", "NOUN"), ("have", "AUX"), ("come", "VERB"), ("to", "PART"),
                     ("distrust", "VERB"), ("the", "DET"), ("board", "NOUN"), ("while", "SCONJ"),
                     ("ignoring", "VERB"), ("its", "PRON"), ("chair", "NOUN"), (".", "PUNCT")]) == [
        "a majority of nurses have come to distrust the board while ignoring its chair"]


def test_commas_around_an_inverted_speaker_do_not_split_the_report():
    assert _content([("The", "DET"), ("ad", "NOUN"), ("could", "AUX"), ("start", "VERB"), ("this", "DET"),
                     ("week", "NOUN"), (",", "PUNCT"), ("said", "VERB"), ("Brian", "PROPN"), ("Baker", "PROPN"),
                     (",", "PUNCT"), ("an", "DET"), ("adviser", "NOUN"), ("who", "PRON"), ("oversees", "VERB"),
                     ("the", "DET"), ("campaign", "NOUN"), (".", "PUNCT")]) == ["The ad could start this week"]


def test_a_relative_pronoun_or_as_before_the_speaker_reports_what_follows():
    assert _content([("The", "DET"), ("stadium", "NOUN"), (",", "PUNCT"), ("which", "PRON"), (",", "PUNCT"),
                     ("Maria", "PROPN"), ("Lopez", "PROPN"), ("said", "VERB"), (",", "PUNCT"), ("is", "AUX"),
                     ("usually", "ADV"), ("full", "ADJ"), ("on", "ADP"), ("game", "NOUN"), ("days", "NOUN"),
                     (".", "PUNCT")]) == ["is usually full on game days"]
    assert _content([("Yet", "CCONJ"), (",", "PUNCT"), ("as", "SCONJ"), ("Maria", "PROPN"), ("Lopez", "PROPN"),
                     ("observed", "VERB"), (",", "PUNCT"), ("the", "DET"), ("wards", "NOUN"), ("are", "AUX"),
                     ("full", "ADJ"), ("all", "DET"), ("week", "NOUN"), (".", "PUNCT")]) == ["the wards are full all week"]


def test_a_dateline_is_not_part_of_the_report():
    assert _content([("WASHINGTON", "PROPN"), ("―", "PUNCT"), ("The", "DET"), ("wards", "NOUN"), ("were", "AUX"),
                     ("full", "ADJ"), ("all", "DET"), ("week", "NOUN"), (",", "PUNCT"), ("nurses", "NOUN"),
                     ("said", "VERB"), ("Friday", "PROPN"), (",", "PUNCT"), ("as", "SCONJ"), ("the", "DET"),
                     ("board", "NOUN"), ("met", "VERB"), ("in", "ADP"), ("the", "DET"), ("hall", "NOUN"),
                     (".", "PUNCT")]) == ["The wards were full all week"]


def test_a_participle_naming_a_thing_is_no_cue():
    assert _content([("In", "ADP"), ("a", "DET"), ("box", "NOUN"), ("labeled", "VERB"), ("“", "PUNCT"),
                     ("medical", "ADJ"), ("problem", "NOUN"), (",", "PUNCT"), ("”", "PUNCT"), ("a", "DET"),
                     ("doctor", "NOUN"), ("had", "AUX"), ("typed", "VERB"), ("“", "PUNCT"), ("homicidal", "ADJ"),
                     ("ideation", "NOUN"), (".", "PUNCT"), ("”", "PUNCT")]) == []


def test_commas_around_a_verb_and_its_object_do_not_split_a_report():
    assert _content([("A", "DET"), ("passionate", "ADJ"), ("defender", "NOUN"), ("of", "ADP"), ("the", "DET"),
                     ("ward", "NOUN"), (",", "PUNCT"), ("Maria", "PROPN"), ("Lopez", "PROPN"), ("likened", "VERB"),
                     ("the", "DET"), ("ward", "NOUN"), ("to", "ADP"), ("a", "DET"), ("prison", "NOUN"), (",", "PUNCT"),
                     ("which", "PRON"), ("holds", "VERB"), ("900", "NUM"), ("people", "NOUN"), (".", "PUNCT")]) == [
        "the ward to a prison"]


def test_a_word_mistagged_between_two_names_stays_in_the_attribution():
    # "Tulsa police Chief Chuck Jordan said": small taggers call "police" a verb.
    assert _content([("“", "PUNCT"), ("We", "PRON"), ("will", "AUX"), ("win", "VERB"), (",", "PUNCT"),
                     ("”", "PUNCT"), ("Tulsa", "PROPN"), ("police", "VERB"), ("Chief", "PROPN"), ("Maria", "PROPN"),
                     ("Lopez", "PROPN"), ("said", "VERB"), ("Monday", "PROPN"), (".", "PUNCT")]) == ["“ We will win , ”"]


def test_an_inflected_noun_after_a_possessive_is_no_cue():
    # "Trump's comments came as …": taggers call "comments" a noun, and a possessive proves it.
    assert _content([("Maria", "PROPN"), ("Lopez", "PROPN"), ("'s", "PART"), ("comments", "NOUN"), ("came", "VERB"),
                     ("as", "SCONJ"), ("the", "DET"), ("board", "NOUN"), ("met", "VERB"), (".", "PUNCT")]) == []


def test_a_quotation_right_after_the_cue_is_not_split_by_its_commas():
    # 'While …, Ryan said “images, they’ve got no place …”': not "While …, Ryan said, images …"
    assert _content([("While", "SCONJ"), ("the", "DET"), ("board", "NOUN"), ("met", "VERB"), (",", "PUNCT"),
                     ("Maria", "PROPN"), ("Lopez", "PROPN"), ("said", "VERB"), ("“", "PUNCT"), ("the", "DET"),
                     ("wards", "NOUN"), (",", "PUNCT"), ("all", "DET"), ("of", "ADP"), ("them", "PRON"),
                     (",", "PUNCT"), ("are", "AUX"), ("full", "ADJ"), (".", "PUNCT"), ("”", "PUNCT")]) == [
        "“ the wards , all of them , are full . ”"]


def test_a_preposition_tagged_sconj_before_a_gerund_is_skipped_like_a_particle():
    # EWT tags "for" before a gerund SCONJ: "called for reducing the rate", as "called for the reopening".
    assert _content([("Maria", "PROPN"), ("Lopez", "PROPN"), ("called", "VERB"), ("for", "SCONJ"),
                     ("reopening", "VERB"), ("the", "DET"), ("ward", "NOUN"), (".", "PUNCT")]) == [
        "reopening the ward"]


def test_nothing_but_punctuation_after_the_cue_is_no_content():
    assert _content([("According", "VERB"), ("to", "ADP"), ("Maria", "PROPN"), ("Lopez", "PROPN"), (",", "PUNCT"),
                     (")", "PUNCT"), (":", "PUNCT"), (":", "PUNCT"), ("—", "PUNCT"), (".", "PUNCT")]) == [None]


def test_as_reported_by_names_a_source_like_according_to():
    tagged = [("As", "ADV"), ("reported", "VERB"), ("by", "ADP"), ("The", "DET"), ("Herald", "PROPN"), (",", "PUNCT"),
              ("the", "DET"), ("wards", "NOUN"), ("were", "AUX"), ("full", "ADJ"), ("all", "DET"), ("week", "NOUN"),
              (".", "PUNCT")]
    assert _content(tagged) == ["the wards were full all week"]
    doc = tagged_doc(tagged)
    quote = attribute(find_quotes(doc)).quotes[0]
    assert doc.text[quote.speaker_start:quote.speaker_end] == "The Herald"


def test_as_x_reported_reports_the_main_clause():
    assert _content([("As", "SCONJ"), ("The", "DET"), ("Herald", "PROPN"), ("reported", "VERB"), (",", "PUNCT"),
                     ("the", "DET"), ("wards", "NOUN"), ("were", "AUX"), ("full", "ADJ"), ("all", "DET"),
                     ("week", "NOUN"), (".", "PUNCT")]) == ["the wards were full all week"]


def test_a_bare_cue_tagged_as_a_noun_closes_an_attribution_after_a_clause():
    # "…, fundraising documents show.": taggers call the verb a noun at the end of a sentence.
    assert _content([("The", "DET"), ("wards", "NOUN"), ("were", "AUX"), ("full", "ADJ"), ("all", "DET"),
                     ("week", "NOUN"), (",", "PUNCT"), ("hospital", "NOUN"), ("records", "NOUN"), ("show", "NOUN"),
                     (".", "PUNCT")]) == ["The wards were full all week"]


def test_an_inflected_noun_opening_a_clause_before_an_auxiliary_is_no_cue():
    # "…, states unnecessarily would become middle men, Jolly said": "states" is the subject.
    assert _content([("If", "SCONJ"), ("the", "DET"), ("board", "NOUN"), ("paid", "VERB"), ("nurses", "NOUN"),
                     (",", "PUNCT"), ("states", "NOUN"), ("surely", "ADV"), ("would", "AUX"), ("pay", "VERB"),
                     ("more", "ADJ"), (",", "PUNCT"), ("Maria", "PROPN"), ("Lopez", "PROPN"), ("said", "VERB"),
                     (".", "PUNCT")]) == ["If the board paid nurses , states surely would pay more"]


def test_an_inflected_noun_joined_to_a_noun_is_no_cue():
    # "Others did not return calls and emails seeking comment": "emails" is a noun like "messages".
    assert _content([("Maria", "PROPN"), ("Lopez", "PROPN"), ("did", "AUX"), ("not", "PART"), ("return", "VERB"),
                     ("messages", "NOUN"), ("and", "CCONJ"), ("emails", "NOUN"), ("seeking", "VERB"),
                     ("comment", "NOUN"), (".", "PUNCT")]) == []


def test_a_stop_and_two_apostrophes_close_a_quotation():
    # Papers that print quotation marks as two apostrophes: the tokenizer keeps the stop with them.
    assert _content([("''", "PUNCT"), ("We", "PRON"), ("will", "AUX"), ("win", "VERB"), (".''", "NOUN"),
                     ("Maria", "PROPN"), ("Lopez", "PROPN"), ("said", "VERB"), (".", "PUNCT")]) == ["'' We will win .''"]


def test_an_inflected_noun_heading_a_subject_or_an_object_is_no_cue():
    # "Health worries have dogged …" (the subject's head), "fueling worries from Paris that …" (a
    # verb's object), "22% of Democratic claims as …" (inside a prepositional phrase)
    assert _content([("Funding", "NOUN"), ("worries", "NOUN"), ("have", "AUX"), ("dogged", "VERB"), ("the", "DET"),
                     ("ward", "NOUN"), (".", "PUNCT")]) == []
    assert _content([("The", "DET"), ("closure", "NOUN"), ("was", "AUX"), ("fueling", "VERB"), ("reports", "NOUN"),
                     ("from", "ADP"), ("nurses", "NOUN"), ("that", "SCONJ"), ("the", "DET"), ("ward", "NOUN"),
                     ("would", "AUX"), ("shut", "VERB"), (".", "PUNCT")]) == []
    assert _content([("The", "DET"), ("survey", "NOUN"), ("rated", "VERB"), ("20", "NUM"), ("percent", "NOUN"),
                     ("of", "ADP"), ("Labour", "PROPN"), ("claims", "NOUN"), ("as", "ADP"), ("false", "ADJ"),
                     (".", "PUNCT")]) == []


def test_a_participle_between_a_possessive_and_a_noun_is_no_cue():
    assert _content([("The", "DET"), ("nurses", "NOUN"), ("read", "NOUN"), ("his", "PRON"), ("recently", "ADV"),
                     ("revealed", "VERB"), ("plans", "NOUN"), ("for", "ADP"), ("the", "DET"), ("ward", "NOUN"),
                     (".", "PUNCT")]) == []
