"""The cache of derived data: built once, read back the same, never stale, never in the way."""

from __future__ import annotations

from pathlib import Path

from tei_cables import cache
from tei_cables.tag.matcher import build_automaton
from tei_cables.tag.register import load_register


def test_a_value_is_built_once_and_then_read_from_the_cache(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("TEI_CABLES_CACHE", str(tmp_path))
    builds = []
    first = cache.cached("probe", lambda: builds.append(1) or {"a": (1, 2)})
    second = cache.cached("probe", lambda: builds.append(1) or {"a": (1, 2)})
    assert first == second == {"a": (1, 2)} and builds == [1]
    assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["probe"]


def test_the_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("TEI_CABLES_CACHE", "off")
    builds = []
    cache.cached("probe", lambda: builds.append(1))
    cache.cached("probe", lambda: builds.append(1))
    assert builds == [1, 1]


def test_a_broken_cache_file_is_rebuilt(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("TEI_CABLES_CACHE", str(tmp_path))
    (tmp_path / f"probe-{cache.fingerprint()}.pickle").write_bytes(b"not a pickle")
    assert cache.cached("probe", lambda: 42) == 42


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path: Path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("TEI_CABLES_CACHE", str(blocked / "cache"))
    assert cache.cached("probe", lambda: 7) == 7


def test_the_cached_automaton_finds_what_a_fresh_one_finds(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("TEI_CABLES_CACHE", str(tmp_path))
    fresh = build_automaton(load_register())
    cache.cached("automaton-probe", lambda: fresh)
    kept = cache.cached("automaton-probe", lambda: None)
    text = " товарищу сталину kim il sung pyongyang корейской народной армии "
    assert list(kept.iter(text)) == list(fresh.iter(text)) != []


def test_the_fingerprint_changes_with_the_data(monkeypatch):
    before = cache.fingerprint()
    cache.fingerprint.cache_clear()
    monkeypatch.setattr(cache, "__version__", "0.0.0-test")
    try:
        assert cache.fingerprint() != before
    finally:
        cache.fingerprint.cache_clear()
