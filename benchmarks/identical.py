"""Whether this checkout converts to the same bytes as an earlier commit: the bundled sources, the real cables
beside the repository when they are there, and a synthetic corpus.

    python benchmarks/identical.py REV [--n 200]

A performance change must not change a byte of the TEI. The earlier commit is checked out in a temporary git
worktree and run from there (`python -m tei_cables`, with the same installed libraries); both write into
temporary folders, and every file is compared. Exit code 0 when all are identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ROOT, cables  # noqa: E402


def convert(code: Path, sources: Path, out: Path) -> None:
    """Convert with the package of the checkout at `code`, whatever is installed: run from there (`-m` puts the
    working folder first on the path), and make sure of it."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    found = subprocess.run([sys.executable, "-c", "import tei_cables; print(tei_cables.__file__)"], cwd=code, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    if not Path(found).resolve().is_relative_to(code.resolve()):
        raise SystemExit(f"{code}: python imports tei_cables from {found}, not from this checkout")
    subprocess.run([sys.executable, "-m", "tei_cables", "convert", str(sources.resolve()), "-o", str(out.resolve()),
                    "-q", "--jobs", "2"], cwd=code, env=env, capture_output=True, check=False)


def differing(a: Path, b: Path) -> list[str]:
    names = sorted({p.name for p in a.glob("*.xml")} | {p.name for p in b.glob("*.xml")})
    return [n for n in names if not (a / n).is_file() or not (b / n).is_file()
            or (a / n).read_bytes() != (b / n).read_bytes()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the earlier commit (hash, tag or branch)")
    parser.add_argument("--n", type=int, default=200, help="cables in the synthetic corpus")
    args = parser.parse_args()
    shared = Path(os.environ.get("TEI_CABLES_SHARED") or ROOT.parent / "shared")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        earlier = work / "earlier"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(earlier), args.rev],
                       capture_output=True, check=True)
        try:
            sets = {"sources": ROOT / "sources", "synthetic": work / "synthetic"}
            if (shared / "real" / "sources").is_dir():
                sets["real"] = shared / "real" / "sources"
            cables(sets["synthetic"], args.n)
            bad = 0
            for name, sources in sets.items():
                convert(earlier, sources, work / f"{name}-earlier")
                convert(ROOT, sources, work / f"{name}-now")
                files = len(list((work / f"{name}-now").glob("*.xml")))
                diff = differing(work / f"{name}-earlier", work / f"{name}-now")
                bad += len(diff)
                print(f"{name}: {files} files, {len(diff)} differ {diff[:5] if diff else ''}")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(earlier)], capture_output=True)
    print("identical" if not bad else f"{bad} files differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
