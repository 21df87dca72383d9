"""Attribution routes on small adversarial articles: inversion, appositives, according to,
colon introductions, split quotes, continuing speakers and pronouns, titles and party tags
between a quotation and its cue, time words after the cue, a byline after a paragraph break, dash bylines,
the nearest of two cues, a participle after a verb that is not a cue (past a gerund, an infinitive,
"before"), a second report after a comma, a subject before a participle phrase, "9/11 widow",
"X made the following comment:", a noun phrase object ("noted the shortage of …"), an attribution inside a report ("The wards,
X said, would …"), ", saying her …", "who said …", a "that" clause ending in a quotation,
a participle after the thing a clause is about ("released a report showing …"), "by saying",
a participle in a name ("retired nurse X said"), a quoted title after a preposition, where the
writer takes over from a report (", as …", ", prompting …", a closing appositive, "in a letter",
another attribution before a quotation), "and nurses complained …", "according to statistics",
the nearer of two naming verbs ("a hastily called meeting … a statement calling …"), a time
between subject and cue ("just this month announced", "released in late August warned"), a
transcript's turns ("SMITH: …"), an aside in dashes after an appositive ("X, the leader of Y --
which … -- told"), "that" as a determiner ("declined that assignment and …"), a plural possessive
("the nurses' union"), a participle in an appositive ("the presumed favorite"), the writer's
words after a quoted phrase (', implicitly blaming …') and an addressee before a time ("told
nurses this week she …"), "as the board met …", " - a rare gesture", '"…" and kept going' and the object of a verb like "criticized" that quotes
('criticized the board as a "disgrace"': all of it; a naming verb keeps to a single quoted word
only about figures), a
headline in title case ("Maria Lopez Says Ward Will Close …"), a person as the object of a verb
like "accused" ("accused John Smith of closing …"; a thing there is no quotation), a report that
ends its sentence with a colon ("… at once:" and the next sentence), a quoted section heading
("'Legend of the Night Shift.'"), a subject with an appositive before the cue ("X, the union
leader, bemoaned …": not an inverted attribution), a report in an opening clause ("While she
admitted …, X said …"), a participle modifying a noun in an object ("95 retired nurses") and
"in" after an object: where it was said ("in a letter") is the writer's, anything else is said,
"called for" with a noun phrase ("called for the reopening of the ward") and a plural possessive
before the cue ("the Court of Appeals’ board says …": no quotation ends there), and an aside in
dashes before the verb of a report ("said nurses and porters - day staff and night staff - would …")
a participle phrase after the subject ("X, speaking after the meeting, cited …": no inversion) and a
quotation that goes on after its attribution ('"…," X said, but "…"'), and a reported subject with
two verbs before its own ("said plans to hire nurses and open the ward would cost …"), and a place
between the cue and its "that" ("said at a meeting in the town hall on Monday, that …"), and
"called on" with a quotation in its object (the whole object, not only the quoted words), and a
participle after an object and a time ("sent letters early Friday saying …": the sender's), and an
inverted speaker with a possessive and a name beside it ("said their leader at the hospital, X": X),
"X went on to say, “…”" and '… said on "Ward Watch," adding, "…"' (the quoted title's comma sets the
participle off), a digest's "Heading - X: “…”" and "Stated X:" before a quotation. Also:
- a participle after an attribution set off by commas (", X said, adding, “…”": the writer's),
  but not a gerund the rest is about ("Closing the ward, X said, would cost …");
- a gerund opening a report attributed after it ("Finding nurses is harder than ever, X said");
- "according to X" between a report's subject and its verb (the whole sentence);
- "but did not suggest …" after a report (a report of its own);
- a participle of the writer's after a quotation's cue ('"…?" X asked, looking far from pleased');
- "That said, …"; ", even though …" (the writer's);
- a noun phrase object opening with a possessive ("announced his endorsement of …");
- a quantifier as the subject ("Most said …": a speaker, not a report without one);
- "has since said" (an adverb the tagger may call a conjunction);
- when after a noun phrase object ending the sentence ("endorsed X last week", "on Friday");
- a noun phrase object after an opening phrase with a verb in it ("In a race still being
  decided, X endorsed Y"), and an opening clause after an adverb ("Ever since X endorsed Y …, …")
  or opened by "when" ("Last month, when a reporter asked X if …, she …", "And while X said …, he …");
- a long addressee ending the sentence ("…, a nurse told The Wall Street Journal.");
- a word hyphened to a particle ("said down-ballot races …") and an aside in dashes before
  "that" ("said — at the meeting — that …");
- a relative clause closing a report ("said the board had hired X, who ran the ward …") and an
  indefinite appositive after a common noun (", a swipe at …"): the writer's;
- "according to X" closing a sentence vouches for its last clause after ", and" or a closing
  ", which" clause;
- a naming verb's object with the quoted words in it ('called the closure "a grave mistake …"'),
  but a single quoted word alone ('called the closure "alarming"', as the sample's key has it);
- "hinted at" with a noun phrase (a cue and its preposition, as "called for");
- a spaced hyphen after an object that no other closes ("… - a landslide win that prompted
  their military-backed opponents …": a hyphen inside a word closes no aside);
- ", compared with …" after a report (the writer's figures beside the speaker's);
- a verb with an object of its own right after a quotation's sentence ('"unhinged." Maria Lopez
  called the statement "…"'): not the quotation's attribution;
- a report in an opening clause that holds a comma of its own ("While X said the board had hired
  John Smith, the new director, the nurses …") or follows a time ("Three years after X said …,
  the board …"): it ends before the main clause;
- ', although …' after a quoted phrase that ends the report ('was "a terrible mistake," although
  …': the writer's);
- a second gerund or infinitive joined to one in the object ("for closing the ward and cutting
  …"): still the object, not a verb of the speaker's;
- a subject with an aside in commas before the cue ("X, who ran the ward for years, said …"):
  no report before the cue, and no inverted attribution;
- a quoted title after an opening day ('Sunday on the radio show "Ward Watch," X said …'): not
  what was said, as after a preposition;
- "wrote a book …" (a thing made, not words reported);
- "found herself …" (where someone ended up), "showed up" (she came), "believes in" (trust),
  "declined 40 percent" (a fall) and "may want to …" (the writer's advice): no report;
- an attribution set off by commas after a connective only ("And yet, X says, the ward …"): the
  clause after it;
- "according to X" after an opening phrase, a colon or a word that leaves its clause to come
  ("In addition, according to X, …", "…: According to X, …", "because, according to X, …"): the
  clause after it;
- a place between the cue and a quotation after a comma ('said at a meeting …, "…"');
- what was described, when no quoted words follow ("described a day on the ward as …");
- a speaker after the cue with a relative clause ('"…," said a nurse who worked …');
- a paragraph of a few words in single straight marks ("'A long cold winter.'": a heading);
- a question word after a verb like "questioned" (a clause), a naming verb's object and what it
  is called without quoted words ("called the closure a disgrace …"), a time clause after an
  object or an infinitive (the writer's), "said when …" and "But when …, X said enough" (no
  report), a noun before an inflected noun and a verb ("Funding worries have dogged …": no cue),
  and "X, an appositive, said … and called …" (X for both);
- a naming verb's person with a single quoted word ('called John Smith a "disgrace" for closing
  …': the person, the word and the reason given, as PolNeAR marks them; so is a thing named, but
  figures named keep to the word, as the sample's key has it);
- an addressee with a phrase after it up to "that" ("told one of the nurses on the night shift
  that …") and a participle before a noun ("his recently revealed plans": no cue);
- an infinitive right after the cue, "to" and all ("agreed to lend the board …"), and a
  clause with its "that" ("pointed out that the wards were full …"), and after "urged" or
  "asked" the person with the infinitive ("urged the board to reopen the ward"), as PolNeAR
  marks them;
- a conjunction right after the cue ("who said and did …": a second verb, no report), and
  ", while" with a clause of its own after a report (the report ends there).
"""
import json

