"""Synthetic corpora for the benchmarks, made from the bundled sources: many cables, and single big files.

A corpus of N cables varies what a converter's work depends on: the telegram numbers, the dates, the names in
the text (drawn from the register, so the tagger links them) and the length (one to three copies of the body).
A big file is a converted cable whose paragraphs are repeated until it has the number asked for, which is what an
editor validating a long document in CI has.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "sources").glob("*.txt"))
NAMES = ["STALIN", "KIM IL SUNG", "PAK HON YONG", "MAO ZEDONG", "ZHOU ENLAI", "GROMYKO", "VYSHINSKY", "SHTYKOV",
         "NAM IL", "PENG DEHUAI", "MOLOTOV", "ZAKHAROV"]
PLACES = ["SEOUL", "PYONGYANG", "PUSAN", "TAEJON", "KAESONG", "WONSAN", "MUKDEN", "PEKING", "ANTUNG", "CHORWON"]


def cables(folder: Path, n: int, seed: int = 1950) -> list[Path]:
    """N transcriptions of real length (3–5 KB, as the issue measures; the bundled sources run from 2.5 to 17 KB),
    varied from the bundled sources, written into `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    out = []
    for i in range(n):
        text = texts[i % len(texts)]
        text = re.sub(r"\b6003\d\d\b", str(600000 + rng.randrange(1000)), text)
        text = re.sub(r"\b(\d{1,2})/(\d{1,2})/50\b",
                      lambda m: f"{rng.randint(1, 12):02d}/{m.group(2)}/5{rng.randint(0, 2)}", text)
        text = _to_length(text, rng.randint(3000, 5000), rng)
        path = folder / f"cable-{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def _to_length(text: str, size: int, rng: random.Random) -> str:
    """The text brought near `size` bytes: paragraphs of running prose taken out at random (the first two of
    each script stay, so a bilingual cable keeps both parts), then paragraphs with dates, names and places added
    before the last third until it is long enough."""
    blocks = text.split("\n\n")
    prose = [i for i, b in enumerate(blocks) if _is_prose(b)]
    kept_first = {i for script in (True, False) for i in [j for j in prose if _cyrillic(blocks[j]) == script][:2]}
    removable = [i for i in prose if i not in kept_first]
    rng.shuffle(removable)
    while removable and _size("\n\n".join(b for b in blocks if b is not None)) > size:
        blocks[removable.pop()] = None
    text = "\n\n".join(b for b in blocks if b is not None)
    while _size(text) < size - 300:
        extra = (f"On {rng.randint(1, 28)}.{rng.randint(1, 12)}.5{rng.randint(0, 2)} {rng.choice(NAMES)} reported "
                 f"that the units near {rng.choice(PLACES)} were reinforced, and {rng.choice(NAMES)} agreed.")
        marker = text.rfind("\n\n", 0, len(text) * 2 // 3)
        text = text[:marker] + "\n\n" + extra + text[marker:]
    return text


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _is_prose(block: str) -> bool:
    letters = [c for c in block if c.isalpha()]
    return len(block) >= 150 and sum(c.islower() for c in letters) > 0.6 * len(letters)


def _cyrillic(block: str) -> bool:
    return sum("\u0400" <= c <= "\u04ff" for c in block) > len(block) // 4


def big_file(tei: bytes, paragraphs: int) -> bytes:
    """A converted cable (one language, no paragraph ids) with its paragraphs repeated after the last one until it
    holds about `paragraphs` of them; nothing else of the file changes, so it stays valid."""
    text = tei.decode("utf-8")
    found = list(re.finditer(r"\n *<p>(?:(?!</p>).)*</p>", text, re.S))
    if not found:
        raise ValueError("the cable has no paragraph to repeat")
    if any("xml:id=" in m.group() for m in found):
        raise ValueError("the cable's paragraphs have ids (a bilingual file): repeating them would repeat the ids")
    block = "".join(m.group() for m in found)
    copies = max(0, paragraphs // len(found) - 1)
    end = found[-1].end()
    return (text[:end] + block * copies + text[end:]).encode("utf-8")
