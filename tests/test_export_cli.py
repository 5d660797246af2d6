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


def test_every_format_exports_the_real_cables(tmp_path: Path):
    from tei_cables.pipeline import convert_bytes

    from .conftest import shared

    tei = tmp_path / "tei"
    tei.mkdir()
    for src in sorted(shared("real", "sources").glob("*.txt")):
        (tei / f"{src.stem}.xml").write_bytes(convert_bytes(src.read_bytes(), src.name).tei)
    for name in FORMATS:
        out = tmp_path / name / ("out" if FORMATS[name].per_cable else f"out{FORMATS[name].suffix}")
        result = run("export", name, str(tei), "-o", str(out))
        assert result.exit_code == 0, (name, result.output)
        written = list(out.iterdir()) if out.is_dir() else [out]
        assert len(written) == (16 if FORMATS[name].per_cable else 1), name
        assert all(p.stat().st_size > 0 for p in written), name