import pytest

import pipeline
from pipeline import attribute, confidence

ARTICLES = {
    "inverted": '"We will not back down," said Maria Lopez, the union leader.\n',
    "appositive": 'Maria Lopez, a nurse at the hospital, said the wards were full.\n',
    "according": 'According to Maria Lopez, the wards were full all week.\n',
    "colon": 'Maria Lopez said:\n\n"The wards were full all week and nobody came to help us."\n',
    "split": '"The wards were full," Maria Lopez said. "Nobody came."\n',
    "pronoun": 'Maria Lopez runs the ward.\n\n"We are exhausted," she said.\n',
    "continuing": '"We are exhausted," Maria Lopez said.\n\n"Nobody came to help us at all, not once."\n',
    "titles_and_party": '"We will not back down," Rep. Maria Lopez (D-Ohio), a member of the panel, said in an '
                        'interview. "Not this year, not ever."\n',
    "said_tuesday": '"We will not back down," Maria Lopez, the union leader, said Tuesday.\n',
    "dash_byline": 'Readers wrote to us about the hospital.\n“The wards were full all week and nobody came to '
                   'help.” ― Maria Lopez\n',
    "declined_to_say": 'Maria Lopez declined to say why the wards had been left without enough staff.\n',
    "adding_that": '"We will not back down," Maria Lopez said in a statement, adding that the wards were '
                   '"full to bursting."\n',
    "writers_clause": 'Maria Lopez said the wards were full, and the hospital board met on Monday to discuss it.\n',
    "writers_semicolon": 'Maria Lopez said the wards were full; the hospital board met on Monday to discuss it.\n',
    "writers_although": 'Maria Lopez said the wards were full, although the hospital board met on Monday.\n',
    "writers_even_though": 'Maria Lopez said the wards were full, even though the hospital board met on Monday.\n',
    "on_tuesday_said": 'The union leader Maria Lopez on Tuesday said the wards were full all week.\n',
    "byline_after_break": 'Maria Lopez said the wards were full.\n\n"Nobody came to help us at all, not once."\n\n'
                          'John Smith reported from the hospital.\n',
    "asked_then_said": 'Asked about the wards, Maria Lopez said, "Nobody came to help us at all, not once."\n',
    "arguing_that": 'Maria Lopez said the wards were full, arguing that the board had ignored every warning.\n',
    "saying_after_other_verb": 'In a speech at the hospital on Monday, Maria Lopez attacked the board for its cuts, '
                               'saying, "Nobody came to help us at all, not once."\n',
    "said_colon": 'Said Maria Lopez: "Nobody came to help us at all, not once."\n',
    "gerund_then_participle": 'Maria Lopez, a nurse at the hospital, poked at the board\'s persistent dithering during '
                              'the meeting, tweeting, "Nobody came to help us at all, not once."\n',
    "before_asking": 'Maria Lopez waved to the crowd before asking, "Where do we go from here, all of us?"\n',
    "infinitive_then_participle": 'Maria Lopez implored the board to reopen the ward, arguing that nobody had come '
                                  'to help.\n',
    "marching_through": 'Maria Lopez marching through the streets chanted, "We will not back down, not this year."\n',
    "numbered_title": '"We will not back down, not this year," said 9/11 widow Maria Lopez.\n',
    "adverb_before_cue": 'Maria Lopez wrote to the board.\n\n"We will not back down, not this year," she further '
                         'wrote.\n',
    "following_comment": 'On July 6, 2015, Maria Lopez made the following comment: "Nobody came to help us at all, '
                         'not once."\n',
    "and_said_after_opening": 'In the spring, when the board met, Maria Lopez laughed and said, "Nobody came to help '
                              'us at all, not once."\n',
    "noun_phrase_object": 'Maria Lopez noted the shortage of nurses on the night shift at the hospital.\n',
    "cue_learned_from_train": 'Maria Lopez condemned the decision to close the ward during the coldest weeks of '
                              'winter.\n',
    "nearer_cue_governs": 'Following a hastily called meeting, Maria Lopez issued a statement calling the closure '
                          '"a grave mistake" for the town.\n',
    "time_before_the_cue": 'Maria Lopez just this month announced that the ward would close in winter.\n',
    "time_after_a_participle": 'A report by Maria Lopez released in late August warned that the ward would close in '
                               'winter.\n',
    "dashed_aside": '"We will not back down, not this year," Maria Lopez, the leader of the nurses\' union -- which '
                    'has 900 members -- told reporters.\n',
    "cue_form_learned_from_train": 'Maria Lopez pointed out that the wards were full all week.\n',
    "doubled_consonant": 'Maria Lopez slammed the board for its decision to close the ward in winter.\n',
    "split_by_attribution": 'The board met on Monday to discuss the winter.\n\nThe wards, Maria Lopez said, would be '
                            'full all winter unless the board hires more nurses.\n',
    "split_then_as_said": 'The board met on Monday to discuss the winter.\n\nThe wards, Maria Lopez said, are full '
                          'every winter, as the nurses said in June.\n',
    "saying_is_not_inverted": 'Maria Lopez wrote to the board in August, saying her "ward was full all week."\n',
    "floating_quantifier": 'The board met on Monday.\n\nRep. Ann Lee (R-Ohio) and Sen. Maria Lopez (D-Ohio) both said '
                           'the wards were full all week.\n',
    "participle_after_a_thing": 'Maria Lopez released a report this week showing that the wards were full all '
                                'winter.\n',
    "that_takes_in_a_quotation": 'Maria Lopez added that most of the nurses seem tired, which is a problem because, '
                                 '“In the end, we need them all.”\n',
    "relative_that_before_a_quotation": 'Asked to describe the rota that caused the shortage, Maria Lopez said, '
                                        '"Not going to go into that."\n',
    "by_saying": 'Maria Lopez began the meeting by saying the wards were "full to bursting" all week.\n',
    "participle_in_the_attribution": 'The board "ignored every warning we gave them all winter," retired nurse Maria '
                                     'Lopez said.\n',
    "title_after_a_preposition": 'In an interview on "Ward Watch," Maria Lopez said the wards were full all week.\n',
    "subject_pronoun": 'Maria Lopez said she plans to visit the ward and meet the nurses this week.\n',
    "as_after_the_attribution": 'The wards were full all week, Maria Lopez said on Monday, as the board met in '
                                'the hall.\n',
    "participle_of_the_writer": 'Maria Lopez said the wards were full all week, prompting the board to meet on '
                                'Monday.\n',
    "closing_appositive": 'Maria Lopez said she had written to John Smith, the chairman of the board.\n',
    "demonstrative_that": 'Maria Lopez declined that assignment and has since left the hospital.\n',
    "plural_possessive": "Maria Lopez agreed to lend the board $5 million, and the nurses' union also stepped in with "
                         "money.\n",
    "participle_in_an_appositive": 'Maria Lopez said she did not support John Smith, the presumed favorite of the '
                                   'board.\n',
    "writer_after_a_quoted_phrase": 'Maria Lopez said the board was "a disgrace" to the town, implicitly blaming its '
                                    'chairman for the closure.\n',
    "addressee_then_time": 'Maria Lopez told African-American nurses this week she would "never" give up.\n',
    "as_clause_after_the_object": 'Maria Lopez condemned the closure of the ward as the board met in secret on '
                                  'Monday.\n',
    "hyphen_after_the_object": 'Maria Lopez thanked the nurses for their work - a rare gesture from the union '
                               'leader.\n',
    "quoted_words_in_an_object": 'Maria Lopez criticized the board as a "disgrace to the town" in a letter on '
                                 'Monday.\n',
    "headline": 'Maria Lopez Says Ward Will Close Before the Winter\n\nThe board met on Monday.\n',
    "person_object": 'Maria Lopez accused John Smith of closing the ward in secret.\n',
    "colon_at_the_end": 'Maria Lopez noted that three things are happening at once:\n\nThe wards are full, the nurses '
                        'are tired and the board has gone.\n',
    "adjunct_after_the_object": 'Maria Lopez condemned the closure of the ward in a letter on Monday.\n',
    "in_after_the_object": 'Maria Lopez condemned the closure of the ward in the middle of winter.\n',
    "medium_after_the_object": 'Maria Lopez attacked the board in early-morning tweets.\n',
    "month_after_the_object": 'Maria Lopez endorsed the plan in July and the budget on Friday.\n',
    "belief": 'Maria Lopez believes the ward will close before the winter.\n',
    "called_for": 'Maria Lopez called for the reopening of the ward.\n',
    "description_then_name": '"We will not back down," said their leader at the hospital, Maria Lopez, who has '
                             'worked there for years.\n',
    "adding_after_a_title": '"We will not back down," Maria Lopez said on "Ward Watch," adding, "Not this year, not '
                            'ever."\n',
    "digest_heading": 'The board met on Monday.\n\nNurses are tired - Maria Lopez: “The wards have been full all '
                      'week.”\n',
    "fronted_cue_and_colon": 'The board met on Monday.\n\nStated Maria Lopez:\n\n“The wards have been full all week.”\n',
    "has_since_said": 'The board met on Monday. Maria Lopez had praised the plan but has since said the ward must '
                      'close.\n',
    "went_on_to_say": 'Maria Lopez went on to say, “The wards have been full all week.”\n',
    "participle_after_a_time": 'Maria Lopez sent a series of letters early Friday saying the ward would close.\n',
    "called_on_with_a_quotation": 'Maria Lopez called on the board to "reopen the ward at once" and to hire more '
                                  'nurses.\n',
    "place_before_that": 'Maria Lopez said at a meeting in the town hall on Monday, that the ward would close.\n',
    "coordinated_subject": 'Maria Lopez said plans to hire nurses and open the ward would cost the board nothing.\n',
    "said_but": '"We will not back down," Maria Lopez said, but "the board has the last word on the ward."\n',
    "participle_after_the_subject": 'Maria Lopez, speaking after the meeting, cited problems on the night shift.\n',
    "aside_in_the_subject": 'Maria Lopez said nurses and porters - day staff and night staff - would strike on '
                            'Monday.\n',
}
# Reports whose exact span the tests below check, whoever the speaker.
SPANS = {
    "report_then_reply": 'Maria Lopez said the wards were full all week, and when asked about the board, John Smith '
                         'replied, "Nobody came to help us at all, not once."\n',
    "relative_clause_in_a_report": 'The nurses, who asked the board to reopen the ward, worked all week, lawyers for '
                                   'the family said.\n',
    "statistics": 'The wards were full all week, according to hospital statistics.\n',
    "according_aside": "According to Maria Lopez, the hospital's chief nurse, the wards were full all week.\n",
    "name_in_the_aside": "The board met on Monday. And a third, Maria Lopez, said that the wards were full all "
                         "week.\n",
    "quick_to_add": "The board met on Monday. Maria Lopez was quick to add that the wards were full all week.\n",
    "very_quick_to_add": "The board met on Monday. The nurses were very quick to add that the wards were full "
                         "all week.\n",
    "then_says": "The board met on Monday. Maria Lopez jokingly offered the man a job as a porter, then says the "
                 "wards were full all week.\n",
    "transcript": 'Maria Lopez spoke to John Smith on Sunday.\n\n"SMITH: Will the ward close this winter?\n\n'
                  '"LOPEZ: Not this year. We will not back down.\n\n"And nobody has asked us.\n\n'
                  '"SMITH: Thank you, Mrs. Lopez, and good luck to all of the nurses this winter.\n',
    "and_after_a_quotation": 'Maria Lopez and the nurses chanted "What closure?" and kept going until nearly 2 a.m.\n',
    "and_another_report": 'Maria Lopez said the wards were full all week and nurses complained that nobody came to '
                          'help.\n',
    "possessive_before_the_cue": 'The nurses’ complaint to the Court of Appeals’ board says the ward closed in secret.\n',
    "quoted_heading": 'Maria Lopez said the wards were full all week.\n\n\'Legend of the Night Shift.\'\n\n"Nobody came '
                      'to help us at all, not once," she said.\n',
    "appositive_subject": 'Maria Lopez, the union leader, bemoaned the closure of the ward in winter.\n',
    "fronted_clause": 'While she admitted the ward was full, Maria Lopez said the board had done its best.\n',
    "fronted_phrase": 'In a letter announcing the closure, the union of nurses said the board had lied.\n',
    "participle_modifier": 'Maria Lopez unveiled a list of 95 retired nurses -- most of whom had worked on the ward '
                           '-- at the meeting.\n',
    "participle_after_a_split": 'The wards will close next week, Maria Lopez said, adding, "We will not back down."\n',
    "gerund_before_the_attribution": 'The board met on Monday. Finding nurses for the night shift is harder than '
                                     'ever, Maria Lopez said.\n',
    "according_before_the_verb": 'The board met on Monday. The worst problem on the ward, according to Maria Lopez, is '
                                 'the lack of nurses at night.\n',
    "but_another_report": 'The board met on Monday. Maria Lopez said the wards were full all week but did not '
                          'suggest the board was to blame.\n',
    "participle_after_a_quotation": '"Will the ward close?" Maria Lopez asked, looking far from pleased. "Not this '
                                    'winter."\n',
    "possessive_object": 'The board met on Monday. John Smith announced his endorsement of Maria Lopez for the '
                         'board.\n',
    "quantifier": 'The nurses met the board on Monday. Most said the wards were full all week.\n',
    "time_after_the_object": 'The board met on Monday. John Smith endorsed Maria Lopez last week.\n',
    "day_after_the_object": 'The board met on Monday. John Smith endorsed Maria Lopez on Friday.\n',
    "fronted_phrase_then_object": 'The board met on Monday. In a race still being decided, John Smith endorsed Maria '
                                  'Lopez.\n',
    "adverb_before_a_fronted_clause": 'The board met on Monday. Ever since John Smith endorsed Maria Lopez this '
                                      'month, the board has been split.\n',
    "when_clause": 'The board met on Monday. When John Smith said the wards were full all week, the board laughed at '
                   'him.\n',
    "when_clause_after_a_phrase": 'The board met on Monday. Last month, when a reporter asked Maria Lopez if the ward '
                                  'would close, she looked away.\n',
    "conjunction_before_a_fronted_clause": 'The board met on Monday. And while John Smith said the wards were full '
                                           'all week, he did not blame the nurses.\n',
    "conjunction_after_a_comma": 'The nurses booed, and when Maria Lopez said the ward would close next month, a man '
                                 'walked out of the room.\n',
    "speaker_with_a_relative_clause": 'Maria Lopez runs the ward.\n\n"Nobody came to help us at all," said a nurse '
                                      'who worked on the ward for years.\n',
    "described_without_quoted_words": 'The board met on Monday. Maria Lopez described a day on the ward as the '
                                      'hardest of her life.\n',
    "according_after_a_conjoined_clause": 'The board met on Monday. The ward closed in March, and the nurses moved '
                                          'to the town hospital, according to Maria Lopez.\n',
    "according_after_a_relative_clause": 'The board met on Monday. The board voted to close the ward, which had '
                                         'served the town for forty years, according to Maria Lopez.\n',
    "naming_verb_with_quoted_words": 'The board met on Monday. Maria Lopez called the closure of the ward "a '
                                     'grave mistake for the town."\n',
    "naming_verb_with_a_quoted_word": 'The board met on Monday. Maria Lopez called the closure "alarming" and left '
                                      'the room.\n',
    "naming_figures_with_a_quoted_word": 'The board met on Monday. Maria Lopez called the figures "alarming" and '
                                         'left the room.\n',
    "hinted_at": 'The board met on Monday. Maria Lopez hinted at the closure of the ward in the winter.\n',
    "hyphen_in_a_word_after_the_object": 'The board met on Monday. Maria Lopez predicted a victory for the nurses - '
                                         'a landslide win that prompted their military-backed opponents to resign.\n',
    "compared_with_after_a_report": 'The board met on Monday. Most nurses said the ward should stay open, compared '
                                    'with 30 percent of the porters.\n',
    "object_after_a_quotation": 'The board met on Monday. John Smith called the board "unhinged." Maria Lopez '
                                'called the statement "offensive and outlandish."\n',
    "appositive_in_a_fronted_clause": 'The board met on Monday. While Maria Lopez said the board had hired John '
                                      'Smith, the new director, the nurses walked out.\n',
    "time_before_a_fronted_clause": 'The board met on Monday. Three years after Maria Lopez said the ward would close, '
                                    'the board reopened it.\n',
    "although_after_a_quoted_phrase": 'The board met on Monday. Maria Lopez said the closure was "a terrible '
                                      'mistake," although she still supports the board.\n',
    "parallel_gerunds_in_the_object": 'The board met on Monday. Maria Lopez criticized John Smith for closing the '
                                      'ward and cutting the pay of the nurses.\n',
    "relative_clause_after_the_subject": 'The board met on Monday. Maria Lopez, who ran the ward for years, said '
                                         'the board\'s plans "would close the ward in winter."\n',
    "time_before_a_quoted_title": 'The board met on Monday. Sunday on the radio show "Ward Watch," Maria Lopez '
                                  'said the nurses were tired.\n',
    "found_oneself": 'The board met on Monday. Maria Lopez once again found herself embroiled in the row over '
                     'the ward.\n',
    "may_want_to": 'The board met on Monday. The nurses may want to stay at home next week.\n',
    "showed_up": 'The board met on Monday. Maria Lopez showed up in the flesh after driving all night from the '
                 'town.\n',
    "believes_in": 'The board met on Monday. Maria Lopez believes in the nurses and the work they do on the '
                   'ward.\n',
    "wrote_a_book": 'The board met on Monday. Maria Lopez wrote a book about the ward in the winter.\n',
    "declined_by_a_number": 'The board met on Monday. The number of nurses on the ward declined 40 percent in the '
                            'first six months of this year.\n',
    "connective_before_a_split": 'The board met on Monday. And yet, Maria Lopez says, the ward will stay open all '
                                 'winter.\n',
    "according_after_an_opening_phrase": 'The board met on Monday. In addition, according to Maria Lopez, the '
                                         'nurses would strike on Monday.\n',
    "according_after_a_colon": 'The board met on Monday. And it has not gone unnoticed: According to Maria Lopez, '
                               'the nurses would strike on Monday.\n',
    "according_after_because": 'The board met on Monday. The nurses will strike because, according to Maria Lopez, '
                               'the board has lied to them.\n',
    "place_before_a_quotation": 'The board met on Monday. Maria Lopez said at a meeting in the town hall on Monday, '
                                '"Nobody came to help us at all."\n',
    "long_addressee_at_the_end": 'The board met on Monday. The wards were full all week, a nurse told The Wall '
                                 'Street Journal.\n',
    "hyphenated_particle": 'The board met on Monday. Maria Lopez said down-ballot races would decide the board.\n',
    "aside_before_that": 'The board met on Monday. Maria Lopez said — at the meeting, as it happens — that the ward '
                         'would close.\n',
    "one_that_after_a_report": 'Maria Lopez said there is a fierce debate about the ward, one that will dominate the '
                               'board meeting next month.\n',
    "while_a_number_said": 'Maria Lopez said six in 10 nurses work nights, while nine in 10 said the board had '
                           'failed them.\n',
    "relative_clause_after_a_report": 'The board met on Monday. Maria Lopez said the board had hired John Smith, who '
                                      'ran the ward for years.\n',
    "single_quoted_heading": 'Maria Lopez said the wards were full all week.\n\n\'A long cold winter.\'\n\n"Nobody '
                             'came to help us at all," she said.\n',
    "indefinite_appositive": 'The board met on Monday. Maria Lopez said the board would close the ward, a swipe at '
                             'the town council.\n',
    "gerund_after_a_split": 'The board met on Monday. Closing the ward, Maria Lopez said, would cost the town its only '
                            'hospital.\n',
    "question_word_after_an_object_verb": 'The board met on Monday. Maria Lopez questioned whether the board had seen '
                                          'the report at all.\n',
    "naming_verb_without_quoted_words": 'The board met on Monday. Maria Lopez called the closure a disgrace to the '
                                        'town.\n',
    "time_clause_after_an_object": 'The board met on Monday. Maria Lopez noted the shortage of nurses when she '
                                   'visited the ward.\n',
    "time_clause_after_an_infinitive": 'The board met on Monday. Maria Lopez urged the board to reopen the ward after '
                                       'the nurses went on strike.\n',
    "time_clause_after_said": 'The board met on Monday. That was what Maria Lopez said when she left the hospital in '
                              'the spring.\n',
    "fronted_clause_after_a_conjunction": 'The board met on Monday. But when the board cut the funding for the ward, '
                                          'the town said enough.\n',
    "noun_before_an_inflected_noun": 'The board met on Monday. Funding worries have dogged the ward since the '
                                     'spring.\n',
    "naming_a_person_with_a_quoted_word": 'The board met on Monday. Maria Lopez called John Smith a "disgrace" for '
                                          'closing the ward, and left.\n',
    "naming_a_titled_person_with_a_quoted_word": 'The board met on Monday. Maria Lopez described hospital chief '
                                                 'executive John Smith as a "disgrace" and left.\n',
    "long_addressee_before_that": 'The board met on Monday. Maria Lopez told one of the nurses on the night shift '
                                  'that the ward would close.\n',
    "participle_before_a_noun": 'The board met on Monday. The nurses discussed his recently revealed plans for the '
                                'ward.\n',
    "while_another_report": 'The board met on Monday. Most nurses said the ward should stay open, while the porters '
                            'said it should close.\n',
    "said_and_did": 'The board met on Monday. The nurses thanked Maria Lopez, who said and did the same things as '
                    'them.\n',
    "and_after_a_name_and_appositive": 'The board met on Monday. Lopez, a nurse at the ward, said the board had '
                                       'lied and called it a disgrace to the town.\n',
}
# A verb whose object is a thing reports speech only with a clause or a quotation.
NOT_REPORTED = {"thing_object": 'Maria Lopez criticised the lack of nurses on the night shift at the hospital.\n',
                "that_said": 'The board met on Monday. That said, the wards were full all week and the nurses were '
                             'tired.\n'}
