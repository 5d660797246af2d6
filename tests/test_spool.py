"""The export spool: what a corpus format holds until the end of its file waits on disk, in order."""

from __future__ import annotations

from tei_cables.export.spool import Spool


def test_items_come_back_in_the_order_they_were_added_cable_after_cable():
    with Spool() as spool:
        spool.add(["a", "b"])
        spool.add([])
        spool.add([{"id": "c"}, b"<d/>"])
        assert list(spool) == ["a", "b", {"id": "c"}, b"<d/>"]
        assert list(spool) == ["a", "b", {"id": "c"}, b"<d/>"]  # read again from the start


def test_the_spool_file_is_gone_when_the_spool_closes():
    with Spool() as spool:
        spool.add(["x"])
    assert spool.file.closed
