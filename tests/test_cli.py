"""The `tei-cables convert` command: one TEI file per source, clear errors, a summary, the exit code."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from tei_cables.cli import main

CABLE = "CIPHERED TELEGRAM # 600301/sh\n\nFrom: PYONGYANG\n\nSent on 09/29/50 at 20:23 p.m.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_convert_writes_one_file_per_source_named_by_its_stem(tmp_path: Path):
    (tmp_path / "a.txt").write_text(CABLE, encoding="utf-8")
    result = run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "out" / "a.xml")).getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.xpath("string(//t:teiHeader//t:idno[@type='telegram'])", namespaces=ns) == "600301/sh"


def test_a_folder_is_converted_file_by_file(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("one", "two"):
        (src / f"{name}.txt").write_text(CABLE, encoding="utf-8")
    result = run("convert", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["one.xml", "two.xml"]


def test_a_folder_scan_leaves_out_the_folders_readme(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "one.txt").write_text(CABLE, encoding="utf-8")
    (src / "README.md").write_text("# Where these cables come from\n", encoding="utf-8")
    run("convert", str(src), "-o", str(tmp_path / "out"))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["one.xml"]


def test_converted_files_declare_the_projects_schema_for_xml_editors(tmp_path: Path):
    (tmp_path / "a.txt").write_text(CABLE, encoding="utf-8")
    run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--schema-href", "../schema")
    head = (tmp_path / "out" / "a.xml").read_text(encoding="utf-8").splitlines()[:4]
    assert '<?xml-model href="../schema/tei_cables.rng" type="application/xml" ' \
           'schematypens="http://relaxng.org/ns/structure/1.0"?>' in head
    assert any('href="../schema/tei_cables.sch"' in line and "dsdl/schematron" in line for line in head)


def test_a_bad_file_is_named_and_the_others_still_convert(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(CABLE, encoding="utf-8")
    (src / "empty.txt").write_text("   \n", encoding="utf-8")
    result = run("convert", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"error: {src / 'empty.txt'}: the file is empty\n" in result.output
    assert (tmp_path / "out" / "good.xml").exists()
    assert not (tmp_path / "out" / "empty.xml").exists()


def summary(output: str) -> dict[str, str]:
    """The rows of the convert summary table, label → value."""
    rows = {}
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip().strip("│").split("│")]
        if len(cells) == 2 and cells[0]:
            rows[cells[0]] = cells[1]
    return rows


def test_summary_table_counts_written_and_failed(tmp_path: Path):
    (tmp_path / "a.txt").write_text(CABLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    result = run("convert", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    rows = summary(result.output)
    assert (rows["sources"], rows["written"], rows["failed"]) == ("2", "1", "1")


def test_unreadable_date_is_a_warning_naming_file_and_line(tmp_path: Path):
    (tmp_path / "a.txt").write_text(CABLE + "\nTyped by Lobyseva on 02/31/50 at 16:55 p.m.\n", encoding="utf-8")
    result = run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert f"warning: {tmp_path / 'a.txt'}:7: not a real date: '02/31/50'\n" in result.output


def test_version_option():
    result = run("--version")
    assert result.exit_code == 0 and "tei-cables" in result.output


def test_an_unchanged_output_is_regenerated(tmp_path: Path):
    (tmp_path / "a.txt").write_text(CABLE, encoding="utf-8")
    run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    (tmp_path / "a.txt").write_text(CABLE.replace("600301", "600999"), encoding="utf-8")
    result = run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert b"600999/sh" in (tmp_path / "out" / "a.xml").read_bytes()


def test_a_hand_edited_output_is_kept_and_reported_as_kept_with_exit_code_0(tmp_path: Path):
    (tmp_path / "a.txt").write_text(CABLE, encoding="utf-8")
    run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    out = tmp_path / "out" / "a.xml"
    edited = out.read_bytes().replace(b"PYONGYANG</placeName>", b"Pyongyang</placeName>")
    out.write_bytes(edited)
    result = run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert f"kept: {out}: edited by hand since it was converted" in result.output
    assert (summary(result.output)["kept (edited by hand)"], summary(result.output)["failed"]) == ("1", "0")
    assert out.read_bytes() == edited


def test_an_output_with_the_same_bytes_is_left_untouched_and_counted_unchanged(tmp_path: Path):
    (tmp_path / "a.txt").write_text(CABLE, encoding="utf-8")
    run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    out = tmp_path / "out" / "a.xml"
    os.utime(out, (1_000_000, 1_000_000))
    result = run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert summary(result.output)["unchanged"] == "1"
    assert out.stat().st_mtime == 1_000_000


def test_the_summary_names_the_output_folder(tmp_path: Path, monkeypatch):
    (tmp_path / "a.txt").write_text(CABLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("convert", "a.txt", "-o", "tei")
    assert summary(result.output)["output folder"] == "tei"


def test_two_sources_with_one_name_are_both_refused_naming_each_other(tmp_path: Path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "cable.txt").write_text(CABLE, encoding="utf-8")
    (tmp_path / "other.txt").write_text(CABLE, encoding="utf-8")
    result = run("convert", str(tmp_path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    first, second = tmp_path / "a" / "cable.txt", tmp_path / "b" / "cable.txt"
    assert f"error: {first}: {second} would also be written to" in result.output
    assert f"error: {second}: {first} would also be written to" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["other.xml"]


def test_a_folder_without_transcriptions_is_an_error_with_exit_code_2(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    result = run("convert", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"error: no transcriptions (*.md, *.text, *.txt) in {tmp_path / 'empty'}" in result.output


def test_allow_empty_makes_a_folder_without_transcriptions_fine(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    assert run("convert", str(tmp_path / "empty"), "-o", str(tmp_path / "out"), "--allow-empty").exit_code == 0


def test_convert_counts_the_warnings_validate_reports_on_its_output(tmp_path: Path):
    (tmp_path / "a.txt").write_text(CABLE + "\nTyped by Lobyseva and Vakushin.\n", encoding="utf-8")
    converted = run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    validated = run("validate", str(tmp_path / "out"))
    in_validate = validated.output.count("warning [CAB-UNLINKED]")
    assert in_validate >= 1
    assert summary(converted.output)["warnings"] == str(validated.output.count("warning ["))
    assert converted.output.count("[CAB-UNLINKED]") == in_validate


def test_quiet_prints_no_warning_of_any_kind(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(CABLE.replace("From:", "Из:").encode("cp1251") + b"\nTyped by Lobyseva.\n")
    loud = run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert "decoded as" in loud.output and "[CAB-UNLINKED]" in loud.output
    quiet = run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "quiet"), "-q")
    assert "warning:" not in quiet.output and "warning [" not in quiet.output


def test_force_overwrites_a_hand_edited_output(tmp_path: Path):
    (tmp_path / "a.txt").write_text(CABLE, encoding="utf-8")
    run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    out = tmp_path / "out" / "a.xml"
    out.write_bytes(out.read_bytes().replace(b"PYONGYANG</placeName>", b"Pyongyang</placeName>"))
    assert run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--force").exit_code == 0
    assert b"PYONGYANG</placeName>" in out.read_bytes()


SEEDS = Path(__file__).resolve().parent.parent / "sources"


def test_parallel_jobs_write_the_same_bytes_as_one_process(tmp_path: Path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for copy in ("a", "b"):  # ten files: enough for a pool of two (parallel.py)
        for p in SEEDS.glob("*.txt"):
            (sources / f"{copy}-{p.name}").write_bytes(p.read_bytes())
    run("convert", str(sources), "-o", str(tmp_path / "one"), "-q")
    run("convert", str(sources), "-o", str(tmp_path / "four"), "-q", "--jobs", "4")
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert len(names) == 10
    assert all((tmp_path / "one" / n).read_bytes() == (tmp_path / "four" / n).read_bytes() for n in names)


def test_the_order_of_the_inputs_does_not_change_any_output(tmp_path: Path):
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    run("convert", *files, "-o", str(tmp_path / "forward"), "-q")
    run("convert", *reversed(files), "-o", str(tmp_path / "backward"), "-q")
    for p in (tmp_path / "forward").iterdir():
        assert p.read_bytes() == (tmp_path / "backward" / p.name).read_bytes()


def test_a_bad_file_in_a_parallel_batch_is_named_with_its_line(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(CABLE, encoding="utf-8")
    (src / "bad.txt").write_bytes(CABLE.encode() + b"Sent on \x00 9.10.50\n")
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "out"), "-j", "2"])
    assert result.exit_code == 1
    assert f"error: {src / 'bad.txt'}:6: binary data (a NUL byte)" in result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["good.xml"]


def test_the_summary_counts_routing_values_that_were_inferred(tmp_path: Path):
    (tmp_path / "a.txt").write_text("We agree with the plan outlined by you and the course of the negotiations.\n\n"
                                    "6.1.1949 Filippov [Stalin]\n", encoding="utf-8")
    result = run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert summary(result.stdout)["routing inferred"] == "2"  # the sender and the date sent, both from the sign-off


def test_publisher_and_licence_options_reach_the_files(tmp_path: Path):
    (tmp_path / "a.txt").write_text(CABLE, encoding="utf-8")
    result = run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--publisher", "An Edition",
                 "--licence", "CC BY 4.0", "--pub-date", "2026-12-01")
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "out" / "a.xml")).getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.xpath("string(//t:publicationStmt/t:publisher)", namespaces=ns) == "An Edition"
    assert root.xpath("string(//t:availability/t:licence)", namespaces=ns) == "CC BY 4.0"
    assert root.xpath("//t:publicationStmt/t:date/@when", namespaces=ns) == ["2026-12-01"]


def test_written_files_get_the_mode_of_the_users_umask(tmp_path: Path):
    import os

    (tmp_path / "a.txt").write_text(CABLE, encoding="utf-8")
    old = os.umask(0o022)
    try:
        run("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    finally:
        os.umask(old)
    assert (tmp_path / "out" / "a.xml").stat().st_mode & 0o777 == 0o644
