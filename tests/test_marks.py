"""Quotation marks on raw text: the cases that break naive quote finders."""
from pipeline.marks import find_marked, headline_claim, speaker_label, transcript_turns


def spans(text):
    return [text[m.start:m.end] for m in find_marked(text)]


def test_straight_and_curly_double_and_single():
    text = 'He said "yes" and “maybe,” and she said ‘no’ and \'never\'.'
    assert spans(text) == ['"yes"', "“maybe,”", "‘no’", "'never'"]


def test_apostrophes_are_not_quote_marks():
    text = "Clinton’s aides don't know. The officers' union met in the '90s and rock ’n’ roll played."
    assert spans(text) == []


def test_nested_single_inside_double_belongs_to_it():
    text = '“He told me ‘go home’ twice,” she said.'
    assert spans(text) == ["“He told me ‘go home’ twice,”"]


def test_a_double_quotation_inside_a_double_quotation_belongs_to_it():
    # typeset with the same curly marks, as in PolNeAR dev ('what he calls “hell” than …')
    text = '“I’d rather live in what he calls “hell” than live there.” ― Ana Ruiz\n\n“One “two.” And “three.”'
    assert spans(text) == ["“I’d rather live in what he calls “hell” than live there.”", "“One ", "“two.”",
                           "“three.”"]


def test_multi_paragraph_quote_continues_when_next_paragraph_reopens():
    text = '"First paragraph of the speech.\n\n"Second paragraph ends it," he said.\n\nAfter.'
    marked = find_marked(text)
    assert len(marked) == 1
    assert text[marked[0].start:marked[0].end].endswith('ends it,"')
    assert marked[0].paragraphs == 2 and marked[0].closed


def test_a_straight_quoted_excerpt_does_not_run_into_a_curly_quotation():
    # (PolNeAR dev: a straight-quoted excerpt left open, then its own curly quotations)
    text = '"Kevin was snoring.\n\n“Here he is, babe,” she said.\n\nAfter.'
    assert spans(text) == ['"Kevin was snoring.', "“Here he is, babe,”"]


def test_unbalanced_quote_stops_at_paragraph_end():
    text = 'She said "this never closes and goes on\n\nNew paragraph without marks.'
    marked = find_marked(text)
    assert [(text[m.start:m.end], m.closed) for m in marked] == [('"this never closes and goes on', False)]


def test_skip_spans_hide_their_paragraphs():
    text = '"Quoted in a widget"\n\n"Quoted in the article," he said.'
    assert spans(text) == ['"Quoted in a widget"', '"Quoted in the article,"']
    marked = find_marked(text, skip=[(0, 20)])
    assert [text[m.start:m.end] for m in marked] == ['"Quoted in the article,"']


def test_two_apostrophes_stand_for_a_double_mark():
    text = "''This isn't tax reform,'' said Douglas Holtz-Eakin. The plan was ''taking a close look'' at it."
    assert spans(text) == ["''This isn't tax reform,''", "''taking a close look''"]


TRANSCRIPT = ('Partial transcript as follows:\n\n"TAPPER: Will you release your tax returns?\n\n'
              '"JOHN SMITH: Not this year.\n\n"And not next year either.\n\n"(CROSSTALK.)\n\n'
              '"TAPPER: Thank you, Governor.\n\nUPDATE: The governor later released them.\n')


def test_transcript_turns_run_through_quoted_paragraphs_to_the_next_name():
    turns = [(TRANSCRIPT[t.label_start:t.label_end], TRANSCRIPT[t.start:t.end]) for t in transcript_turns(TRANSCRIPT)]
    assert turns == [("TAPPER", "Will you release your tax returns?"),
                     ("JOHN SMITH", 'Not this year.\n\n"And not next year either.'),
                     ("TAPPER", "Thank you, Governor.")]
    assert speaker_label(TRANSCRIPT, TRANSCRIPT.index("Not this year")) == (
        TRANSCRIPT.index("JOHN SMITH"), TRANSCRIPT.index("JOHN SMITH") + len("JOHN SMITH"))


def test_one_name_in_capitals_is_no_transcript():
    assert transcript_turns("NOTE: This story was updated.\n\nWASHINGTON: The Senate met on Monday.\n") == []
    assert transcript_turns("TAPPER: Will you?\n\nTAPPER: Will you now?\n") == []


def test_a_headline_that_opens_with_its_source():
    text = "Poll: Clinton and Trump in dead heat heading into first debate\n\nThe poll was taken on Sunday.\n"
    start, end = headline_claim(text, 0, text.index("\n"))
    assert text[start:end] == "Clinton and Trump in dead heat heading into first debate"
    assert speaker_label(text, start) == (0, 4)
    assert headline_claim("UPDATE: Trump spoke later on Monday\n", 0, 35) is None
    assert headline_claim("Poll: Clinton leads\n", 0, 19) is None      # too short to be a claim
    breaking = "Breaking: Federal Judge Just Gave Clinton Bad News\n"
    assert headline_claim(breaking, 0, len(breaking) - 1) is None      # a kicker, not a source


def test_a_headline_claim_ends_at_its_standfirst_and_may_name_an_addressee():
    text = "Khans: Trump stirs 'ugliness' in the campaign; \nMuslim couple cope with sudden fame.\n\nThey spoke.\n"
    start, end = headline_claim(text, 0, text.index("\n\n"))
    assert text[start:end] == "Trump stirs 'ugliness' in the campaign"
    text = "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.\n\nShe spoke on Friday.\n"
    start, end = headline_claim(text, 0, text.index("\n"))
    assert text[start:end] == "Trump will reverse Roe v. Wade."
    assert speaker_label(text, start) == (0, len("Clinton to Planned Parenthood"))


def test_a_closing_mark_that_opens_a_line_opens_a_quotation():
    assert spans('Readers wrote in.\n”We will not back down, not this year.” ― Maria Lopez\n') == [
        "”We will not back down, not this year.”"]


def test_three_apostrophes_close_a_nested_phrase_and_then_the_quotation():
    text = "''I would use the word 'old-school,''' said Maria Lopez, who runs the ward.\n"
    assert spans(text) == ["''I would use the word 'old-school,'''"]