# A relative clause after a quotation reports forward, not the quotation.
RELATIVE = {"relative_who": 'She spoke on "Ward Watch" with Maria Lopez who said the wards were full all week.\n'}
# First-person narration: the writer, not the last person named.
NARRATED = {"first_person": 'Maria Lopez runs the ward.\n\nIn the spring, when the board met, I laughed and said, '
                            '"Nobody came to help us at all, not once."\n'}


def _built(folder, articles: dict[str, str]):
    """The quotes table of a build of these articles (doc_id → text)."""
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps({"doc_id": k, "text": v}) + "\n" for k, v in articles.items()))
    pipeline.build([path], folder / "out")
    return pipeline.load_quotes(folder / "out")


@pytest.fixture(scope="module")
def quotes(tmp_path_factory):
    return _built(tmp_path_factory.mktemp("attribution"),
                  {**ARTICLES, **NARRATED, **NOT_REPORTED, **RELATIVE, **SPANS})


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The same articles with every quotation the rules find, before the confidence stage
    drops the unlikely ones: where a report ends is the rules' work, and a short report such as
    "endorsed Maria Lopez last week" sits near the learned threshold. (The attribution tagger's
    quotations, PolNeAR's wider notion of a report, are left out: see test_tagged.py.)"""
    model = {**confidence._model(), "threshold": 0.0}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(confidence, "_model", lambda tagged=True: model)
        found = _built(tmp_path_factory.mktemp("reports"), {**ARTICLES, **SPANS})
    return found[found.attribution != "tagger"]


def _only(quotes, doc_id):
    rows = quotes[quotes.doc_id == doc_id]
    assert len(rows) >= 1, doc_id
    return rows


@pytest.mark.parametrize("doc_id", list(ARTICLES))
def test_every_quote_goes_to_maria_lopez(reports, doc_id):
    # (the rules' quotations before the confidence stage: each route must reach her even where
    # the learned threshold then drops the quotation, as it does split_then_as_said's at 0.58)
    rows = _only(reports, doc_id)
    assert set(rows.speaker_short) == {"Lopez"}, rows[["quote_text", "speaker_mention", "speaker"]]


def test_routes_are_recorded(quotes):
    how = dict(zip(quotes.doc_id, quotes.attribution))
    assert how["pronoun"] == "pronoun"
    assert how["colon"] == "colon"
    assert how["dash_byline"] == "byline"
    assert set(quotes[quotes.doc_id == "continuing"].attribution) == {"name", "continuation"}


def test_types(quotes):
    kinds = dict(zip(quotes.doc_id, quotes.quote_type.astype(str)))
    assert kinds["inverted"] == "direct" and kinds["appositive"] == "indirect" and kinds["according"] == "indirect"


def test_participle_takes_the_main_verbs_speaker(quotes):
    rows = quotes[(quotes.doc_id == "adding_that") & quotes.quote_text.str.contains("full to bursting")]
    assert list(rows.speaker_short) == ["Lopez"], quotes[quotes.doc_id == "adding_that"]


@pytest.mark.parametrize("doc_id", ["writers_clause", "writers_semicolon", "writers_although", "writers_even_though"])
def test_a_clause_of_the_writers_own_is_not_reported_speech(quotes, doc_id):
    assert list(quotes[quotes.doc_id == doc_id].quote_text) == ["the wards were full"]


def test_a_participle_report_after_a_comma_is_a_second_quotation(quotes):
    assert sorted(quotes[quotes.doc_id == "arguing_that"].quote_text) == [
        "that the board had ignored every warning", "the wards were full"]


def test_first_person_narration_is_the_author(quotes):
    rows = quotes[quotes.doc_id == "first_person"]
    assert list(rows.speaker_mention) == ["I"] and list(rows.speaker) == [attribute.AUTHOR], rows


def test_a_noun_phrase_object_is_what_was_said(quotes):
    assert list(quotes[quotes.doc_id == "noun_phrase_object"].quote_text) == [
        "the shortage of nurses on the night shift at the hospital"]
    assert list(quotes[quotes.doc_id == "cue_learned_from_train"].cue) == ["condemned"]
    assert list(quotes[quotes.doc_id == "cue_form_learned_from_train"].quote_text) == [
        "that the wards were full all week"]


def test_a_second_verb_after_a_name_and_its_appositive_has_the_name_for_subject(quotes):
    rows = quotes[quotes.doc_id == "and_after_a_name_and_appositive"]
    assert sorted(rows.quote_text) == ["it a disgrace to the town", "the board had lied"], rows
    assert set(rows.speaker_mention) == {"Lopez"}, rows


def test_a_conjunction_after_the_cue_joins_a_second_verb(reports):
    # ("who said and did the same things": no report after "said"; "thanked Maria Lopez" is one)
    assert _texts(reports, "said_and_did") == ["Maria Lopez"]


def test_while_with_a_clause_of_its_own_ends_a_report(reports):
    assert _texts(reports, "while_another_report") == ["it should close", "the ward should stay open"]


def test_a_thing_criticised_is_not_a_quotation(quotes):
    assert quotes[quotes.doc_id == "thing_object"].empty


@pytest.mark.parametrize("doc_id", ["found_oneself", "may_want_to", "declined_by_a_number", "showed_up",
                                    "believes_in", "time_clause_after_said", "fronted_clause_after_a_conjunction",
                                    "noun_before_an_inflected_noun"])
def test_an_idiom_is_no_report(reports, doc_id):
    # ("found herself embroiled in …": where she ended up; "may want to stay at home": the writer's
    # advice; "declined 40 percent": a fall; "showed up": she came; "believes in the nurses": trust;
    # "said when she left …", "But when the board cut …, the town said enough": the writer's time;
    # "Funding worries have dogged …": a noun, not a verb)
    assert reports[reports.doc_id == doc_id].empty


def test_a_thing_written_is_no_report(reports):
    assert reports[reports.doc_id == "wrote_a_book"].empty     # she made a book; no words of hers are reported


def test_that_said_is_the_writers_even_so(quotes):
    assert quotes[quotes.doc_id == "that_said"].empty


def test_an_attribution_inside_a_report_keeps_the_whole_report(quotes):
    assert list(quotes[quotes.doc_id == "split_by_attribution"].quote_text) == [
        "The wards, Maria Lopez said, would be full all winter unless the board hires more nurses"]


def test_a_participle_report_is_never_an_inverted_attribution(quotes):
    rows = quotes[quotes.doc_id == "saying_is_not_inverted"]
    assert [(q.startswith('her "ward was full all week'), s) for q, s in zip(rows.quote_text, rows.speaker)] == [
        (True, "Maria Lopez")]


def test_who_said_reports_what_follows(quotes):
    # (the tagger also reports the show she spoke on, '"Ward Watch"': see test_tagged.py)
    rows = quotes[(quotes.doc_id == "relative_who") & (quotes.attribution != "tagger")]
    assert list(rows.quote_text) == ["the wards were full all week"]


def test_a_speaker_after_the_cue_may_carry_a_relative_clause(quotes):
    rows = quotes[quotes.doc_id == "speaker_with_a_relative_clause"]
    assert list(zip(rows.quote_text, rows.speaker_mention)) == [('"Nobody came to help us at all,"', "a nurse")]


def test_a_that_clause_takes_in_the_quotation_it_ends_with(quotes):
    rows = quotes[quotes.doc_id == "that_takes_in_a_quotation"]
    assert list(zip(rows.quote_type.astype(str), rows.quote_text)) == [
        ("mixed", "that most of the nurses seem tired, which is a problem because, “In the end, we need them all.”")]
    rows = quotes[(quotes.doc_id == "relative_that_before_a_quotation") & (quotes.attribution != "tagger")]
    assert list(zip(rows.quote_type.astype(str), rows.quote_text)) == [("direct", '"Not going to go into that."')]


def _texts(quotes, doc_id):
    return sorted(quotes[quotes.doc_id == doc_id].quote_text)


def test_a_cue_with_an_object_after_a_quotation_is_no_trailing_attribution(reports):
    # ('"unhinged." | Maria Lopez called …': the splitter's cut after a quotation does not make
    # "Maria Lopez called" its attribution when the verb has an object of its own)
    assert _texts(reports, "object_after_a_quotation") == ['the board "unhinged."', 'the statement "offensive and outlandish."']


def test_an_aside_after_the_subject_is_no_report(reports):
    # ("Maria Lopez, who ran the ward for years, said …": the subject, not a report before an
    # inverted attribution to "the board's plans")
    rows = reports[reports.doc_id == "relative_clause_after_the_subject"]
    assert list(rows.speaker_mention) == ["Maria Lopez"]
    assert not any("who ran the ward" in text for text in rows.quote_text)


def test_a_participle_after_by_reports_for_the_subject(quotes):
    assert _texts(quotes, "by_saying") == ['the wards were "full to bursting" all week']


def test_a_participle_before_the_name_stays_in_the_attribution(quotes):
    rows = quotes[quotes.doc_id == "participle_in_the_attribution"]
    assert list(zip(rows.quote_type.astype(str), rows.quote_text)) == [
        ("mixed", 'The board "ignored every warning we gave them all winter,"')]


def test_a_quoted_title_after_a_preposition_is_not_the_report(quotes):
    assert _texts(quotes, "title_after_a_preposition") == ["the wards were full all week"]


def test_a_subject_pronoun_starts_a_clause_that_runs_on(quotes):
    assert _texts(quotes, "subject_pronoun") == ["she plans to visit the ward and meet the nurses this week"]


@pytest.mark.parametrize("doc_id", ["as_after_the_attribution", "participle_of_the_writer"])
def test_the_writer_goes_on_after_the_report(quotes, doc_id):
    assert _texts(quotes, doc_id) == ["the wards were full all week" if doc_id != "as_after_the_attribution"
                                      else "The wards were full all week"]


def test_a_participle_after_an_attribution_in_commas_is_the_writers(quotes):
    assert _texts(quotes, "participle_after_a_split") == ['"We will not back down."', "The wards will close next week"]
    assert _texts(quotes, "gerund_after_a_split") == [
        "Closing the ward, Maria Lopez said, would cost the town its only hospital"]


def test_a_participle_after_a_quotations_cue_is_the_writers(quotes):
    rows = quotes[quotes.doc_id == "participle_after_a_quotation"]
    assert sorted(zip(rows.quote_text, rows.speaker_short)) == [
        ('"Not this winter."', "Lopez"), ('"Will the ward close?"', "Lopez")]


def test_an_appositive_closing_a_report_is_the_writers(quotes):
    assert _texts(quotes, "closing_appositive") == ["she had written to John Smith"]
    assert _texts(quotes, "indefinite_appositive") == ["the board would close the ward"]


def test_where_and_when_after_a_noun_phrase_object_are_the_writers(quotes):
    assert _texts(quotes, "adjunct_after_the_object") == ["the closure of the ward"]


def test_where_and_when_after_an_object_are_the_writers(reports):
    """A medium however long its noun phrase ("in early-morning tweets"), or a month or a year
    after "in" as after "on": what the speaker attacked or endorsed ends before it."""
    assert _texts(reports, "medium_after_the_object") == ["the board"]
    assert "the plan" in _texts(reports, "month_after_the_object")


def test_a_report_in_an_opening_clause_ends_before_the_main_clause(reports):
    assert _texts(reports, "fronted_clause") == ["the board had done its best", "the ward was full"]
    assert _texts(reports, "adverb_before_a_fronted_clause") == ["Maria Lopez this month"]
    assert _texts(reports, "when_clause") == ["the wards were full all week"]
    assert _texts(reports, "when_clause_after_a_phrase") == ["if the ward would close"]
    assert _texts(reports, "conjunction_before_a_fronted_clause") == ["the wards were full all week"]
    assert _texts(reports, "conjunction_after_a_comma") == ["the ward would close next month"]
    assert _texts(reports, "fronted_phrase") == ["the board had lied", "the closure"]


def test_beliefs_are_extracted_and_marked_unless_turned_off(quotes, tmp_path):
    rows = quotes[quotes.doc_id == "belief"]
    assert list(zip(rows.quote_text, rows.speaker, rows.belief)) == [
        ("the ward will close before the winter", "Maria Lopez", True)]
    assert not quotes[quotes.doc_id == "noun_phrase_object"].belief.any()
    path = tmp_path / "belief.jsonl"
    path.write_text(json.dumps({"doc_id": "belief", "text": ARTICLES["belief"]}) + "\n")
    pipeline.build([path], tmp_path / "out", beliefs=False)
    assert pipeline.load_quotes(tmp_path / "out").empty


def test_a_quotation_goes_on_after_its_attribution_and_but(quotes):
    assert _texts(quotes, "said_but") == ['"We will not back down,"', '"the board has the last word on the ward."']


def test_a_quoted_heading_is_no_quotation(quotes):
    assert _texts(quotes, "quoted_heading") == ['"Nobody came to help us at all, not once,"', "the wards were full all week"]
    assert _texts(quotes, "single_quoted_heading") == ['"Nobody came to help us at all,"', "the wards were full all week"]


def test_a_report_ends_where_a_quotations_attribution_begins(quotes):
    rows = quotes[quotes.doc_id == "report_then_reply"]
    assert sorted(zip(rows.quote_text, rows.speaker_short)) == [
        ('"Nobody came to help us at all, not once."', "Smith"), ("the wards were full all week", "Lopez")]


def test_a_report_holding_a_relative_clause_with_a_cue(reports):
    rows = reports[reports.doc_id == "relative_clause_in_a_report"]
    report = rows[rows.quote_text.str.startswith("The nurses")]
    assert list(report.quote_text) == ["The nurses, who asked the board to reopen the ward, worked all week"]
    assert list(report.speaker_mention) == ["the family"]     # "family" is no adverb


def test_a_quantifier_is_a_speaker(quotes):
    rows = quotes[quotes.doc_id == "quantifier"]
    assert list(zip(rows.quote_text, rows.speaker_mention)) == [("the wards were full all week", "Most")]


def test_according_to_statistics_is_a_source(quotes):
    rows = quotes[quotes.doc_id == "statistics"]
    assert list(zip(rows.quote_text, rows.speaker_mention)) == [("The wards were full all week", "hospital statistics")]


def test_and_with_a_subject_and_a_cue_is_another_report(quotes):
    assert _texts(quotes, "and_another_report") == ["that nobody came to help", "the wards were full all week"]
    assert _texts(quotes, "but_another_report") == ["the board was to blame", "the wards were full all week"]


def test_a_transcripts_turns_go_to_the_names_before_them(quotes):
    rows = quotes[quotes.doc_id == "transcript"]
    assert list(zip(rows.quote_text, rows.speaker, rows.attribution)) == [
        ("Will the ward close this winter?", "John Smith", "transcript"),
        ('Not this year. We will not back down.\n\n"And nobody has asked us.', "Maria Lopez", "transcript"),
        ("Thank you, Mrs. Lopez, and good luck to all of the nurses this winter.", "John Smith", "transcript")]


def test_while_with_a_counted_subject_ends_a_report(reports):
    """", while nine in 10 said …": a subject with a phrase of its own still opens a clause."""
    assert _texts(reports, "while_a_number_said") == ["six in 10 nurses work nights", "the board had failed them"]


@pytest.mark.parametrize("doc_id, report", [("demonstrative_that", "that assignment"),
                                            ("plural_possessive", "to lend the board $5 million"),
                                            ("participle_in_an_appositive", "she did not support John Smith"),
                                            ("writer_after_a_quoted_phrase", 'the board was "a disgrace" to the town'),
                                            ("addressee_then_time", 'she would "never" give up'),
                                            ("as_clause_after_the_object", "the closure of the ward"),
                                            ("hyphen_after_the_object", "the nurses for their work"),
                                            ("and_after_a_quotation", '"What closure?"'),
                                            ("quoted_words_in_an_object", 'the board as a "disgrace to the town"'),
                                            ("headline", "Ward Will Close Before the Winter"),
                                            ("person_object", "John Smith of closing the ward in secret"),
                                            ("appositive_subject", "the closure of the ward in winter"),
                                            ("participle_modifier", "a list of 95 retired nurses"),
                                            ("in_after_the_object", "the closure of the ward in the middle of winter"),
                                            ("called_for", "the reopening of the ward"),
                                            ("called_on_with_a_quotation", 'the board to "reopen the ward at once" '
                                                                           'and to hire more nurses'),
                                            ("place_before_that", "that the ward would close"),
                                            ("coordinated_subject", "plans to hire nurses and open the ward would cost "
                                                                    "the board nothing"),
                                            ("participle_after_the_subject", "problems on the night shift"),
                                            ("aside_in_the_subject", "nurses and porters - day staff and night staff - "
                                                                     "would strike on Monday"),
                                            ("possessive_before_the_cue", "the ward closed in secret"),
                                            ("possessive_object", "his endorsement of Maria Lopez for the board"),
                                            ("time_after_the_object", "Maria Lopez"),
                                            ("fronted_phrase_then_object", "Maria Lopez"),
                                            ("hyphenated_particle", "down-ballot races would decide the board"),
                                            ("relative_clause_after_a_report", "the board had hired John Smith"),
                                            ("one_that_after_a_report", "there is a fierce debate about the ward"),
                                            ("aside_before_that", "that the ward would close"),
                                            ("long_addressee_at_the_end", "The wards were full all week"),
                                            ("day_after_the_object", "Maria Lopez"),
                                            ("according_after_a_conjoined_clause",
                                             "the nurses moved to the town hospital"),
                                            ("according_after_a_relative_clause",
                                             "which had served the town for forty years"),
                                            ("naming_verb_with_quoted_words",
                                             'the closure of the ward "a grave mistake for the town."'),
                                            ("naming_verb_with_a_quoted_word", 'the closure "alarming"'),
                                            ("naming_figures_with_a_quoted_word", '"alarming"'),
                                            ("long_addressee_before_that", "that the ward would close"),
                                            ("participle_before_a_noun", "his recently revealed plans for the ward"),
                                            ("naming_a_person_with_a_quoted_word",
                                             'John Smith a "disgrace" for closing the ward'),
                                            ("naming_a_titled_person_with_a_quoted_word",
                                             'hospital chief executive John Smith as a "disgrace"'),
                                            ("hinted_at", "the closure of the ward in the winter"),
                                            ("hyphen_in_a_word_after_the_object", "a victory for the nurses"),
                                            ("compared_with_after_a_report", "the ward should stay open"),
                                            ("appositive_in_a_fronted_clause", "the board had hired John Smith"),
                                            ("time_before_a_fronted_clause", "the ward would close"),
                                            ("although_after_a_quoted_phrase",
                                             'the closure was "a terrible mistake,"'),
                                            ("parallel_gerunds_in_the_object",
                                             "John Smith for closing the ward and cutting the pay of the nurses"),
                                            ("time_before_a_quoted_title", "the nurses were tired"),
                                            ("connective_before_a_split", "the ward will stay open all winter"),
                                            ("according_after_an_opening_phrase",
                                             "the nurses would strike on Monday"),
                                            ("according_after_a_colon", "the nurses would strike on Monday"),
                                            ("according_after_because", "the board has lied to them"),
                                            ("place_before_a_quotation", '"Nobody came to help us at all."'),
                                            ("described_without_quoted_words",
                                             "a day on the ward as the hardest of her life"),
                                            ("according_before_the_verb", "The worst problem on the ward, according "
                                                                          "to Maria Lopez, is the lack of nurses at night"),
                                            ("gerund_before_the_attribution",
                                             "Finding nurses for the night shift is harder than ever"),
                                            ("question_word_after_an_object_verb",
                                             "whether the board had seen the report at all"),
                                            ("naming_verb_without_quoted_words", "the closure a disgrace to the town"),
                                            ("time_clause_after_an_object", "the shortage of nurses"),
                                            ("time_clause_after_an_infinitive", "the board to reopen the ward"),
                                            ("colon_at_the_end", "that three things are happening at once:\n\nThe wards are "
                                                                 "full, the nurses are tired and the board has gone")])
def test_where_a_report_ends(reports, doc_id, report):
    assert _texts(reports, doc_id) == [report]


def test_an_aside_after_according_to_is_no_part_of_the_report(quotes):
    rows = quotes[quotes.doc_id == "according_aside"]
    assert list(zip(rows.quote_text, rows.speaker)) == [("the wards were full all week", "Maria Lopez")]


def test_a_verb_after_then_shares_the_first_verbs_subject(quotes):
    # "X offered …, then says …": the rules' report from "says" is X's (not left to the tagger)
    rows = quotes[quotes.doc_id == "then_says"]
    assert ("the wards were full all week", "Maria Lopez", "name") in set(
        zip(rows.quote_text, rows.speaker, rows.attribution)), rows


def test_an_adjective_before_to_leads_back_to_the_subject(quotes, reports):
    # "X was quick to add that …": X's report (not left to the tagger)
    rows = quotes[quotes.doc_id == "quick_to_add"]
    assert list(zip(rows.quote_text, rows.speaker, rows.attribution)) == [
        ("that the wards were full all week", "Maria Lopez", "name")], rows
    # (over adverbs: "were very quick to add")
    rows = reports[reports.doc_id == "very_quick_to_add"]
    assert list(zip(rows.quote_text, rows.speaker_mention, rows.attribution)) == [
        ("that the wards were full all week", "The nurses", "mention")], rows


def test_with_no_noun_phrase_before_an_aside_the_name_in_it_speaks(quotes):
    # "And a third, Daniel Traynor, said …" (PolNeAR train): Traynor's, by the rules' own reading
    rows = quotes[quotes.doc_id == "name_in_the_aside"]
    assert list(zip(rows.quote_text, rows.speaker, rows.attribution)) == [
        ("that the wards were full all week", "Maria Lopez", "name")], rows
