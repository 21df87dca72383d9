"""Which Stanza models to run: the official English models when a Stanza resources
folder has them, otherwise the compact models shipped inside this package.

The choice is one setting: `bundled`, `official`, or a PATH (a folder holding either a
`manifest.json` like the bundled one or a Stanza resources folder), given on the command
line or in the QUOTES_MODELS environment variable. Loading never touches the network."""
from __future__ import annotations

import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

BUNDLED_DIR = Path(__file__).parent / "models" / "en"
ENV_VAR = "QUOTES_MODELS"
PROCESSORS = ("tokenize", "pos", "lemma", "depparse", "ner")
# What the quote and attribute stages use. They need neither the parser (the slowest
# processor) nor the lemmatizer: cue verbs are found by their inflected forms, which scored
# the same on PolNeAR dev and the seed. Add them with QUOTES_PROCESSORS=tokenize,pos,lemma,depparse,ner.
DEFAULT_PROCESSORS = ("tokenize", "pos", "ner")
PROCESSORS_VAR = "QUOTES_PROCESSORS"
# The attribution tagger (tagged.py) is on unless this says off: it finds much reported speech
# the rules miss, and costs about a third of the build's speed (its two models; see the README).
TAGGER_VAR = "QUOTES_ATTRIBUTION_TAGGER"


def tagger_wanted() -> bool:
    return os.environ.get(TAGGER_VAR, "on").strip().lower() not in ("off", "0", "no", "false")


def wanted_processors() -> tuple[str, ...]:
    chosen = os.environ.get(PROCESSORS_VAR)
    names = [p.strip() for p in chosen.split(",")] if chosen else DEFAULT_PROCESSORS
    unknown = [p for p in names if p not in PROCESSORS]
    if unknown:
        raise ModelError(f"unknown processor(s) in {PROCESSORS_VAR}: {', '.join(unknown)}")
    return tuple(p for p in PROCESSORS if p in names)


class ModelError(RuntimeError):
    """The requested models are missing or unreadable."""


@dataclass(frozen=True)
class ModelSource:
    kind: str                     # bundled | official | path
    location: str
    processors: tuple[str, ...]
    stanza_kwargs: tuple = field(default=(), compare=False)  # sorted (key, value) pairs
    ids: tuple = ()               # (processor, model id) pairs, for provenance
    tagger: bool = field(default_factory=tagger_wanted)   # run the attribution tagger

    def describe(self) -> dict:
        return {"kind": self.kind, "location": self.location, "processors": list(self.processors),
                "ids": dict(self.ids), "attribution_tagger": attribution_tagger_id() if self.tagger else None}


def stanza_resources_dir() -> Path:
    return Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))


def _official(resources: Path) -> ModelSource:
    if not (resources / "resources.json").exists() or not (resources / "en").is_dir():
        raise ModelError(f"no official Stanza English models in {resources} "
                         "(run `quotes models download` on a machine with network access)")
    en = resources / "en"
    processors = tuple(p for p in wanted_processors() if (en / p).is_dir())
    ids = tuple((p, "official:" + ",".join(sorted(f.stem for f in (en / p).glob("*.pt")))) for p in processors)
    kwargs = {"dir": str(resources)}
    return ModelSource("official", str(resources), processors, tuple(sorted(kwargs.items())), ids)


def from_manifest(folder: Path, kind: str = "path", processors: tuple[str, ...] | None = None) -> ModelSource:
    """The models a `manifest.json` in `folder` names (like the bundled one): `processors`
    (default: the wanted ones) less those it lacks."""
    path = folder / "manifest.json"
    try:
        manifest = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read model manifest {path}: {exc}") from exc
    kwargs: dict[str, object] = {}
    ids = []
    procs = manifest.get("processors", {})
    if "tokenize" not in procs:
        raise ModelError(f"{path} has no tokenize model")
    processors = tuple(p for p in (processors or wanted_processors()) if p in procs)
    for name in processors:
        entry = procs[name]
        kwargs[f"{name}_model_path"] = str(folder / entry["file"])
        if entry.get("pretrain"):
            kwargs[f"{name}_pretrain_path"] = str(folder / entry["pretrain"])
        if name in ("pos", "depparse", "ner"):
            # Compact models are trained without character language models.
            kwargs[f"{name}_forward_charlm_path"] = None
            kwargs[f"{name}_backward_charlm_path"] = None
        ids.append((name, f"{manifest.get('name', folder.name)}/{entry['file']}@{entry.get('sha256', '')[:12]}"))
    return ModelSource(kind, str(folder), processors, tuple(sorted(kwargs.items())), tuple(ids))


