"""Reading versions (`md`, `txt`): what a person reading an exported cable finds in it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tei_cables.export import FORMATS
from tei_cables.export.reading import escape_md, format_when
from tei_cables.export.run import run_export

from .conftest import ROOT

ENCODED = ROOT / "encoded"
SHTYKOV = "1950-09-29_cable-600301_shtykov-to-gromyko"  # cable 600301/sh
ENCLOSING = "1950-09-30_cable-600308_english"  # relays Kim Il Sung's and Pak Heon-yeong's letter to Stalin


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The committed cables exported once in each reading format: format → folder."""
    out = {}
    for fmt in ("md", "txt"):
        folder = tmp_path_factory.mktemp(fmt)
        outcome = run_export(FORMATS[fmt], [ENCODED], folder, {})
        assert not outcome.errors
        out[fmt] = folder
    return out


def read(exported: dict[str, Path], fmt: str, cable: str) -> str:
    return (exported[fmt] / f"{cable}.{fmt}").read_text(encoding="utf-8")


def test_every_cable_gets_one_file_per_format(exported):
    cables = sorted(p.stem for p in ENCODED.glob("*.xml"))
    assert sorted(p.stem for p in exported["md"].glob("*.md")) == cables
    assert sorted(p.stem for p in exported["txt"].glob("*.txt")) == cables


def test_markdown_names_the_sender_the_addressees_and_the_number(exported):
    md = read(exported, "md", SHTYKOV)
    assert md.startswith("# Telegram from Shtykov to Gromyko and Stalin\n")
    assert "- **Cipher telegram:** No. 600301/sh, sender's No. 1340" in md
    assert "- **Sender:** Terentii Shtykov in Pyongyang, 1950-09-29 20:23 (UTC+09:00)" in md
    assert "- **Addressees:** Andrei Gromyko and Joseph Stalin in Moscow, 1950-09-30 14:45 (UTC+03:00)" in md


def test_markdown_gives_the_text_paragraph_by_paragraph(exported):
    md = read(exported, "md", SHTYKOV)
    assert "\n\nOn 29 September I met KIM IL SUNG upon his request.\n\n" in md
    assert "\n\nI replied that I did not know the latest one.\n\n" in md
    assert "\n\nS H T Y K O V\n\n" in md  # the signature, then the dateline
    assert "\n\n30.IX.50\n\n" in md


def test_routing_stamps_give_times_and_clerks(exported):
    md = read(exported, "md", SHTYKOV)
    assert ("- **Deciphered:** 1950-09-30 15:50, Vakushin: “Deciphered by Vakushin on 09/30/50 at 15:50 p.m”"
            in md)
    assert "- **Typed:** 1950-09-30 16:55, Lobyseva:" in md
    urgent = read(exported, "md", ENCLOSING)
    assert "- **Urgency:** “Extremely Urgent”" in urgent


def test_stamps_are_in_the_routing_block_not_repeated_in_the_text(exported):
    md = read(exported, "md", SHTYKOV)
    text = md.split("## Text", 1)[1]
    assert "Deciphered by Vakushin" not in text
    assert "Distribution list - 12 copies" not in text


def test_distribution_list_gives_each_entry_its_copies(exported):
    md = read(exported, "md", SHTYKOV)
    distribution = md.split("## Distribution", 1)[1].split("##", 1)[0]
    assert "The list states 12 copies." in distribution
    assert "- **Joseph Stalin:** 2 copies" in distribution
    assert "- **Ministry of Foreign Affairs of the USSR:** 1 copy" in distribution
    assert "- **on file:** 1 copy" in distribution


def test_source_gives_the_archive_reference_and_the_address(exported):
    md = read(exported, "md", SHTYKOV)
    assert "- **Archive:** APRF, fond 45, opis 1, delo 347, listy 46-49" in md
    assert "- **Address:** <https://wilson-center.drivingcreative.com/document/112688>" in md


def test_markdown_lists_stalin_among_the_linked_entries_with_his_wikidata_link(exported):
    md = read(exported, "md", SHTYKOV)
    names = md.split("## Names", 1)[1]
    stalin = next(line for line in names.splitlines() if line.startswith("- **Joseph Stalin**"))
    assert "(person)" in stalin
    assert "Instantsia" in stalin and "STALIN" in stalin  # the forms the cable writes him in
    assert "[Wikidata Q855](https://www.wikidata.org/wiki/Q855)" in stalin


def test_names_not_in_the_register_are_marked(exported):
    md = read(exported, "md", SHTYKOV)
    assert "- **Vakushin** (person, not in the register yet)" in md


def test_plain_text_has_no_markdown_syntax(exported):
    txt = read(exported, "txt", SHTYKOV)
    assert "Terentii Shtykov" in txt and "I replied that I did not know the latest one." in txt
    for syntax in ("**", "](", "\\[", "<http", "## "):
        assert syntax not in txt
    assert not [line for line in txt.splitlines() if re.match(r"\s*(#|>|[-*+] |\d+\. )", line)]
    assert "Names" not in txt.split("SOURCE", 1)[1]  # the register section is Markdown's alone


