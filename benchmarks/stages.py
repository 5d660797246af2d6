"""Where a conversion's time goes, stage by stage, on N synthetic cables in one process.

    python benchmarks/stages.py [--n 300] [--profile read|tag|build|check]

Prints the milliseconds a cable spends in each stage of the pipeline (`tei_cables/pipeline.py`: decode, read, tag,
build, serialise) and in the check `convert` makes of the TEI it writes (`validate.iter_findings`), each with its
share of the whole. `run.py` says how fast convert is; this says where to look. With `--profile STAGE` that stage
runs once more under pyinstrument (`pip install pyinstrument`), and its call tree is printed: the profile section
of `benchmarks/README.md` comes from here.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import cables  # noqa: E402

from tei_cables.batch import _warm  # noqa: E402
from tei_cables.encode.document import build_tei, serialize  # noqa: E402
from tei_cables.encode.publication import DEFAULT  # noqa: E402
from tei_cables.fingerprint import add_fingerprint  # noqa: E402
from tei_cables.pipeline import schema_instructions  # noqa: E402
from tei_cables.read import read_cable  # noqa: E402
from tei_cables.read.source import checked_text, decode  # noqa: E402
from tei_cables.tag import tag_cable  # noqa: E402
from tei_cables.validate import iter_findings  # noqa: E402


def _decode(data: bytes, name: str) -> str:
    text, _ = decode(data, name)
    return checked_text(text, name)[0]


def _build(cable: Any, name: str) -> Any:
    return build_tei(cable, name, DEFAULT)


def _serialise(root: Any, name: str) -> bytes:
    return add_fingerprint(serialize(root, schema_instructions(DEFAULT.schema_href)))


def _check(tei: bytes, name: str) -> list:
    return list(iter_findings(tei, name=name))


# Each stage takes what the one before gave, and the file's name.
STAGES: dict[str, Callable[[Any, str], Any]] = {
    "decode": _decode, "read": read_cable, "tag": lambda cable, name: tag_cable(cable), "build": _build,
    "serialise": _serialise, "check": _check}


def timed(files: list[Path], keep: str | None = None) -> tuple[dict[str, float], list[Any]]:
    """Seconds spent in each stage over all files, and what the stage `keep` was given (to profile it alone)."""
    seconds = dict.fromkeys(STAGES, 0.0)
    given: list[Any] = []
    for path in files:
        value: Any = path.read_bytes()
        for stage, run in STAGES.items():
            if stage == keep:
                given.append(value)
            start = time.perf_counter()
            value = run(value, path.name)
            seconds[stage] += time.perf_counter() - start
    return seconds, given


def profile(stage: str, inputs: list[Any], names: list[str]) -> None:
    """Run one stage again over its inputs under pyinstrument and print the call tree."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        sys.exit("--profile needs pyinstrument: pip install pyinstrument")
    profiler = Profiler(interval=0.0005)
    with profiler:
        for value, name in zip(inputs, names, strict=True):
            STAGES[stage](value, name)
    print(profiler.output_text(unicode=False, color=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300, help="how many synthetic cables")
    parser.add_argument("--profile", choices=[s for s in STAGES if s != "decode"], help="profile one stage")
    args = parser.parse_args()
    _warm()  # the register, its automaton and the schemas, as a convert run loads them before its first file
    with tempfile.TemporaryDirectory() as work:
        files = cables(Path(work), args.n)
        timed(files[:5])  # first calls fill the caches of regular expressions and register forms
        seconds, given = timed(files, args.profile)
    total = sum(seconds.values())
    print(f"convert, stage by stage ({args.n} cables, one process)")
    for stage, s in seconds.items():
        print(f"{stage:<10} {s / args.n * 1000:7.2f} ms/cable  {s / total:6.1%}")
    print(f"{'total':<10} {total / args.n * 1000:7.2f} ms/cable  ({args.n / total:.1f} cables/s)")
    if args.profile:
        profile(args.profile, given, [f.name for f in files])


if __name__ == "__main__":
    main()
