"""Running the attribution tagger (models.load_attribution_tagger): each token's BIOES label,
decoded as Stanza's NER decodes it (Viterbi), and the probability that the token lies in a
CONTENT, SOURCE or CUE run, from the CRF's marginals (forward-backward over the same scores).
The confidence stage reads the probabilities: a label alone cannot tell a run the tagger is
sure of from one it barely chose, nor a rule's quotation the tagger nearly marked from one it
never considered.

The tagger may hold several models (the shipped one holds two, trained alike but from
different seeds). Their scores and transitions are averaged and decoded once, a product of
their CRFs, rather than Stanza's merge of each model's own labels, where the first wins."""
from __future__ import annotations

LABELS = ("CONTENT", "SOURCE", "CUE")      # the order of Token.attribution_p


def tag_sentences(tagger, sentences: list[list[str]]) -> list[tuple[list[str], list[list[float]]]]:
    """For each pre-tokenized sentence: its tokens' labels, and each token's probabilities of
    lying in a CONTENT, SOURCE and CUE run (rounded to 3 places)."""
    import torch
    from stanza.models.common import utils
    from stanza.models.common.crf import viterbi_decode
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.ner.data import DataLoader
    from stanza.models.ner.trainer import fix_singleton_tags, unpack_batch

    processor = tagger.processors["ner"]
    members = list(zip(processor.trainers, processor.configs))
    vocab = members[0][0].vocab["tag"]
    names = ["".join(unit) for unit in vocab.unmap([(k,) for k in range(vocab.lens()[0])])]
    in_run = torch.tensor([[name.endswith(label) for label in LABELS] for name in names], dtype=torch.float32)
    document = tagger(sentences, processors="tokenize")
    # one loader per model (each maps words with its own vocabulary); all sort and batch the
    # sentences alike, by length
    loaders = [DataLoader(document, config["batch_size"], config, vocab=trainer.vocab, evaluation=True,
                          preprocess_tags=False, bert_tokenizer=trainer.model.bert_tokenizer) for trainer, config in members]
    for trainer, _ in members:
        trainer.model.eval()
    out = []
    with torch.no_grad():
        for batches in zip(*loaders, strict=True):
            scores = transitions = 0.0
            for (trainer, _), batch in zip(members, batches):
                inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = unpack_batch(batch, "cpu")
                word, wordchars, wordchars_mask, chars, tags = inputs
                _, logits, trans = trainer.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens, wordlens,
                                                 chars, charoffsets, charlens, char_orig_idx)
                scores, transitions = scores + logits[0] / len(members), transitions + trans[0] / len(members)
            probs = (marginals(scores, transitions, sentlens) @ in_run).numpy().round(3)
            scores, transitions = scores.numpy(), transitions.numpy()
            decoded = []
            for i, n in enumerate(sentlens):
                ids = viterbi_decode(scores[i, :n], transitions)[0]
                labels = [unit[0] for unit in vocab.unmap([(max(k, VOCAB_PREFIX_SIZE),) for k in ids])]
                decoded.append((fix_singleton_tags(labels), probs[i, :n].tolist()))
            out += utils.unsort(decoded, orig_idx)
    return out


def marginals(scores, transitions, lengths):
    """P(tag k at position t) under a linear-chain CRF with no start or end scores (Stanza's),
    for each sentence of a padded batch: scores B x T x K, transitions K x K (from, to)."""
    import torch

    batch, steps, _ = scores.shape
    lengths = torch.as_tensor(lengths)
    alpha = [scores[:, 0]]
    for t in range(1, steps):
        alpha.append(scores[:, t] + torch.logsumexp(alpha[-1].unsqueeze(2) + transitions, dim=1))
    beta = [torch.zeros_like(scores[:, 0])]
    for t in range(steps - 2, -1, -1):
        step = torch.logsumexp(transitions + (scores[:, t + 1] + beta[0]).unsqueeze(1), dim=2)
        beta.insert(0, torch.where((t + 1 < lengths).unsqueeze(1), step, torch.zeros_like(step)))
    alpha, beta = torch.stack(alpha, 1), torch.stack(beta, 1)
    log_z = torch.logsumexp(alpha[torch.arange(batch), lengths - 1], dim=1)
    inside = (torch.arange(steps) < lengths.unsqueeze(1)).unsqueeze(2)      # not the padding
    return torch.where(inside, torch.exp(alpha + beta - log_z[:, None, None]), torch.zeros_like(alpha))
