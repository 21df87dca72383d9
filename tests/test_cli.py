"""The `quotes` command as a user runs it."""
import json

from typer.testing import CliRunner

from conftest import SEED_GOLD, SEED_TXT
from pipeline.cli import app

runner = CliRunner()


def test_build_show_evaluate(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(SEED_TXT), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 documents, 11 quotations, 0 errors" in result.output
    shown = runner.invoke(app, ["show", str(out)])
    assert shown.exit_code == 0 and "Claude Knights" in shown.output and "11 quotations" in shown.output
    scored = runner.invoke(app, ["evaluate", str(SEED_GOLD), str(out), "--json"])
    assert scored.exit_code == 0
    assert json.loads(scored.output)["all"]["e2e_F1"] == 1.0


def test_user_mistakes_give_messages_not_tracebacks(tmp_path):
    missing = runner.invoke(app, ["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path)])
    assert missing.exit_code == 2 and "input not found" in missing.output
    assert "Traceback" not in missing.output
    bad_models = runner.invoke(app, ["build", str(SEED_TXT), "--out", str(tmp_path), "--models", str(tmp_path / "x")])
    assert bad_models.exit_code == 2 and "model path" in bad_models.output
    percent = runner.invoke(app, ["build", str(SEED_TXT), "--out", str(tmp_path), "--min-confidence", "65"])
    assert percent.exit_code == 2 and "Invalid value for '--min-confidence'" in percent.output
    no_table = runner.invoke(app, ["show", str(tmp_path / "empty")])
    assert no_table.exit_code == 2


def test_help_everywhere():
    for args in (["--help"], ["build", "--help"], ["show", "--help"], ["evaluate", "--help"], ["models", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Usage" in result.output
