"""The `tei-cables export` command: formats from the registry, a summary, errors per file, the exit code."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from tei_cables.cli import main
from tei_cables.export import FORMATS

from .conftest import ROOT

CABLE = "1950-09-29_cable-600301_shtykov-to-gromyko.xml"


def run(*args: str):
    return CliRunner().invoke(main, list(args), env={"COLUMNS": "200"})


def test_the_help_lists_every_format_of_the_registry():
    result = run("export", "--help")
    assert all(name in result.output for name in FORMATS)


def test_an_export_writes_its_file_and_exits_0(tmp_path: Path):
    result = run("export", "csv", str(ROOT / "encoded"), "-o", str(tmp_path / "c.csv"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "c.csv").read_text(encoding="utf-8").count("\n") == 6


def test_an_unreadable_file_is_one_error_line_and_exit_1(tmp_path: Path):
    shutil.copy(ROOT / "encoded" / CABLE, tmp_path)
    (tmp_path / "broken.xml").write_text("<TEI>", encoding="utf-8")
    result = run("export", "cmif", str(tmp_path), "-o", str(tmp_path / "out" / "c.xml"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "broken.xml" in errors[0]
    assert (tmp_path / "out" / "c.xml").exists()


def test_an_unknown_format_is_refused():
    result = run("export", "docx", str(ROOT / "encoded"), "-o", "x")
    assert result.exit_code == 2 and "docx" in result.output
