"""The attribution tagger's labels and probabilities (pipeline/attribution_tagger.py), and the
confidence stage's use of the probabilities."""
import itertools
import math

import torch
from conftest import SEED_TXT

from pipeline.attribution_tagger import LABELS, marginals, tag_sentences
from pipeline.models import attribution_models, load_attribution_tagger


def _brute_force(scores: torch.Tensor, transitions: torch.Tensor) -> torch.Tensor:
    """Marginals by summing over every tag path of one sentence."""
    steps, tags = scores.shape
    out, total = torch.zeros(steps, tags, dtype=torch.float64), 0.0
    for path in itertools.product(range(tags), repeat=steps):
        weight = math.exp(sum(scores[t, k] for t, k in enumerate(path))
                          + sum(transitions[a, b] for a, b in zip(path, path[1:])))
        total += weight
        for t, k in enumerate(path):
            out[t, k] += weight
    return out / total


def test_marginals_sum_over_every_tag_path_and_ignore_the_padding():
    generator = torch.Generator().manual_seed(0)
    scores = torch.randn(2, 4, 3, generator=generator, dtype=torch.float64) * 2
    transitions = torch.randn(3, 3, generator=generator, dtype=torch.float64) * 2
    got = marginals(scores, transitions, [4, 2])       # the second sentence is padded to 4
    assert torch.allclose(got[0], _brute_force(scores[0], transitions))
    assert torch.allclose(got[1, :2], _brute_force(scores[1, :2], transitions))
    assert (got[1, 2:] == 0).all()


SENTENCES = [s.split() for s in [
    'The NSPCC has called the numbers " alarming " , and criticised the lack of police supervision .',
    "Campaigner Sara Payne said the figures were unacceptable .",
    "The board met on Monday .",
    "Maria Lopez , the mayor , argued that the ward should stay open all winter , her office said .",
]]


def test_labels_are_stanzas_own_and_the_probabilities_agree_with_them():
    tagger = load_attribution_tagger(attribution_models()[:1])
    stanza_labels = [[t.ner for t in s.tokens] for s in tagger(SENTENCES).sentences]
    tagged = tag_sentences(tagger, SENTENCES)
    assert [labels for labels, _ in tagged] == stanza_labels
    assert "B-CONTENT" in stanza_labels[1] and set(stanza_labels[2]) == {"O"}
    for labels, probabilities in tagged:
        for label, p in zip(labels, probabilities, strict=True):
            assert len(p) == len(LABELS) and 0 <= sum(p) <= 1.001
            kind = label[2:]
            if kind:        # the label's own kind is the likeliest
                assert p[LABELS.index(kind)] > 0.5, (label, p)
            else:
                assert max(p) < 0.5, (label, p)


def test_the_shipped_tagger_decodes_the_average_of_its_models():
    first, second = attribution_models()
    alone = tag_sentences(load_attribution_tagger((first,)), SENTENCES)
    # averaged, not summed: a model twice over is the model
    assert tag_sentences(load_attribution_tagger((first, first)), SENTENCES) == alone
    both = tag_sentences(load_attribution_tagger(), SENTENCES)
    assert both != alone and both != tag_sentences(load_attribution_tagger((second,)), SENTENCES)
    # the clear cases do not depend on which model reads them
    assert [labels for labels, _ in both][1:3] == [labels for labels, _ in alone][1:3]


def test_a_quotation_the_tagger_is_unsure_of_gets_a_lower_confidence(tmp_path):
    # the segment stage keeps the probabilities, and the confidence model reads them, not only
    # the labels: the same quotation with its words less surely CONTENT scores lower
    from pipeline import interim
    from pipeline.attribute import attribute
    from pipeline.builder import run_stage
    from pipeline.confidence import features, probability, token_starts
    from pipeline.quotes import find_quotes

    run_stage("segment", [SEED_TXT], tmp_path / "s.docs.jsonl.gz")
    [doc] = interim.load(tmp_path / "s.docs.jsonl.gz")[1]
    assert all(len(t.attribution_p) == 3 for t in doc.tokens)
    doc = attribute(find_quotes(doc))
    q = next(q for q in doc.quotes if doc.text[q.start:q.end] == "the figures were unacceptable")
    starts = token_starts(doc)
    sure = probability(features(doc, q, starts))
    for t in doc.tokens:
        if q.start <= t.start < q.end:
            t.attribution_p = [0.55, 0.0, 0.0]
    assert probability(features(doc, q, starts)) < sure - 0.1, sure
