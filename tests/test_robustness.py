"""Bad input, interrupted runs, hand edits and hostile XML never cost a user data."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_cables.cli import main
from tei_cables.errors import SourceError
from tei_cables.pipeline import convert_bytes, convert_text

from .conftest import ROOT, xml_text_words

BAD = ROOT / "tests" / "fixtures" / "bad"


def words(text: str) -> list[str]:
    return sorted(re.findall(r"\w+", text.casefold()))


def kept(source: str, tei: bytes) -> bool:
    """Every word of the source is somewhere in the TEI (as the shared scorer counts)."""
    have: dict[str, int] = {}
    for w in re.findall(r"\w+", " ".join(etree.fromstring(tei).itertext()).casefold()):
        have[w] = have.get(w, 0) + 1
    for w in re.findall(r"\w+", source.casefold()):
        if not have.get(w):
            return False
        have[w] -= 1
    return True


@pytest.mark.parametrize(("name", "message"), [
    ("empty.txt", "the file is empty"),
    ("whitespace-only.txt", "the file is empty"),
    ("binary.txt", "binary data"),
    ("nul-byte.txt", "binary data"),
])
def test_unreadable_files_fail_with_a_reason(name, message):
    with pytest.raises(SourceError, match=re.escape(message)):
        convert_bytes((BAD / name).read_bytes(), name)


def test_a_stray_control_character_is_dropped_with_a_warning_naming_its_line():
    result = convert_bytes((BAD / "control-char.txt").read_bytes(), "control-char.txt")
    assert (result.warnings[0].line, result.warnings[0].message) == (
        5, "dropped the control character U+0007, which XML cannot hold (a space stands in its place)")
    assert b"\x07" not in result.tei


def test_a_nul_in_decoded_text_is_refused_as_binary_with_its_line():
    with pytest.raises(SourceError, match="binary data") as info:
        convert_text("CIPHERED TELEGRAM\n\nline two \x00 here\n", "a.txt")
    assert info.value.line == 3


def test_a_vertical_tab_keeps_the_words_on_both_sides():
    result = convert_text("CIPHERED TELEGRAM\n\nSeoul\x0bPusan were taken.\n", "a.txt")
    assert {"seoul", "pusan"} <= set(xml_text_words(result.tei))
    assert "seoulpusan" not in xml_text_words(result.tei)


@pytest.mark.parametrize("name", ["utf8-bom.txt", "utf16-le-bom.txt", "crlf.txt", "cr-only.txt"])
def test_encodings_and_line_ends_give_the_same_tei_as_plain_utf8(name):
    plain = convert_bytes((BAD / "crlf.txt").read_bytes().replace(b"\r\n", b"\n"), "x.txt").tei
    assert convert_bytes((BAD / name).read_bytes(), "x.txt").tei == plain


@pytest.mark.parametrize("name", ["windows-1251.txt", "koi8-r.txt", "utf16-be-bom.txt"])
def test_russian_in_a_legacy_encoding_is_decoded_not_mojibake(name):
    result = convert_bytes((BAD / name).read_bytes(), name)
    assert "ПЕРЕДАЮ" in result.tei.decode().upper() or "Передаю" in result.tei.decode()


def test_a_legacy_encoding_is_reported():
    result = convert_bytes((BAD / "windows-1251.txt").read_bytes(), "windows-1251.txt")
    assert any("not UTF-8" in w.message for w in result.warnings)


@pytest.mark.parametrize("name", ["markup-like.txt", "impossible-dates.txt", "cut-off-mid-word.txt",
                                  "header-no-body.txt", "duplicated-stamps.txt", "crlf.txt"])
def test_odd_transcriptions_convert_to_valid_tei_keeping_every_word(name, tei_all):
    source = (BAD / name).read_bytes()
    tei = convert_bytes(source, name).tei
    assert tei_all.validate(etree.ElementTree(etree.fromstring(tei))), tei_all.error_log
    assert kept(source.decode("utf-8"), tei)


def test_markup_characters_are_kept_as_text():
    tei = convert_bytes((BAD / "markup-like.txt").read_bytes(), "m.txt").tei
    text = "".join(etree.fromstring(tei).itertext())
    assert "The <b>enemy</b> & allies ]]> said <!-- nothing --> and <?pi?>" in text


def test_impossible_dates_never_become_a_when():
    result = convert_bytes((BAD / "impossible-dates.txt").read_bytes(), "d.txt")
    whens = etree.fromstring(result.tei).xpath("//@when")
    assert not any(w.startswith(("1950-02-31", "1950-13")) for w in whens)
    assert {w.message for w in result.warnings} >= {"not a real date: '02/31/50'", "not a real date: '13/13/50'"}


def test_duplicated_telegram_numbers_keep_the_first_in_the_header():
    tei = convert_bytes((BAD / "duplicated-stamps.txt").read_bytes(), "d.txt").tei
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert etree.fromstring(tei).xpath("//t:teiHeader//t:idno[@type='telegram']/text()", namespaces=ns) == [
        "600301/sh"]


def test_a_multi_megabyte_file_converts(tmp_path: Path):
    one = (BAD / "crlf.txt").read_bytes().replace(b"\r\n", b"\n").decode()
    body = "\n".join(f"Paragraph {n}: the enemy advanced toward Seoul on 16.9.50 and KIM IL SUNG reported it."
                     for n in range(20000))
    data = (one + "\n" + body + "\n").encode()
    assert len(data) > 1_500_000
    tei = convert_bytes(data, "big.txt").tei
    assert tei.count(b'<date when="1950-09-16">') == 20000


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&secret;</p></body></text></TEI>
"""
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<lolz>&lol3;</lolz>
"""


@pytest.mark.parametrize("attack", [XXE, BOMB])
def test_a_hostile_output_file_is_kept_unread_as_a_file_not_written_by_the_tool(tmp_path: Path, attack: bytes):
    (tmp_path / "a.txt").write_bytes((BAD / "crlf.txt").read_bytes())
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.xml").write_bytes(attack)
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert f"kept: {tmp_path / 'out' / 'a.xml'}: not written by tei-cables (no fingerprint)" in result.output
    assert (tmp_path / "out" / "a.xml").read_bytes() == attack


def _start_batch(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    """A batch of 40 sizeable cables converting in a subprocess; returns once the first output exists."""
    src = tmp_path / "src"
    src.mkdir()
    one = (BAD / "crlf.txt").read_bytes().replace(b"\r\n", b"\n").decode()
    body = "\n".join(f"Paragraph {n}: the enemy advanced toward Seoul on 16.9.50." for n in range(3000))
    for n in range(40):
        (src / f"c{n:02d}.txt").write_text(one + body, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "tei_cables", "convert", str(src), "-o", str(out), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not (out.exists() and any(out.glob("*.xml"))):
        time.sleep(0.02)
    return proc, out


def _complete_or_absent(out: Path) -> list[Path]:
    written = sorted(out.glob("*.xml"))
    assert written, "nothing was written before the kill"
    assert len(written) < 40, "the batch finished before it could be killed"
    for path in written:
        etree.parse(str(path))  # complete and well-formed
    return written


def test_a_terminated_batch_leaves_complete_files_and_no_temporaries(tmp_path: Path):
    proc, out = _start_batch(tmp_path)
    proc.send_signal(signal.SIGTERM)
    proc.wait()
    _complete_or_absent(out)
    assert [p.name for p in out.iterdir() if not p.name.endswith(".xml")] == []


def test_a_killed_batch_leaves_complete_files_and_the_next_run_clears_its_temporaries(tmp_path: Path):
    proc, out = _start_batch(tmp_path)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _complete_or_absent(out)
    (out / ".c99.xml.abc123.tmp").write_bytes(b"<TEI")  # what a kill during a write leaves
    CliRunner().invoke(main, ["convert", str(tmp_path / "src" / "c00.txt"), "-o", str(out), "-q"])
    assert [p.name for p in out.iterdir() if not p.name.endswith(".xml")] == []
