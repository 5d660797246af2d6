"""Scoring TEI files against their gold: per cable, then over the corpus.

A cable's routing fields are each right or wrong (a field the gold leaves out is not counted, except the parties
and the dates sent and received); its names are counted as entities, matched one to one with the gold's
(`names.py`); its dates of the running text as recall; its words against the source as the share kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tei_cables.errors import TeiCablesError
from tei_cables.evaluate.gold import CLERKS, TIMED, Gold, entity_forms, first_stamp, gold_of_record, load_gold
from tei_cables.evaluate.names import folded, matched, same_name
from tei_cables.export.record import CableRecord, Named, record_of, tei_root
from tei_cables.files import find_xml_files

KINDS = (("persons", "person"), ("places", "place"), ("organizations", "org"))


@dataclass
class Counts:
    """Entities: how many matched (true positives), how many were found, how many the gold has."""

    matched: int = 0
    found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.found += other.found
        self.gold += other.gold


@dataclass
class CableScore:
    """One cable: each routing field right or wrong, the entity counts, dates found of the gold's, words kept."""

    name: str
    fields: dict[str, bool] = field(default_factory=dict)
    entities: dict[str, Counts] = field(default_factory=dict)
    dates: tuple[int, int] = (0, 0)
    kept: tuple[int, int] | None = None

    @property
    def wrong(self) -> list[str]:
        return [k for k, ok in self.fields.items() if not ok]


@dataclass
class Evaluation:
    """A corpus: the cables scored, the gold files with no TEI, the TEI files with no gold."""

    cables: list[CableScore] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    without_gold: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line per file that could not be read

    def field_totals(self) -> dict[str, tuple[int, int]]:
        """Per routing field: how many cables have it right, of how many count it."""
        out: dict[str, list[int]] = {}
        for c in self.cables:
            for k, ok in c.fields.items():
                out.setdefault(k, [0, 0])
                out[k][0] += ok
                out[k][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(out.items())}

    def entity_totals(self) -> dict[str, Counts]:
        out = {k: Counts() for k, _ in KINDS}
        for c in self.cables:
            for k, counts in c.entities.items():
                out[k].add(counts)
        return out

    @property
    def routing(self) -> float:
        right = sum(ok for ok, _ in self.field_totals().values())
        total = sum(n for _, n in self.field_totals().values())
        return right / total if total else 0.0

    @property
    def dates_recall(self) -> float:
        found, total = (sum(c.dates[i] for c in self.cables) for i in (0, 1))
        return found / total if total else 0.0

    @property
    def text_kept(self) -> float | None:
        kept = [c.kept for c in self.cables if c.kept]
        total = sum(t for _, t in kept)
        return sum(k for k, _ in kept) / total if total else None

    def summary(self) -> str:
        """One line in the reference scorer's format, for CI logs and comparisons."""
        e = self.entity_totals()
        kept = self.text_kept or 0.0
        return (f"SUMMARY routing={self.routing:.3f} persons_f1={e['persons'].f1:.3f} places_f1={e['places'].f1:.3f} "
                f"orgs_f1={e['organizations'].f1:.3f} text_kept={kept:.4f} "
                f"encoded={len(self.cables) - len(self.missing)}/{len(self.cables)}")


def evaluate_paths(tei: list[Path], gold_dir: Path, sources: Path | None = None) -> Evaluation:
    """Score the TEI files (and the *.xml in folders) against the gold of the same name in `gold_dir`
    (`NAME.json`, else `NAME.xml`). A gold without a TEI file scores as an empty encoding, as in the reference."""
    files = {p.stem: p for p in find_xml_files(tei)}
    golds = _gold_files(gold_dir)
    result = Evaluation(without_gold=sorted(set(files) - set(golds)))
    for name, gold_path in sorted(golds.items()):
        try:
            gold = load_gold(gold_path)
        except TeiCablesError as exc:
            result.errors.append(str(exc))
            continue
        record, words = None, ""
        try:
            if name in files:
                record, words = _read(files[name])
        except TeiCablesError as exc:
            result.errors.append(str(exc))
        if record is None:
            result.missing.append(name)
        result.cables.append(score_cable(record, gold, _source(sources, name), words))
    return result


def _read(path: Path) -> tuple[CableRecord, str]:
    """A TEI file's record and all its words (header and text: what the source's words may have become)."""
    root = tei_root(path)
    return record_of(root, path), " ".join(root.itertext())


def _gold_files(folder: Path) -> dict[str, Path]:
    """Gold files by name; a JSON gold wins over a TEI gold of the same name."""
    if not folder.is_dir():
        raise TeiCablesError("the gold is a folder of NAME.json or NAME.xml files", path=str(folder))
    found = {p.stem: p for p in sorted(folder.glob("*.xml"))}
    found.update({p.stem: p for p in sorted(folder.glob("*.json"))})
    return found


