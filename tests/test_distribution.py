"""Distribution lists in every syntax, with copy counts and the stated total."""

from __future__ import annotations

from tei_cables.model import Block
from tei_cables.read.body import read_body
from tei_cables.read.paragraphs import split_paragraphs

from .conftest import tei_of, xp


def distribution(text: str):
    blocks = read_body(split_paragraphs(text))
    found = [b for b in blocks if isinstance(b, Block) and b.kind == "distribution"]
    assert found, "no distribution list read"
    d = found[0].distribution
    return d, [(t.value[c.name[0]:c.name[1]], c.copies) for t, c in d.items]


def test_counted_list_with_total():
    d, items = distribution("Distribution list - 12 copies:\n\nStalin - 2, Molotov - 1, Gromyko - 1.")
    assert d.total == 12
    assert items == [("Stalin", 2), ("Molotov", 1), ("Gromyko", 1)]


def test_counted_list_running_over_paragraphs():
    text = "Distribution list - 12 copies:\n\nStalin - 2, Molotov - 1,\n\nBeria - 1, MFA - 1, on file - 1."
    assert distribution(text)[1] == [("Stalin", 2), ("Molotov", 1), ("Beria", 1), ("MFA", 1), ("on file", 1)]


def test_counted_list_on_the_head_line():
    text = "Distribution list - 11 copies: Stalin - 2,\n\nMolotov - 1, Beria - 1."
    d, items = distribution(text)
    assert (d.total, items) == (11, [("Stalin", 2), ("Molotov", 1), ("Beria", 1)])


def test_copies_with_brackets_and_implicit_single_copies():
    d, items = distribution("Copies: Stalin (2), Molotov, Malenkov.")
    assert d.total is None
    assert items == [("Stalin", 2), ("Molotov", 1), ("Malenkov", 1)]


def test_per_copy_lines_are_one_item_each_in_the_order_of_the_source():
    text = "12 copies printed\n\nCopy N° 1 to Cde. Stalin\nCopy N° 3 to Cde. Molotov\nCopy N° 2 to Cde. Stalin"
    d, items = distribution(text)
    assert (d.total, items) == (12, [("Stalin", 1), ("Molotov", 1), ("Stalin", 1)])


def test_a_russian_copy_table_is_read_cell_by_cell_as_laid_out():
    text = ("Отпечатано в 12 экземплярах\n\n"
            "Экз. № 1\tТОВ. СТАЛИНУ\tЭкз. № 3\tТОВ. БЕРИЯ\n"
            "Экз. № 2\tТОВ. СТАЛИНУ\tЭкз. № 4\t\n")
    d, items = distribution(text)
    assert (d.total, items) == (12, [("СТАЛИНУ", 1), ("БЕРИЯ", 1), ("СТАЛИНУ", 1)])
    assert [u.value for u in d.unassigned] == ["Экз. № 4"]


def test_no_tab_stands_inside_an_item():
    d, _ = distribution("Отпечатано в 12 экземплярах\n\nЭкз. № 1\tТОВ. СТАЛИНУ\tЭкз. № 3\tТОВ. БЕРИЯ")
    assert [t.value for t, _ in d.items] == ["Экз. № 1 ТОВ. СТАЛИНУ", "Экз. № 3 ТОВ. БЕРИЯ"]


def test_a_list_typed_right_under_a_stamp_is_a_list_of_its_own():
    d, items = distribution("Deciphered by Ivanova 10/13/50 at 02:40\nCopies: Stalin (2), Molotov, Malenkov")
    assert items == [("Stalin", 2), ("Molotov", 1), ("Malenkov", 1)]


def test_per_copy_lines_with_no_heading_are_a_list():
    d, items = distribution("Расшифровал Петренко 13.X.50\nЭкз. № 1 ТОВ. СТАЛИНУ\nЭкз. № 2 ТОВ. СТАЛИНУ\n"
                            "Экз. № 3 ТОВ. МОЛОТОВУ")
    assert d.head is None
    assert items == [("СТАЛИНУ", 1), ("СТАЛИНУ", 1), ("МОЛОТОВУ", 1)]


def test_a_range_of_copy_numbers_counts_each_copy():
    text = "Three copies made\ncopies NºNº 1-2 to Cde. Poskrebyshev\ncopy Nº 3 – to Cde. Molotov"
    d, items = distribution(text)
    assert d.total == 3
    assert items == [("Poskrebyshev", 2), ("Molotov", 1)]


def test_a_copy_number_inside_the_heads_sentence():
    d, items = distribution("Two copies printed. Nº 2 to file.")
    assert (d.total, items) == (2, [("file", 1)])


def test_numbered_copy_lines_under_a_copies_head():
    d, items = distribution("Copies:\n\n1. Comr. Stalin\n\n2. Comr. Molotov\n\n3. Comr. Stalin")
    assert items == [("Stalin", 1), ("Molotov", 1), ("Stalin", 1)]


def test_an_entry_broken_over_a_line_end_is_one_entry():
    d, items = distribution("Distribution List:\nStalin - 2,Molotov - 1, 8th MDGS\nfile - 1.")
    assert items == [("Stalin", 2), ("Molotov", 1), ("8th MDGS\nfile", 1)]


def test_a_head_with_no_list_is_a_stamp_not_an_empty_list():
    from .conftest import tei_of, xp

    root = tei_of("I report the situation at the front is severe and the troops lack ammunition and fuel.\n\n"
                  "SHTYKOV\n\n17 copies. vg")
    assert xp(root, "//t:list[@type='distribution']") == []
    assert xp(root, "//t:ab[@subtype='distribution']/t:num[@type='total']/@value") == ["17"]


def test_copy_numbers_with_no_addressee_are_copy_lines_not_an_empty_item():
    from .conftest import tei_of, xp

    root = tei_of("I report the situation at the front is severe and the troops lack ammunition and fuel.\n\n"
                  "SHTYKOV\n\nОтпечатано в 2 экземплярах\n\nЭкз. № 1\nЭкз. № 2")
    items = xp(root, "//t:list[@type='distribution']/t:item")
    assert [xp(i, "normalize-space(.)") for i in items] == ["Экз. № 1", "Экз. № 2"]


def test_an_entry_broken_over_a_blank_line_keeps_its_name_and_count_in_place():
    root = tei_of("Distribution list: STALIN\nZaborovsky:\n\nShtykov - 2\n")
    item = xp(root, "//t:list[@type='distribution']/t:item")[-1]
    assert xp(item, "string(t:num[@type='copies'])") == "2"
    assert "".join(item.itertext()).rstrip().endswith("Shtykov - 2")
