"""`register unlinked`: what a corpus names that the register lacks, one row per name whatever its forms."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tei_cables.cli import main
from tei_cables.corpus import unlinked_names
from tei_cables.pipeline import convert_text

MESSAGE = ("To Comrade GROMYKO\n\nI report on the situation at the front as of this morning, the order having been "
           "given to all units.\n\nSHTYKOV\n\n")


def corpus(tmp_path: Path, *closings: str) -> Path:
    for n, closing in enumerate(closings):
        (tmp_path / f"c{n}.xml").write_bytes(convert_text(MESSAGE + closing, f"c{n}.txt").tei)
    return tmp_path


def test_forms_with_and_without_initials_are_one_name(tmp_path: Path):
    rows = unlinked_names([corpus(tmp_path, "Typed by T. Mikhaylenko.\n", "Typed by Mikhaylenko.\n")])
    row = next(r for r in rows if "Mikhaylenko" in r.name)
    assert (row.files, set(row.forms)) == (2, {"T. Mikhaylenko", "Mikhaylenko"})
    assert len([r for r in rows if "Mikhaylenko" in r.name]) == 1


def test_a_russian_form_joins_its_latin_name(tmp_path: Path):
    rows = unlinked_names([corpus(tmp_path, "Отпечатал Т. Михайленко.\n")])
    assert any("Т. Михайленко" in r.forms and r.name == "T. Mikhaylenko" for r in rows)


def test_a_town_of_the_gazetteer_is_listed_too(tmp_path: Path):
    folder = corpus(tmp_path, "")
    (folder / "g.xml").write_bytes(convert_text(MESSAGE.replace("this morning", "this morning in CHEONGSONG"),
                                                "g.txt").tei)
    assert any(r.kind == "place" and r.name == "Cheongsong" for r in unlinked_names([folder]))


def test_the_command_prints_one_row_with_every_form(tmp_path: Path):
    folder = corpus(tmp_path, "Typed by T. Mikhaylenko.\n", "Typed by Mikhaylenko.\n")
    result = CliRunner().invoke(main, ["register", "unlinked", str(folder)], env={"COLUMNS": "200"})
    rows = [line for line in result.output.splitlines() if "Mikhaylenko" in line]
    assert len(rows) == 1 and "T. Mikhaylenko; Mikhaylenko" in rows[0]
