"""The performance of tei-cables, each figure beside a baseline measured in the same run on the same files.

    python benchmarks/run.py [--n 1000] [--sizes 1000,4000,10000,40000] [--jobs 1,2] [--skip-jing]

What it prints (one table per measure; a ratio above 1 means tei-cables is faster than its baseline):
- start-up: `tei-cables --help` against `python -c pass`;
- convert: cables per second and peak memory for N synthetic cables of real length (`corpus.py`), with each
  `--jobs`, against lxml parsing and serialising the same TEI (the floor any converter that writes lxml pays);
- validate, corpus: documents per second against jing with `tei_all` and with the cable schema, on the same files
  (jing is Debian's package; `tei_all.rng` is found in `../shared/tei/` or `TEI_CABLES_SHARED`);
- validate, size: seconds against file size for single files of 1k–40k paragraphs, and the slope of log(time)
  against log(size) between the smallest and the largest (1 is linear, 2 quadratic);
- export: seconds per cable and peak memory per format, and the peak memory ratio of N to N/10 cables (flat is 1).

Every command runs in a child process of its own, so its peak memory is its own (`ru_maxrss` of the child).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ROOT, big_file, cables  # noqa: E402

_MEASURE = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n")
_LXML = ("import sys, time\nfrom pathlib import Path\nfrom lxml import etree\n"
         "files = sorted(Path(sys.argv[1]).glob('*.xml'))\nt = time.perf_counter()\n"
         "for p in files:\n    etree.tostring(etree.fromstring(p.read_bytes()), encoding='UTF-8')\n"
         "print(time.perf_counter() - t)\n")


def measure(*command: str) -> tuple[float, float, int]:
    """Seconds, peak MiB and exit code of one command in a child process of its own."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    seconds, kib, code = out.stdout.split()
    return float(seconds), int(kib) / 1024, int(code)


def tei_cables(*args: str) -> list[str]:
    return [sys.executable, "-m", "tei_cables", *args]


def best_of(k: int, *command: str) -> float:
    return min(measure(*command)[0] for _ in range(k))


def tei_all() -> Path | None:
    shared = Path(os.environ.get("TEI_CABLES_SHARED") or ROOT.parent / "shared")
    path = shared / "tei" / "p5-4.8.0" / "tei_all.rng"
    return path if path.is_file() else None


def row(*cells: object) -> None:
    print("  ".join(f"{c:>14}" if not isinstance(c, str) else f"{c:<30}" for c in cells))


def startup(results: dict) -> None:
    """`tei-cables --help` (the installed script, beside this Python, when there is one) and `python -m tei_cables
    --help`, against `python -c pass`."""
    python_s = best_of(5, sys.executable, "-c", "pass")
    print("\nstart-up")
    row("what", "seconds", "ratio to python")
    script = Path(sys.executable).parent / "tei-cables"
    commands = {"tei-cables --help": [str(script), "--help"]} if script.is_file() else {}
    commands["python -m tei_cables --help"] = tei_cables("--help")
    for label, command in commands.items():
        seconds = best_of(5, *command)
        row(label, f"{seconds:.3f}", f"{seconds / python_s:.1f}x python")
        results.setdefault("startup", {})[label] = seconds
    row("python -c pass", f"{python_s:.3f}", "1.0x")
    results["startup"]["python -c pass"] = python_s


