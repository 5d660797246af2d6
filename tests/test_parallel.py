"""`--jobs`: many files through one function in a pool, the results in the order of the files."""

from __future__ import annotations

import os

from tei_cables.parallel import ordered_map


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def test_results_come_in_the_order_of_the_items():
    results = list(ordered_map(_pid_and_square, list(range(40)), jobs=2))
    assert [square for _, square in results] == [n * n for n in range(40)]


def test_a_pool_is_used_when_there_are_cores_and_files_for_it():
    pids = {pid for pid, _ in ordered_map(_pid_and_square, list(range(40)), jobs=2)}
    assert os.getpid() not in pids if (os.cpu_count() or 1) > 1 else pids == {os.getpid()}


def test_a_handful_of_files_is_worked_in_this_process():
    assert {pid for pid, _ in ordered_map(_pid_and_square, [1, 2, 3], jobs=2)} == {os.getpid()}


def test_the_other_sequences_go_beside_the_items():
    assert list(ordered_map(divmod, [7, 9, 11, 13, 15, 17, 19, 21], [2] * 8, jobs=2)) == [divmod(n, 2) for n in
                                                                                         range(7, 22, 2)]
