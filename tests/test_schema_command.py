"""`tei-cables schema`: where the installed cable schema is, and a copy of it beside a corpus."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from tei_cables.cli import main

from .conftest import ROOT

CABLE = "CIPHERED TELEGRAM # 600301/sh\n\nFrom: PYONGYANG\n\nSent on 09/29/50 at 20:23 p.m.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_schema_prints_the_paths_of_the_installed_grammar_and_rules():
    lines = run("schema").output.splitlines()
    assert [Path(line).name for line in lines] == ["tei_cables.rng", "tei_cables.sch", "README.md"]
    assert Path(lines[0]).read_bytes() == (ROOT / "schema" / "tei_cables.rng").read_bytes()


def test_copy_puts_the_schema_files_beside_a_corpus(tmp_path: Path):
    result = run("schema", "--copy", str(tmp_path / "corpus" / "schema"))
    assert result.exit_code == 0
    for name in ("tei_cables.rng", "tei_cables.sch", "README.md"):
        assert (tmp_path / "corpus" / "schema" / name).read_bytes() == (ROOT / "schema" / name).read_bytes()


def test_a_converted_files_xml_model_finds_the_copied_schema(tmp_path: Path):
    corpus = tmp_path / "corpus"
    run("schema", "--copy", str(corpus / "schema"))
    (tmp_path / "a.txt").write_text(CABLE, encoding="utf-8")
    run("convert", str(tmp_path / "a.txt"), "-o", str(corpus / "tei"), "--schema-href", "../schema")
    head = (corpus / "tei" / "a.xml").read_text(encoding="utf-8")[:1000]
    hrefs = re.findall(r'<\?xml-model href="([^"]+)"', head)
    assert hrefs and all((corpus / "tei" / h).resolve().is_file() for h in hrefs)