def convert(work: Path, n: int, jobs: list[int], results: dict) -> Path:
    sources = work / "sources"
    cables(sources, n)
    size = sum(p.stat().st_size for p in sources.glob("*.txt")) / n / 1000
    print(f"\nconvert ({n} cables of {size:.1f} KB on average)")
    row("what", "cables/s", "peak MiB", "ratio to lxml")
    out = work / "tei"
    outputs = {}
    # one cable first, so that the cache of derived data (`tei_cables/cache.py`) is built before any figure
    subprocess.run(tei_cables("convert", str(next(sources.glob("*.txt"))), "-o", str(work / "warm"), "-q"),
                   capture_output=True, check=False)
    for j in jobs:
        target = work / f"tei-j{j}"
        seconds, mib, code = measure(*tei_cables("convert", str(sources), "-o", str(target), "-q", "--jobs", str(j)))
        outputs[j] = {p.name: hashlib.sha256(p.read_bytes()).digest() for p in target.glob("*.xml")}
        results.setdefault("convert", {})[f"jobs{j}"] = {"cables_per_s": n / seconds, "peak_mib": mib, "exit": code}
    (work / f"tei-j{jobs[0]}").rename(out)
    lxml_s = float(subprocess.run([sys.executable, "-c", _LXML, str(out)], capture_output=True, text=True,
                                  check=True).stdout)
    for j in jobs:
        r = results["convert"][f"jobs{j}"]
        row(f"tei-cables convert --jobs {j}", f"{r['cables_per_s']:.1f}", f"{r['peak_mib']:.0f}",
            f"{r['cables_per_s'] / (n / lxml_s):.3f}")
    row("lxml parse + serialise", f"{n / lxml_s:.1f}", "", "1.000")
    same = all(outputs[j] == outputs[jobs[0]] for j in jobs)
    print(f"  output byte-identical for every --jobs: {same}")
    results["convert"]["lxml_files_per_s"] = n / lxml_s
    results["convert"]["identical"] = same
    return out


def validate_corpus(tei: Path, n: int, jobs: list[int], skip_jing: bool, results: dict) -> None:
    print(f"\nvalidate, corpus ({n} documents)")
    files = [str(p) for p in sorted(tei.glob("*.xml"))]
    baselines = {}
    if not skip_jing and shutil.which("jing"):
        for label, schema in (("jing, tei_all", tei_all()), ("jing, cable schema", ROOT / "schema" / "tei_cables.rng")):
            if schema is not None:
                seconds, mib, _ = measure("jing", str(schema), *files)
                baselines[label] = (n / seconds, mib)
    row("what", "docs/s", "peak MiB", "ratio to jing (tei_all; cable schema)")
    for label, (rate, mib) in baselines.items():
        row(label, f"{rate:.1f}", f"{mib:.0f}", "")
    for j in jobs:
        seconds, mib, _ = measure(*tei_cables("validate", str(tei), "--jobs", str(j)))
        ours = n / seconds
        ratios = {label: ours / rate for label, (rate, _) in baselines.items()}
        row(f"tei-cables validate --jobs {j}", f"{ours:.1f}", f"{mib:.0f}",
            "; ".join(f"{r:.2f}" for r in ratios.values()))
        results.setdefault("validate_corpus", {})[f"jobs{j}"] = {"docs_per_s": ours, "peak_mib": mib,
                                                                 "ratios": ratios}
    results.setdefault("validate_corpus", {})["baselines"] = baselines


def validate_sizes(work: Path, sizes: list[int], results: dict) -> None:
    seed = ROOT / "encoded" / "1950-09-29_cable-600301_shtykov-to-gromyko.xml"
    print("\nvalidate, file size")
    row("paragraphs", "KB", "seconds", "peak MiB")
    points = []
    for size in sizes:
        path = work / f"big-{size}.xml"
        path.write_bytes(big_file(seed.read_bytes(), size))
        seconds, mib, _ = measure(*tei_cables("validate", str(path)))
        points.append((path.stat().st_size, seconds))
        row(str(size), f"{path.stat().st_size // 1000}", f"{seconds:.2f}", f"{mib:.0f}")
    spans = ([(0, -1)] if len(points) > 1 else []) + ([(-2, -1)] if len(points) > 2 else [])
    slopes = {f"{sizes[i]}-{sizes[j]}": _slope(points[i], points[j]) for i, j in spans}
    for span, slope in slopes.items():
        print(f"  slope of log(time) against log(size), {span} paragraphs: {slope:.2f} (1 is linear; start-up "
              "weighs on the small files)")
    results["validate_sizes"] = {"points": points, "slopes": slopes}


def _slope(a: tuple[int, float], b: tuple[int, float]) -> float:
    (s0, t0), (s1, t1) = a, b
    return math.log(t1 / t0) / math.log(s1 / s0) if s1 != s0 and t0 > 0 else float("nan")