def test_plain_text_is_wrapped_for_reading(exported):
    txt = read(exported, "txt", SHTYKOV)
    assert max(len(line) for line in txt.splitlines()) <= 78


def test_editors_brackets_stay_visible(exported):
    assert "how do you consider \\[the situation\\], will" in read(exported, "md", SHTYKOV)  # renders `[the situation]`
    assert "how do you consider [the situation], will" in read(exported, "txt", SHTYKOV).replace("\n", " ")


def test_an_enclosed_letter_is_set_off_from_the_cable(exported):
    md = read(exported, "md", ENCLOSING)
    assert "Enclosed letter from Kim Il Sung and Pak Heon-yeong to Joseph Stalin in Moscow, dated 1950-09-29:" in md
    assert "\n> DEEPLY RESPECTED Iosif Vissarionovich STALIN.\n" in md
    assert "\nThis letter was handed over to me by PAK HEON-YEONG in person.\n" in md  # the cable's own: not quoted
    txt = read(exported, "txt", ENCLOSING)
    assert "\n    DEEPLY RESPECTED Iosif Vissarionovich STALIN.\n" in txt
    assert "\nThis letter was handed over to me by PAK HEON-YEONG in person.\n" in txt


def test_a_list_keeps_its_numbers_without_becoming_a_second_list(exported):
    md = read(exported, "md", "1950-10-09_cable-600382_kim-to-stalin")
    assert "> - 1\\. To permit the training of 200-300 pilots" in md
    txt = read(exported, "txt", "1950-10-09_cable-600382_kim-to-stalin")
    assert "\n      1. To permit the training of 200-300 pilots" in txt


def test_a_hand_edited_tei_file_exports_with_its_edit(tmp_path):
    source = tmp_path / "tei"
    source.mkdir()
    tei = (ENCODED / f"{SHTYKOV}.xml").read_text(encoding="utf-8")
    edited = tei.replace('<persName type="regularised">Terentii Shtykov</persName>',
                         '<persName type="regularised">Terenty Fomich Shtykov</persName>')
    assert edited != tei
    (source / f"{SHTYKOV}.xml").write_text(edited, encoding="utf-8")
    run_export(FORMATS["md"], [source], tmp_path / "md", {})
    md = (tmp_path / "md" / f"{SHTYKOV}.md").read_text(encoding="utf-8")
    assert "- **Sender:** Terenty Fomich Shtykov in Pyongyang" in md
    assert "Terentii" not in md


def test_an_unreadable_file_is_named_and_the_others_still_export(tmp_path):
    source = tmp_path / "tei"
    shutil.copytree(ENCODED, source)
    broken = source / "1950-01-01_broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", encoding="utf-8")
    outcome = run_export(FORMATS["txt"], [source], tmp_path / "txt", {})
    assert [path.name for path, _ in outcome.errors] == [broken.name]
    assert broken.name in outcome.errors[0][1]
    assert outcome.exported == len(list(ENCODED.glob("*.xml")))
    assert (tmp_path / "txt" / f"{SHTYKOV}.txt").exists()
    assert not (tmp_path / "txt" / "1950-01-01_broken.txt").exists()


def test_output_is_utf8_with_one_trailing_newline_and_the_same_every_time(exported, tmp_path):
    again = tmp_path / "md"
    run_export(FORMATS["md"], [ENCODED], again, {})
    for path in exported["md"].glob("*.md"):
        data = path.read_bytes()
        assert data == (again / path.name).read_bytes()
        assert data.endswith(b"\n") and not data.endswith(b"\n\n")
        data.decode("utf-8")
    russian = read(exported, "md", "1950-09-30_cable-600308_russian-english")
    assert "МНОГОУВАЖАЕМОМУ Иосифу Виссарионовичу СТАЛИНУ." in russian


@pytest.mark.parametrize(("words", "escaped"), [
    ("[sic]", "\\[sic\\]"),
    ("*urgent*", "\\*urgent\\*"),
    ("pers_stalin", "pers\\_stalin"),
    ("<b>", "\\<b\\>"),
    ("1. To permit", "1\\. To permit"),
    ("# 600301", "\\# 600301"),
    ("- Stalin", "\\- Stalin"),
    ("30.IX.50", "30.IX.50"),  # not a list item: nothing to escape
    ("A & B", "A & B"),
    ("&amp;", "\\&amp;"),
])
def test_markdown_escapes_what_it_would_read_as_syntax(words, escaped):
    assert escape_md(words) == escaped


def test_times_read_with_their_offset():
    assert format_when("1950-09-29T20:23:00+09:00") == "1950-09-29 20:23 (UTC+09:00)"
    assert format_when("1950-09-30T14:50:00") == "1950-09-30 14:50"
    assert format_when("1950-09-29") == "1950-09-29"
    assert format_when(None) == ""
