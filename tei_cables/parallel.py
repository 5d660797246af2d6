"""Many files through one function in a pool of processes (`--jobs`), the results in the order of the files.

`convert`, `validate` and `export` share it. What makes a pool pay on a corpus of small files: no more workers
than cores (more only wait for each other); what every file needs (the register, its automaton, the schemas)
loaded once before the pool forks, so each worker inherits it instead of building it again; and the files handed
out in chunks, small enough that results keep arriving (a progress bar moves, memory stays flat) and large enough
that sending them costs less than the work.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

_MAX_CHUNK = 32
_AHEAD = 4  # chunks in flight per worker
_FILES_PER_WORKER = 4  # below this, starting a process costs more than it saves


def ordered_map(fn: Callable[..., Any], items: Sequence[Any], *more: Iterable[Any], jobs: int,
                warm: Callable[[], None] = lambda: None) -> Iterator[Any]:
    """fn over the items (and the other iterables beside them, as `map` takes them), in this process when one
    worker is all there is to use (one core, or a handful of files), else in a pool of `jobs` processes at most.

    Chunks are handed out a few ahead of the one being read back, not all at once: what waits in the pool's queues
    stays the same for 1,000 files or 100,000."""
    workers = max(1, min(jobs, len(items) // _FILES_PER_WORKER, os.cpu_count() or 1))
    if workers == 1:
        yield from map(fn, items, *more)
        return
    warm()
    size = max(1, min(_MAX_CHUNK, len(items) // (workers * 8)))
    arguments = zip(items, *more, strict=False)  # the others may be endless (`itertools.repeat`)
    chunks = iter(lambda: list(islice(arguments, size)), [])
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_run_chunk, fn, chunk))
            if len(pending) >= workers * _AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _run_chunk(fn: Callable[..., Any], chunk: list[tuple]) -> list[Any]:
    return [fn(*args) for args in chunk]