def _source(folder: Path | None, name: str) -> str | None:
    if folder is None:
        return None
    path = next((folder / f"{name}{s}" for s in (".txt", ".text", ".md") if (folder / f"{name}{s}").is_file()), None)
    return path.read_text(encoding="utf-8") if path else None


def score_cable(record: CableRecord | None, gold: Gold, source: str | None = None, words: str = "") -> CableScore:
    """One cable's score; `record` None is a missing encoding, which says nothing. `source` is the transcription
    and `words` the file's text, for the share of the source's words kept."""
    found = gold_of_record(record, gold.name) if record is not None else Gold(gold.name)
    score = CableScore(gold.name)
    f = score.fields
    if gold.telegram_number:
        f["telegram_number"] = folded(gold.telegram_number) == folded(found.telegram_number).replace("ш", "sh")
    f["from_place"] = _place(gold.from_place, record, "sent")
    f["to_place"] = _place(gold.to_place, record, "received")
    f["sent"] = _same_time(gold.sent, record.cable.sent.when if record else None)
    f["received"] = _same_time(gold.received, record.cable.received.when if record else None) if gold.received \
        else True
    f["sender"] = _people(gold.sender, record.cable.sent.persons if record else (), record)
    f["addressees"] = _people(gold.addressees, (record.cable.received.persons + record.cable.transmitted)
                              if record else (), record)
    for k in TIMED:
        if k in gold.stamps:
            stamp = first_stamp(record, k) if record else None
            f[k] = _same_time(gold.stamps[k], stamp.when if stamp else None)
    for k, kind in CLERKS.items():
        if k in gold.clerks:
            stamp = first_stamp(record, kind) if record else None
            person = stamp.person if stamp else None
            f[k] = person is not None and same_name(gold.clerks[k], _forms(person, record))
    if gold.distribution:
        f["distribution"] = _distribution(gold.distribution, record)
    for key, kind in KINDS:
        found_names = entity_forms(record, kind) if record else []
        want = list(getattr(gold, "orgs" if kind == "org" else key))
        score.entities[key] = Counts(matched(want, found_names), len(found_names), len(want))
    days = {d.when[:10] for d in record.dates} if record else set()
    score.dates = (len(set(gold.dates) & days), len(set(gold.dates)))
    f["refs_resolve"] = not record.dangling if record else True
    if source is not None:
        score.kept = _kept(source, words)
    return score


def _same_time(gold: str | None, found: str | None) -> bool:
    """A gold time (to the minute, or a day) agrees with the start of the value found, which may add seconds and
    an offset; no gold value agrees only with none found."""
    if gold is None:
        return found is None
    if not found:
        return False
    found = found.replace(" ", "T")
    return found[:len(gold)] == gold and (len(found) < 17 or found[16] in ":+-Z" or len(found) == 16)


def _place(want: tuple[str, ...] | None, record: CableRecord | None, action: str) -> bool:
    if want is None:
        return True
    place = getattr(record.cable, action).place if record else None
    return place is not None and any(same_name(w, _forms(place, record)) for w in want)


def _people(want: tuple[str, ...], named: tuple[Named, ...], record: CableRecord | None) -> bool:
    """Exactly the gold's people: each matched, none more."""
    people = [_forms(n, record) for n in named if n.kind == "person"]
    return matched(list(want), people) == len(want) == len(people)


def _forms(named: Named, record: CableRecord | None) -> list[str]:
    """Every name an entity goes by in the file: as written here, and its entry's names."""
    entry = record.entries.get(named.ref) if record and named.ref else None
    return [named.name] + ([entry.name, *entry.variants] if entry else [])


def _distribution(want: tuple[tuple[str, int], ...], record: CableRecord | None) -> bool:
    """The list's addressees with their copies, lines to one addressee added up, one to one with the gold's."""
    merged: dict[str, tuple[list[str], int]] = {}
    for c in record.distribution if record else ():
        key = c.name.ref or f"text:{folded(c.name.name)}"
        forms, copies = merged.get(key, (_forms(c.name, record), 0))
        merged[key] = (forms, copies + c.copies)
    found = list(merged.values())
    used: set[int] = set()
    for name, copies in want:
        hit = next((i for i, (forms, n) in enumerate(found) if i not in used and n == copies
                    and same_name(name, forms)), None)
        if hit is not None:
            used.add(hit)
    return len(used) == len(want) == len(found)


def _kept(source: str, text: str) -> tuple[int, int]:
    """How many of the source's words (as `\\w+` runs, case folded) the file holds, each counted once."""
    have: dict[str, int] = {}
    for w in re.findall(r"\w+", text.casefold()):
        have[w] = have.get(w, 0) + 1
    words = re.findall(r"\w+", source.casefold())
    kept = 0
    for w in words:
        if have.get(w, 0) > 0:
            have[w] -= 1
            kept += 1
    return kept, len(words)
