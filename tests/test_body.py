"""The body of a cable: form, message, signature, closing stamps and enclosed letters."""

from __future__ import annotations

from tei_cables.model import Block, Enclosure
from tei_cables.read.body import read_body
from tei_cables.read.language import split_parts
from tei_cables.read.paragraphs import split_paragraphs

from .conftest import tei_of, xp


def kinds(text: str) -> list:
    out = []
    for b in read_body(split_paragraphs(text)):
        out.append(("enclosure", [x.kind for x in b.blocks if isinstance(x, Block)]) if isinstance(b, Enclosure)
                   else b.kind)
    return out


FORM = "CIPHERED TELEGRAM # 1/sh\n\nFrom: PYONGYANG\n\nSent on 09/29/50 at 20:23 p.m.\n\n"
PROSE = "I met the chairman of the committee upon his request and we discussed the situation at length.\n\n"


def test_addressee_lines_before_the_message_open_it():
    assert kinds(FORM + "To: MOSCOW\n\nTo Comrade GROMYKO\n\n" + PROSE) == ["stamps"] * 4 + ["address", "p"]


def test_signature_in_capitals_after_the_message():
    assert kinds(FORM + PROSE + "S H T Y K O V\n\nNo. 1340") == ["stamps"] * 3 + ["p", "signed", "stamps"]


def test_date_after_the_signature_is_a_dateline_not_a_signature():
    assert kinds(FORM + PROSE + "SHTYKOV\n\n30.IX.50")[-2:] == ["signed", "dateline"]


def test_quoted_letter_is_an_enclosure():
    text = FORM + PROSE + '"Dear Comrade STALIN,\n\n' + PROSE + 'Respectfully, KIM IL SUNG"\n\n' + PROSE
    assert kinds(text)[-2:] == [("enclosure", ["salute", "p", "signed"]), "p"]


def test_letter_after_a_separator_and_salutation_is_an_enclosure():
    text = FORM + PROSE + "SHTYKOV\n\nNo. 1\n\n* * * * *\n\nMoscow, Kremlin.\n\nDEAR Comrade STALIN.\n\n" + PROSE
    assert kinds(text)[-2:] == ["separator", ("enclosure", ["address", "salute", "p"])]


def test_numbered_points_are_items():
    text = FORM + PROSE + "1. To permit the training of pilots.\n2. To permit the training of tankists.\n\n" + PROSE
    assert kinds(text)[3:] == ["p", "item", "item", "p"]


def test_stamp_continued_in_the_next_paragraph_is_one_block():
    blocks = read_body(split_paragraphs("From Correspondent 20 Sent 17.7.52\n\n18:45 Received 17.7 20:50"))
    assert len(blocks) == 1
    text = blocks[0].text.value
    assert [(s.type, text[s.start:s.end].strip()) for s in blocks[0].stamps] == [
        ("from", "From Correspondent 20"), ("sent", "Sent 17.7.52\n\n18:45"), ("received", "Received 17.7 20:50")]


def test_whole_paragraph_bracket_is_a_note():
    [b] = read_body(split_paragraphs("[handwritten above the form: sent to Cde. Stalin]"))
    assert (b.kind, b.note_type) == ("note", "handwritten")


def test_page_marker_inside_a_letter_stays_a_page_marker():
    text = FORM + PROSE + '"Dear Comrade,\n\n' + PROSE + "Лист № 2\n\n" + PROSE + 'end"'
    enclosure = read_body(split_paragraphs(text))[-1]
    assert [b.stamps[0].type for b in enclosure.blocks if b.kind == "stamps"] == ["page"]


def test_russian_original_and_english_translation_are_two_parts():
    ru = "Передаю текст полученного мною письма от товарища на имя товарища Сталина следующего содержания.\n\n" * 5
    en = "I am passing the text of a letter I have received from the comrade to Comrade Stalin as follows.\n\n" * 5
    assert [lang for lang, _ in split_parts(split_paragraphs(ru + en))] == ["ru", "en"]


def test_a_short_russian_stamp_in_an_english_cable_does_not_make_a_part():
    en = "I am passing the text of a letter I have received from the comrade to Comrade Stalin as follows.\n\n" * 5
    assert [lang for lang, _ in split_parts(split_paragraphs(en + "Вх. № 3561\n\n" + en))] == ["en"]


def test_the_senders_number_under_the_signature_is_a_stamp_of_its_own():
    root = tei_of("ШИФРТЕЛЕГРАММА № 600410/ш\nИз ПЕКИНА\nПодана 14.10.50 21.30\n\n"
                  "Передаю текст ответа. Войска перейдут реку 19 октября, как было условлено ранее.\n\nРОЩИН\n№ 2417\n")
    assert xp(root, "string(//t:text//t:idno[@type='sender'])") == "2417"
    assert xp(root, "string(//t:text//t:idno[@type='telegram'])") == "600410/ш"


def test_a_number_on_the_line_after_the_cable_heading_is_not_taken_for_the_senders_number():
    root = tei_of("CIPHERED TELEGRAM\nNo. 600377/sh\n\nFrom Pyongyang\n")
    assert xp(root, "//t:idno[@type='sender']") == []
