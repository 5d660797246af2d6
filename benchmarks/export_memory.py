"""Peak memory of `tei-cables export` as the corpus grows: a streamed export stays flat.

Makes corpora of the bundled encoded cables copied N times (N = 20 and 200 by default), exports each in a fresh
process per format, and prints the peak resident memory of each run and the ratio of the large corpus's peak to
the small one's, measured in the same run (the baseline). A streamed format shows a ratio near 1; the graph
formats (rdf, gexf, graphml) hold their graph and grow with it by design.

    python benchmarks/export_memory.py [--small 20] [--large 200] [--formats csv sqlite json cmif rdf gexf]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(folder: Path, copies: int) -> Path:
    """The encoded cables copied `copies` times under new names."""
    folder.mkdir(parents=True)
    for n in range(copies):
        for src in sorted((ROOT / "encoded").glob("*.xml")):
            shutil.copy(src, folder / f"{src.stem}-{n:04d}.xml")
    return folder


def peak_kib(fmt: str, src: Path, out: Path) -> int:
    """Peak resident memory (KiB) of one export in a child process of its own."""
    code = ("import resource, sys; from tei_cables.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", code, "export", fmt, str(src), "-o", str(out)], capture_output=True,
                         text=True, check=False)
    return int(run.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=20)
    parser.add_argument("--large", type=int, default=200)
    parser.add_argument("--formats", nargs="+", default=["csv", "sqlite", "json", "cmif", "rdf", "gexf"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = corpus(Path(tmp) / "small", args.small)
        large = corpus(Path(tmp) / "large", args.large)
        print(f"{'format':8} {'cables':>7} {'peak MiB':>9} {'cables':>7} {'peak MiB':>9} {'ratio':>6}")
        for fmt in args.formats:
            a = peak_kib(fmt, small, Path(tmp) / f"a-{fmt}")
            b = peak_kib(fmt, large, Path(tmp) / f"b-{fmt}")
            print(f"{fmt:8} {args.small * 5:7d} {a / 1024:9.1f} {args.large * 5:7d} {b / 1024:9.1f} {b / a:6.2f}")


if __name__ == "__main__":
    main()
