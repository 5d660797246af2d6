"""An evaluation as people and programs read it: a table per measure, and JSON."""

from __future__ import annotations

import json

from rich.table import Table

from tei_cables.evaluate.score import Evaluation


def tables(e: Evaluation) -> list[Table]:
    """The routing fields (right of counted), the names (precision, recall, F1), dates and words kept."""
    fields = Table(title="routing fields")
    for column in ("field", "right", "of"):
        fields.add_column(column, justify="left" if column == "field" else "right")
    for name, (right, total) in e.field_totals().items():
        fields.add_row(name, str(right), str(total))
    names = Table(title="names and dates")
    for column in ("measure", "precision", "recall", "F1", "matched", "found", "gold"):
        names.add_column(column, justify="left" if column == "measure" else "right")
    for kind, c in e.entity_totals().items():
        names.add_row(kind, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.matched), str(c.found),
                      str(c.gold))
    found, total = (sum(c.dates[i] for c in e.cables) for i in (0, 1))
    names.add_row("dates of the text", "", f"{e.dates_recall:.3f}", "", str(found), "", str(total))
    kept = [c.kept for c in e.cables if c.kept]
    if kept:
        names.add_row("words kept", "", f"{e.text_kept:.4f}", "", str(sum(k for k, _ in kept)), "",
                      str(sum(t for _, t in kept)))
    return [fields, names]


def cable_lines(e: Evaluation) -> list[str]:
    """One line per cable with what it got wrong, for an editor to open the file."""
    out = []
    for c in e.cables:
        counts = ", ".join(f"{k} {v.matched}/{v.found} found, {v.gold} gold" for k, v in c.entities.items())
        out.append(f"{c.name}: wrong {', '.join(c.wrong) or 'nothing'}; {counts}; dates {c.dates[0]}/{c.dates[1]}")
    return out


def as_json(e: Evaluation) -> str:
    """Every number of the evaluation, per field, per measure and per cable."""
    data = {
        "documents": len(e.cables), "missing": e.missing, "without_gold": e.without_gold, "errors": e.errors,
        "fields": {k: {"right": r, "of": n} for k, (r, n) in e.field_totals().items()},
        "entities": {k: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "matched": c.matched,
                         "found": c.found, "gold": c.gold} for k, c in e.entity_totals().items()},
        "routing_accuracy": e.routing, "dates_recall": e.dates_recall, "text_kept": e.text_kept,
        "cables": {c.name: {"wrong": c.wrong, "dates": list(c.dates), "kept": list(c.kept) if c.kept else None,
                            "entities": {k: [v.matched, v.found, v.gold] for k, v in c.entities.items()}}
                   for c in e.cables},
        "summary": e.summary(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
