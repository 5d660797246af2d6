"""Finding inputs and writing outputs: folders are listed as `Path.rglob` lists them, in the order paths sort; a
staged file is invisible under its name until its group is published, with the mode of any new file, and a group
publishes what it can."""

from __future__ import annotations

import os
from pathlib import Path

from tei_cables.files import PathList, find_sources, find_xml_files, publish_all, shared_names, stage


def test_a_staged_file_appears_under_its_name_only_when_published(tmp_path: Path):
    target = tmp_path / "out" / "a.xml"
    tmp = stage(target, b"<TEI/>")
    assert not target.exists() and tmp.read_bytes() == b"<TEI/>" and tmp.parent == target.parent
    assert publish_all([(tmp, target)]) == {}
    assert target.read_bytes() == b"<TEI/>" and not tmp.exists()


def test_a_published_file_has_the_mode_the_umask_gives(tmp_path: Path):
    mask = os.umask(0o022)
    try:
        target = tmp_path / "a.xml"
        publish_all([(stage(target, b"x"), target)])
    finally:
        os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_file_that_cannot_be_renamed_is_reported_and_the_others_published(tmp_path: Path):
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    staged_good, staged_bad = stage(good, b"1"), stage(bad, b"2")
    bad.mkdir()  # a folder where the file should go
    (bad / "inside").write_text("keeps the folder from being replaced")
    errors = publish_all([(staged_bad, bad), (staged_good, good)])
    assert list(errors) == [staged_bad] and not staged_bad.exists()
    assert good.read_bytes() == b"1"


def test_without_a_system_wide_sync_each_file_is_synced_alone(tmp_path: Path, monkeypatch):
    synced = []
    monkeypatch.delattr(os, "sync")
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))
    targets = [tmp_path / "a.xml", tmp_path / "b.xml"]
    assert publish_all([(stage(t, b"x"), t) for t in targets]) == {}
    assert len(synced) == 2 and all(t.read_bytes() == b"x" for t in targets)


def test_files_under_a_folder_come_in_the_order_paths_sort_in(tmp_path: Path):
    for name in ("a/b.txt", "a-c.txt", "a/a/z.txt", "B.txt", "a.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = find_sources([tmp_path])
    assert list(found) == sorted(p for p in tmp_path.rglob("*.txt"))
    assert isinstance(found[0], Path) and len(found) == 5 and list(found[1:3]) == list(found)[1:3]


def test_a_file_named_twice_is_listed_once(tmp_path: Path):
    (tmp_path / "a.txt").write_text("x")
    assert list(find_sources([tmp_path, tmp_path / "a.txt"])) == [tmp_path / "a.txt"]


def test_a_link_to_a_file_is_listed_and_a_link_to_a_folder_is_not_followed(tmp_path: Path):
    """As `Path.rglob` does: a folder reached through a link would list its files twice, or loop."""
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.xml").write_text("x")
    (tmp_path / "b.xml").symlink_to(tmp_path / "real" / "a.xml")
    (tmp_path / "linked").symlink_to(tmp_path / "real", target_is_directory=True)
    assert list(find_xml_files([tmp_path])) == [tmp_path / "b.xml", tmp_path / "real" / "a.xml"]


def test_the_current_folder_lists_paths_without_a_leading_dot(tmp_path: Path, monkeypatch):
    (tmp_path / "a.xml").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert list(find_xml_files([Path(".")])) == [Path("a.xml")]


def test_a_path_list_gives_back_the_paths_it_was_given_by_index_and_slice():
    paths = PathList(["a/b.xml", Path("c.xml"), "d é.xml"])
    assert len(paths) == 3 and paths[-1] == Path("d é.xml") and list(paths[1:]) == [Path("c.xml"), Path("d é.xml")]


def test_a_big_folder_is_sorted_in_packed_runs_and_merged_in_path_order(tmp_path: Path, monkeypatch):
    """A folder's names are sorted a few thousand at a time and merged; three at a time here, to see the merge."""
    import tei_cables.files

    monkeypatch.setattr(tei_cables.files._SortedNames, "_RUN", 3)
    for name in ("k", "b", "a-c", "z", "B", "a", "m", "c", "y", "d"):
        (tmp_path / f"{name}.xml").write_text("x")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.xml").write_text("x")
    assert list(find_xml_files([tmp_path])) == sorted(tmp_path.rglob("*.xml"))


def test_files_that_share_a_name_are_grouped_in_their_order():
    paths = [Path("a/x.xml"), Path("b/y.xml"), Path("b/X.xml"), Path("c/x.xml"), Path("c/z.xml")]
    assert shared_names(paths, lambda p: p.stem.casefold()) == [[Path("a/x.xml"), Path("b/X.xml"), Path("c/x.xml")]]
    assert shared_names(paths, lambda p: p.stem) == [[Path("a/x.xml"), Path("c/x.xml")]]


def test_among_many_files_every_shared_name_is_found():
    paths = [Path(f"a/cable-{i:05d}.xml") for i in range(10_000)]
    paths += [Path("b/cable-00007.xml"), Path("b/cable-09999.xml")]
    assert shared_names(paths, lambda p: p.stem) == [[Path("a/cable-00007.xml"), Path("b/cable-00007.xml")],
                                                     [Path("a/cable-09999.xml"), Path("b/cable-09999.xml")]]


def test_a_name_that_only_shares_a_hash_bit_is_not_a_group():
    """Every name is looked at again only if its bit of the hash table was set; a shared bit alone groups none."""
    paths = [Path(f"cable-{i:06d}.xml") for i in range(20_000)]
    assert shared_names(paths, lambda p: p.stem) == []