def export(work: Path, tei: Path, n: int, formats: list[str], results: dict) -> None:
    """Each exporter's time per cable and its peak memory, on the corpus (`tei`) and on a tenth of it."""
    small = _tenth(work, tei, n)
    print("\nexport")
    row("format", "ms/cable", "peak MiB", "MiB N / N/10")
    for name in formats:
        seconds, mib, _ = measure(*tei_cables("export", name, str(tei), "-o", str(work / f"x-{name}")))
        _, small_mib, _ = measure(*tei_cables("export", name, str(small), "-o", str(work / f"y-{name}")))
        row(name, f"{1000 * seconds / n:.1f}", f"{mib:.0f}", f"{mib / small_mib:.2f}")
        results.setdefault("export", {})[name] = {"ms_per_cable": 1000 * seconds / n, "peak_mib": mib,
                                                  "memory_ratio": mib / small_mib}


def memory(work: Path, tei: Path, n: int, jobs: int, formats: list[str], results: dict) -> None:
    """Peak memory of convert, validate and every exporter on N cables and on N/10: flat is a ratio near 1."""
    small_sources = work / "sources-tenth"
    small_sources.mkdir()
    for p in sorted((work / "sources").glob("*.txt"))[: max(1, n // 10)]:
        os.link(p, small_sources / p.name)
    small = _tenth(work, tei, n)
    print(f"\npeak memory against N ({n} cables and {max(1, n // 10)})")
    row("command", f"MiB at {n}", f"MiB at {max(1, n // 10)}", "ratio")
    measured = results.get("validate_corpus", {}).get(f"jobs{jobs}", {}).get("peak_mib")
    commands = {f"convert --jobs {jobs}": (results["convert"][f"jobs{jobs}"]["peak_mib"],
                                           ["convert", str(small_sources), "-o", str(work / "m-small"), "-q",
                                            "--jobs", str(jobs)]),
                f"validate --jobs {jobs}": (measured or ["validate", str(tei), "--jobs", str(jobs)],
                                            ["validate", str(small), "--jobs", str(jobs)])}
    for name in formats:
        commands[f"export {name}"] = (results.get("export", {}).get(name, {}).get("peak_mib")
                                      or ["export", name, str(tei), "-o", str(work / f"m-{name}")],
                                      ["export", name, str(small), "-o", str(work / f"n-{name}")])
    for label, (big, small_args) in commands.items():
        big_mib = big if isinstance(big, float) else measure(*tei_cables(*big))[1]  # measured already, or now
        small_mib = measure(*tei_cables(*small_args))[1]
        row(label, f"{big_mib:.0f}", f"{small_mib:.0f}", f"{big_mib / small_mib:.2f}")
        results.setdefault("memory", {})[label] = {"n": n, "peak_mib": big_mib, "tenth_peak_mib": small_mib}


def _tenth(work: Path, tei: Path, n: int) -> Path:
    """A tenth of the TEI corpus (hard links), made once."""
    small = work / "tei-tenth"
    if not small.exists():
        small.mkdir()
        for p in sorted(tei.glob("*.xml"))[: max(1, n // 10)]:
            os.link(p, small / p.name)
    return small


def main() -> None:
    from tei_cables.export import FORMATS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="cables in the corpus")
    parser.add_argument("--sizes", default="1000,4000,10000,40000", help="paragraphs of the single big files")
    parser.add_argument("--jobs", default="1,2", help="the --jobs values to convert and validate with")
    parser.add_argument("--formats", default=",".join(sorted(FORMATS)), help="the exporters to measure")
    parser.add_argument("--skip-jing", action="store_true", help="leave out the jing baselines")
    parser.add_argument("--memory-only", action="store_true",
                        help="only peak memory against N (convert, validate, the exporters), e.g. with --n 100000")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    formats = [f for f in args.formats.split(",") if f]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.memory_only:
            tei = convert(work, args.n, [max(jobs)], results)
            memory(work, tei, args.n, max(jobs), formats, results)
        else:
            startup(results)
            tei = convert(work, args.n, jobs, results)
            validate_corpus(tei, args.n, jobs, args.skip_jing, results)
            if args.sizes:
                validate_sizes(work, [int(s) for s in args.sizes.split(",")], results)
            export(work, tei, args.n, formats, results)
            memory(work, tei, args.n, max(jobs), formats, results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    print(f"\n(benchmark run: {time.perf_counter() - t0:.0f} s)")
