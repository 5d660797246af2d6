"""`tei-cables validate`: files and folders, one line per problem, a summary, four formats, the exit code."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_cables.cli import main

from .test_schema_subset import FIXTURES

GITHUB = re.compile(r"^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=CAB-[A-Z-]+::\S.*$")


def run(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with a valid cable, a cable with a warning and one with two errors, and a note that is not XML."""
    for name in ("cable-valid.xml", "copies-not-adding-up.xml", "element-unknown.xml", "ref-dangling.xml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "sub").mkdir()
    shutil.move(tmp_path / "ref-dangling.xml", tmp_path / "sub" / "ref-dangling.xml")
    (tmp_path / "notes.txt").write_text("not a cable", encoding="utf-8")
    return tmp_path


def test_valid_files_exit_0_with_a_summary(tmp_path: Path):
    shutil.copy(FIXTURES / "cable-valid.xml", tmp_path / "a.xml")
    result = run(str(tmp_path / "a.xml"))
    assert result.exit_code == 0, result.output
    assert "files checked" in result.stdout and "with warnings" in result.stdout


def test_warnings_alone_exit_0(tmp_path: Path):
    result = run(str(FIXTURES / "copies-not-adding-up.xml"))
    assert result.exit_code == 0
    assert "warning [CAB-COPIES]" in result.stdout


def test_a_folder_is_searched_for_xml_files_and_one_invalid_file_exits_1(folder: Path):
    result = run(str(folder))
    assert result.exit_code == 1
    problems = [line for line in result.stdout.splitlines() if "[CAB-" in line]
    assert [line.split(": ")[1:3] for line in problems] == [
        ["warning [CAB-COPIES]", '<list type="distribution"> states 11 copies but its items add up to 3 — check the '
                                 "copy numbers against the form (an item without a <num type=\"copies\"> counts as one "
                                 "copy)"],
        ["error [CAB-SCHEMA-ELEMENT]", '<cipherGroup n="1"> is not part of the cable encoding — remove it or use an '
                                       "element the schema allows (inside <p> it allows <add>, <date>, <gap>, "
                                       "<hi>, <idno>, <lb>, <name>, <note>, <orgName>, <persName>, <placeName>, "
                                       "<ref>, <stamp>, <supplied>, <time>)"],
        ["error [CAB-REF]", '<persName ref="#p_foo"> points at no register entry ("#p_foo") — add it to <listPerson> '
                            "or fix the ref"],
    ]
    assert problems[2].startswith(str(folder / "sub" / "ref-dangling.xml") + ":109:19: ")
    summary = result.stdout.split("tei-cables validate")[-1]
    assert re.search(r"│\s+4\s+│\s+2\s+│\s+2\s+│\s+1\s+│\s+1\s+│\s+0\s+│", summary), summary


@pytest.mark.parametrize("name", ["entity-bomb.xml", "xxe.xml", "not-well-formed.xml"])
def test_a_file_that_is_not_safe_xml_exits_2_with_a_message_and_no_traceback(name):
    result = run(str(FIXTURES / name), str(FIXTURES / "cable-valid.xml"))
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert re.search(r"error \[CAB-XML(-UNSAFE)?\]: ", result.stdout)


def test_a_path_that_does_not_exist_exits_2(tmp_path: Path):
    result = run(str(tmp_path / "missing.xml"))
    assert result.exit_code == 2
    assert "error [CAB-READ]: cannot be read" in result.stdout


def test_json_parses_and_counts(folder: Path):
    result = run(str(folder), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"] == {"files": 4, "valid": 2, "with_errors": 2, "with_warnings": 1, "warnings": 1,
                               "unreadable": 0}
    first = data["files"][2]["findings"][0]
    assert set(first) == {"rule_id", "severity", "file", "line", "column", "xpath", "element", "message"}
    assert "tei-cables validate" in result.stderr  # the table goes to stderr, so stdout stays JSON


def test_junit_parses_with_one_failure_per_error(folder: Path):
    shutil.copy(FIXTURES / "xxe.xml", folder / "xxe.xml")
    result = run(str(folder), "--format", "junit")
    assert result.exit_code == 2
    suites = etree.fromstring(result.stdout.encode())
    assert suites.tag == "testsuites"
    assert (suites.get("tests"), suites.get("failures"), suites.get("errors")) == ("5", "2", "1")
    assert len(suites.findall("testsuite")) == 5
    failure = suites.find("testsuite/testcase/failure")
    assert failure.get("type") == "CAB-SCHEMA-ELEMENT"
    assert suites.find(".//error").get("type") == "CAB-XML-UNSAFE"
    assert "[CAB-COPIES]" in suites.find(".//system-out").text


def test_github_lines_are_workflow_annotations(folder: Path):
    result = run(str(folder), "--format", "github")
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert all(GITHUB.match(line) for line in lines), lines
    assert lines[0].startswith("::warning ") and lines[1].startswith("::error ")
    assert ",title=CAB-REF::<persName ref=\"#p_foo\"> points at no register entry" in lines[2]


def test_the_command_is_also_run_as_a_module(tmp_path: Path):
    import subprocess
    import sys

    run_ = subprocess.run([sys.executable, "-m", "tei_cables", "validate", str(FIXTURES / "xxe.xml")],
                          capture_output=True, text=True)
    assert run_.returncode == 2
    assert "CAB-XML-UNSAFE" in run_.stdout and "Traceback" not in run_.stderr


def test_a_folder_without_xml_files_is_an_error_with_exit_code_2(tmp_path: Path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert f"error: no XML files in {tmp_path}" in result.output


def test_allow_empty_makes_a_folder_without_xml_files_fine(tmp_path: Path):
    assert CliRunner().invoke(main, ["validate", str(tmp_path), "--allow-empty"]).exit_code == 0


def test_jobs_give_the_same_output_in_the_same_order(folder: Path):
    for n in range(6):  # ten files: enough for a pool of two (parallel.py)
        shutil.copy(FIXTURES / ("cable-valid.xml", "ref-dangling.xml")[n % 2], folder / f"more-{n}.xml")
    one, two = run(str(folder), "--format", "json"), run(str(folder), "--format", "json", "--jobs", "2")
    assert two.exit_code == one.exit_code == 1
    assert two.stdout == one.stdout


def test_json_of_a_run_without_files_is_still_json(tmp_path: Path):
    result = run(str(tmp_path), "--format", "json", "--allow-empty")
    assert json.loads(result.stdout) == {"files": [], "summary": {"files": 0, "valid": 0, "with_errors": 0,
                                                                 "with_warnings": 0, "warnings": 0, "unreadable": 0}}
