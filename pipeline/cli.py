"""The `quotes` command: a thin Typer shell over the library API."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import builder
from .inputs import ID_COLUMN, TEXT_COLUMN, count_documents
from .models import ModelError, download_official, resolve

app = typer.Typer(help="Build 'who said what' quotation tables from news articles.", no_args_is_help=True)
models_app = typer.Typer(help="Inspect or fetch the Stanza models.", no_args_is_help=True)
app.add_typer(models_app, name="models")
console = Console()
err = Console(stderr=True)

ModelsOption = Annotated[Optional[str], typer.Option(
    "--models", envvar="QUOTES_MODELS",
    help="bundled, official, or a PATH to a model folder; default: official when installed, else bundled.")]
MinConfidenceOption = Annotated[Optional[float], typer.Option(
    min=0.0, max=1.0,
    help="Keep quotations whose confidence is at least this; default: the confidence model's threshold "
         "(lower finds more reported speech and more false quotations; see the README).")]
TagEverythingOption = Annotated[bool, typer.Option(
    help="Run the POS tagger on every sentence, not only on those the quote and attribute stages read "
         "(same quotations, slower).")]


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(help=".txt, .html, JSONL (doc_id, text), CSV or Parquet files, or folders of them.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for quotes.parquet and documents.parquet.")] = Path("data/processed"),
    models: ModelsOption = None,
    beliefs: Annotated[bool, typer.Option(help="Extract beliefs and intentions too (X believes/wants that ...); --no-beliefs for speech only.")] = True,
    min_confidence: MinConfidenceOption = None,
    batch_size: Annotated[int, typer.Option(help=f"Documents per Stanza call at most (a call also stops at {builder.BATCH_CHARS:,} characters).")] = 16,
    partition_size: Annotated[int, typer.Option(help="Documents per output part (the unit of resume).")] = builder.PARTITION_SIZE,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask.")] = "local",
    workers: Annotated[int, typer.Option(help="Worker processes, each loading the models once.")] = 1,
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address; default: a local cluster.")] = None,
    text_column: Annotated[str, typer.Option(help="Text column of CSV and Parquet inputs.")] = TEXT_COLUMN,
    id_column: Annotated[str, typer.Option(help="Id column of CSV and Parquet inputs (else file:row).")] = ID_COLUMN,
    tag_everything: TagEverythingOption = False,
) -> None:
    """Find and attribute every quotation in INPUTS; write Parquet tables to --out."""
    if engine not in ("local", "dask"):
        _fail(f"unknown engine {engine!r}; expected local or dask")
    try:
        total = count_documents(inputs)
        resolve(models)
    except (FileNotFoundError, ModelError) as exc:
        _fail(str(exc))
    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("articles", total=total)
        try:
            result = builder.build(inputs, out, models=models, batch_size=batch_size, beliefs=beliefs,
                                   min_confidence=min_confidence, partition_size=partition_size, engine=engine,
                                   workers=workers, scheduler=scheduler, progress=lambda n: bar.advance(task, n),
                                   text_column=text_column, id_column=id_column, tag_everything=tag_everything)
        except PermissionError as exc:
            _fail(f"cannot write output: {exc}")
    console.print(f"{result.documents} documents, {result.quotes} quotations, {result.errors} errors "
                  f"→ {result.out_dir} (models: {result.models['kind']})")


@app.command()
def stage(
    name: Annotated[str, typer.Argument(help="segment | quotes | attribute")],
    inputs: Annotated[list[Path], typer.Argument(help="Articles for segment; the previous stage's file otherwise.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file, NAME.docs.jsonl.gz.")],
    models: ModelsOption = None,
    beliefs: Annotated[bool, typer.Option(help="Extract beliefs and intentions too; --no-beliefs for speech only.")] = True,
    min_confidence: MinConfidenceOption = None,
    tag_everything: TagEverythingOption = False,
) -> None:
    """Run one stage and save its documents, for step-by-step builds (make sentences/quotes)."""
    if name not in builder.STAGES:
        _fail(f"unknown stage {name!r}; expected one of {', '.join(builder.STAGES)}")
    try:
        n = builder.run_stage(name, inputs, out, models=models, beliefs=beliefs,
                              min_confidence=min_confidence, tag_everything=tag_everything)
    except (FileNotFoundError, ModelError) as exc:
        _fail(str(exc))
    console.print(f"{name}: {n} documents → {out}")


@app.command()
def write(
    docs_file: Annotated[Path, typer.Argument(help="An attribute stage file (.docs.jsonl.gz).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("data/processed"),
) -> None:
    """Write the Parquet tables from a finished stage file."""
    try:
        result = builder.write_stage(docs_file, out)
    except FileNotFoundError as exc:
        _fail(str(exc))
    console.print(f"{result.documents} documents, {result.quotes} quotations, {result.errors} errors → {result.out_dir}")


@app.command()
def show(
    folder: Annotated[Path, typer.Argument(help="A build output folder (or quotes.parquet).")],
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 50,
    doc: Annotated[Optional[str], typer.Option(help="Only this doc_id.")] = None,
) -> None:
    """Print the quotations of a build as a table."""
    try:
        frame = builder.load_quotes(folder)
    except (FileNotFoundError, OSError) as exc:
        _fail(f"no quotes table at {folder}: {exc}")
    if doc:
        frame = frame[frame.doc_id == doc]
    table = Table(show_lines=True)
    for name in ("speaker", "type", "cue", "quotation", "how"):
        table.add_column(name, overflow="fold")
    for row in frame.head(limit).astype(object).fillna("").itertuples():
        who = row.speaker or "?"
        if row.speaker_mention and row.speaker_mention != row.speaker:
            who += f"\n[dim]({row.speaker_mention})[/]"
        table.add_row(who, str(row.quote_type), row.cue, row.quote_text, row.attribution)
    console.print(table)
    console.print(f"{len(frame)} quotations")


@app.command()
def report(
    folder: Annotated[Path, typer.Argument(help="A build output folder.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("report.html"),
    title: Annotated[Optional[str], typer.Option(help="Page title.")] = None,
) -> None:
    """Write one self-contained HTML page: articles with quotations highlighted by speaker, and charts."""
    from .report import write_report

    try:
        path = write_report(folder, out, title)
    except (FileNotFoundError, OSError, ValueError) as exc:
        _fail(f"cannot write a report of {folder}: {exc}")
    console.print(f"report → {path}")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: articles with text and quotes (start, end, speaker_start, ...).")],
    predictions: Annotated[Path, typer.Argument(help="A build output folder (or quotes.parquet).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[int, typer.Option(help="Show this many misses beside the text.")] = 0,
    cover: Annotated[float, typer.Option(help="Share of characters that must overlap.")] = 0.5,
) -> None:
    """Score a build against gold quotations: P/R/F1, speaker accuracy, end to end, per type."""
    from .evaluate import evaluate as run_evaluation

    try:
        results = run_evaluation(gold, predictions, cover)
    except (FileNotFoundError, OSError) as exc:
        _fail(str(exc))
    if as_json:
        print(json.dumps({t: {k: round(v, 4) if isinstance(v, float) else v for k, v in s.metrics().items()}
                          for t, s in results.items()}, indent=2))
        return
    # A light box keeps the ten columns whole in an 80-column terminal or log.
    table = Table(title=f"{predictions} vs {gold}", box=box.SIMPLE_HEAD, padding=(0, 1), collapse_padding=True)
    for name in ("type", "gold", "pred", "P", "R", "F1", "spk acc", "e2e P", "e2e R", "e2e F1"):
        table.add_column(name, justify="right", no_wrap=True)
    for quote_type, scores in results.items():
        m = scores.metrics()
        table.add_row(quote_type, str(m["gold"]), str(m["pred"]),
                      *(f"{m[k]:.3f}" for k in ("P", "R", "F1", "speaker_acc", "e2e_P", "e2e_R", "e2e_F1")))
    console.print(table)
    if errors:
        misses = sorted(results["all"].misses, key=lambda x: -len(x.gold or x.predicted or ""))[:errors]
        shown = Table(title=f"{len(misses)} misses", show_lines=True)
        for name in ("doc", "what", "gold quotation", "gold speaker", "predicted", "predicted speaker"):
            shown.add_column(name, overflow="fold")
        for miss in misses:
            shown.add_row(miss.doc_id, miss.kind, miss.gold or "", miss.gold_speaker or "",
                          miss.predicted or "", miss.predicted_speaker or "")
        console.print(shown)


@models_app.command("show")
def models_show(models: ModelsOption = None) -> None:
    """Say which models a build would use."""
    try:
        source = resolve(models)
    except ModelError as exc:
        _fail(str(exc))
    console.print(f"{source.kind}: {source.location}")
    for processor, model_id in source.ids:
        console.print(f"  {processor}: {model_id}")


@models_app.command("download")
def models_download() -> None:
    """Download the official Stanza English models (needs access to Stanza's model hub)."""
    try:
        target = download_official()
    except Exception as exc:  # noqa: BLE001 - network failures come in many types
        _fail(f"download failed: {exc}", code=1)
    console.print(f"official models in {target}; they are used by default from now on")


if __name__ == "__main__":
    app()