def resolve(setting: str | None = None) -> ModelSource:
    """Turn the model setting (argument, else $QUOTES_MODELS, else auto) into a source."""
    setting = setting or os.environ.get(ENV_VAR) or "auto"
    if setting == "official":
        return _official(stanza_resources_dir())
    if setting == "bundled":
        return from_manifest(BUNDLED_DIR, "bundled")
    if setting == "auto":
        try:
            return _official(stanza_resources_dir())
        except ModelError:
            return from_manifest(BUNDLED_DIR, "bundled")
    folder = Path(setting)
    if not folder.is_dir():
        raise ModelError(f"model path {folder} is not a folder (expected bundled, official or a PATH)")
    if (folder / "manifest.json").exists():
        return from_manifest(folder)
    return _official(folder)


@lru_cache(maxsize=2)
def load_pipeline(source: ModelSource):
    """One Stanza pipeline per source and process (worker processes each load their own)."""
    import stanza

    # The parser's trainer builds a learning-rate scheduler over each optimizer, so it gets them.
    with _no_training_optimizers(enabled="depparse" not in source.processors):
        return stanza.Pipeline(**pipeline_kwargs(source))


# What every Stanza pipeline here is loaded with: English on the CPU, nothing downloaded.
_OFFLINE = {"lang": "en", "download_method": None, "use_gpu": False, "logging_level": "WARN"}


def _explicit_paths(folder: Path | str) -> dict:
    """For models named by path under `folder`: an empty resources index keeps Stanza from
    looking anything up."""
    return {"dir": str(folder), "resources_filepath": str(BUNDLED_DIR / "resources.json"),
            "allow_unknown_language": True}


def pipeline_kwargs(source: ModelSource, **extra) -> dict:
    """What stanza.Pipeline needs to load `source` offline (`extra` added or overriding)."""
    kwargs = {**_OFFLINE, "processors": ",".join(source.processors), **dict(source.stanza_kwargs)}
    if source.kind != "official":
        kwargs.update(_explicit_paths(source.location))
    return kwargs | extra


@contextmanager
def _no_training_optimizers(enabled: bool = True):
    """Stanza's processors build their training optimizers even to predict, and torch's first
    optimizer imports its compiler (torch._dynamo): about 2 s of a 6 s load. Predicting never
    uses them, so none is built while the models load."""
    from stanza.models.common import utils

    build = getattr(utils, "dispatch_optimizer", None)
    if build is None or not enabled:     # a Stanza without this hook: load as it does
        yield
        return
    utils.dispatch_optimizer = lambda *args, **kwargs: None
    try:
        yield
    finally:
        utils.dispatch_optimizer = build


def _attribution_members() -> list[dict]:
    """The manifest entries of the shipped attribution tagger's models; empty when they are not
    all shipped."""
    entry = json.loads((BUNDLED_DIR / "manifest.json").read_text()).get("attribution")
    members = entry["members"] if entry else []
    return members if all((BUNDLED_DIR / member["file"]).exists() for member in members) else []


def attribution_models() -> tuple[Path, ...]:
    """The shipped attribution tagger's model files (see attribution_tagger.py: their scores are
    averaged); empty when none is shipped."""
    return tuple(BUNDLED_DIR / member["file"] for member in _attribution_members())


def attribution_tagger_id() -> str | None:
    """The shipped attribution tagger's manifest id, for provenance; None when none is shipped."""
    members = _attribution_members()
    return "bundled/" + "+".join(f"{member['file']}@{member['sha256'][:12]}" for member in members) if members else None


@lru_cache(maxsize=2)
def load_attribution_tagger(models: tuple[Path, ...] | None = None):
    """The attribution tagger (see tagged.py): Stanza NER models over pre-tokenized sentences,
    whose labels are CONTENT, SOURCE and CUE (`models`, by default the shipped ones). It ships
    with the project and uses the bundled word vectors whichever models segment the text; None
    when it is not shipped."""
    import stanza

    models = attribution_models() if models is None else models
    if not models:
        return None
    # Stanza's NER processor loads several models from ";"-separated lists, an empty entry
    # being no character language model
    with _no_training_optimizers():
        return stanza.Pipeline(processors="tokenize,ner", tokenize_pretokenized=True,
                               ner_model_path=";".join(map(str, models)),
                               ner_pretrain_path=";".join([str(BUNDLED_DIR / "pretrain.pt")] * len(models)),
                               ner_forward_charlm_path=";" * (len(models) - 1),
                               ner_backward_charlm_path=";" * (len(models) - 1), ner_batch_size=128,
                               **_OFFLINE, **_explicit_paths(BUNDLED_DIR))


def download_official() -> Path:
    """Fetch the official English models into the Stanza resources folder (needs network)."""
    import stanza

    target = stanza_resources_dir()
    stanza.download("en", model_dir=str(target), processors=",".join(PROCESSORS))
    return target
