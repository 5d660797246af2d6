"""The command line: parses arguments and calls the pipeline; no conversion logic lives here.

Each command imports the stages it runs when it runs, so `tei-cables --help` (and a mistyped option) answers at
once instead of loading the register, the morphology and the schemas first.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tei_cables import __version__
from tei_cables.encode.publication import DEFAULT, Publication
from tei_cables.errors import TeiCablesError
from tei_cables.export import FORMATS as FORMATS_OUT
from tei_cables.files import SOURCE_SUFFIXES, find_sources, remove_stale_temporaries, write_atomic
from tei_cables.validate.formats import FORMATS

if TYPE_CHECKING:
    from tei_cables.batch import Outcome


@click.group()
@click.version_option(__version__, prog_name="tei-cables")
def main() -> None:
    """Convert ciphered-telegram transcriptions to TEI P5, validate them and export them."""


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the TEI files (one <source stem>.xml per source; two sources with one stem are "
                   "refused).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and the summary.")
@click.option("--force", is_flag=True, help="Overwrite output files even if they were edited by hand.")
@click.option("--allow-empty", is_flag=True, help="Finding no transcription is not an error.")
@click.option("--schema-href", default=DEFAULT.schema_href, show_default=True,
              help="Folder of tei_cables.rng/.sch as seen from OUT_DIR, for the files' <?xml-model?> lines "
                   "(`tei-cables schema` says where the installed ones are).")
@click.option("--register-href", default=DEFAULT.register_href, show_default=True,
              help="The register's TEI export (tei-cables register export) as seen from OUT_DIR, which the "
                   "entries' @sameAs point at.")
@click.option("--publisher", help="Who publishes the TEI files (publicationStmt); without it they say 'unpublished'.")
@click.option("--licence", help="The licence of the TEI files: a URL (https://creativecommons.org/…) or its name.")
@click.option("--pub-date", type=click.DateTime(formats=["%Y-%m-%d"]), help="Date of publication (YYYY-MM-DD).")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Convert in this many processes; the output is the same bytes for any number.")
def convert(sources: tuple[Path, ...], out_dir: Path, quiet: bool, force: bool, allow_empty: bool,
            schema_href: str, register_href: str, publisher: str | None, licence: str | None, pub_date,
            jobs: int) -> None:
    """Convert transcriptions (files or folders) to TEI in OUT_DIR.

    Each TEI file written is checked with the validator's rules, so the warnings counted here are the ones
    `tei-cables validate` reports. Exit code 0 when every source converted (files kept because they were edited
    by hand included), 1 when one failed, 2 when there was nothing to convert.
    """
    from rich.progress import Progress

    from tei_cables.batch import convert_all, convert_summary

    publication = Publication(schema_href, register_href, publisher, licence,
                              pub_date.date().isoformat() if pub_date else None)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    files = find_sources(list(sources))
    if not files and not allow_empty:
        _nothing_to_do(err, sources, "transcriptions (*" + ", *".join(sorted(SOURCE_SUFFIXES)) + ")")
    signal.signal(signal.SIGTERM, _exit_on_signal)  # so the file being written is cleaned up, not left half-done
    remove_stale_temporaries(out_dir)
    with Progress(console=err, transient=True, disable=quiet or len(files) < 2) as progress:
        task = progress.add_task("converting", total=len(files))

        def report(outcome: Outcome) -> None:
            _report(outcome, quiet, err)
            progress.advance(task)
        run = convert_all(files, out_dir, publication, force=force, jobs=jobs, each=report)
    Console(highlight=False).print(convert_summary(run))
    sys.exit(0 if run.ok else 1)


def _nothing_to_do(err: Console, paths: tuple[Path, ...], what: str) -> None:
    """A mistyped or empty folder must not pass a CI job as '0 files, all fine'."""
    named = ", ".join(str(p) for p in paths)
    err.print(f"[red]error[/red]: no {escape(what)} in {escape(named)}; check the path (--allow-empty makes this "
              "not an error)")
    sys.exit(2)


def _report(outcome: Outcome, quiet: bool, err: Console) -> None:
    """One line per error, kept file and (unless quiet) warning, each naming its file and line."""
    if outcome.error:
        colour, label = ("red", "error") if outcome.status == "failed" else ("cyan", "kept")
        where = str(outcome.target) if outcome.status == "kept" else ""
        err.print(f"[{colour}]{label}[/{colour}]: {escape(where + ': ' if where else '')}{escape(outcome.error)}")
    for f in outcome.invalid:
        err.print(f"[red]error[/red]: {escape(f.file)}:{f.line}: [{f.rule_id}] {escape(f.text)} (a converter bug: "
                  "please report it with the source)")
    if quiet:
        return
    for w in outcome.notes:
        where = f"{outcome.source}:{w.line}" if w.line else str(outcome.source)
        err.print(f"[yellow]warning[/yellow]: {escape(where)}: {escape(w.message)}")
    for f in outcome.warnings:
        err.print(f"[yellow]warning[/yellow]: {escape(f.file)}:{f.line}: [{f.rule_id}] {escape(f.text)}")


def _exit_on_signal(signum: int, frame: object) -> None:
    """Turn SIGTERM into SystemExit, which `write_atomic` cleans up after."""
    sys.exit(128 + signum)


@main.command("export", help="Export TEI files (or folders of them) to FORMAT in OUT.\n\n\b\n" + "\n".join(
    f"{f.name:8} {f.title}" for f in sorted(FORMATS_OUT.values(), key=lambda f: f.name)))
@click.argument("fmt", metavar="FORMAT", type=click.Choice(sorted(FORMATS_OUT)))
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="A file for corpus formats (cmif, csv, sqlite, gexf, graphml, rdf), a folder for per-cable "
                   "formats (json, md, txt).")
@click.option("--profile", type=click.Choice(["correspsearch"]), help="csv: correspSearch's columns.")
@click.option("--rdf-format", type=click.Choice(["turtle", "jsonld"]), default="turtle", show_default=True,
              help="rdf: the serialisation.")
@click.option("--publisher", help="cmif: who publishes the file.")
@click.option("--url", help="cmif: where the file is published.")
@click.option("--licence", help="cmif: the file's licence (a URL).")
@click.option("--pub-date", type=click.DateTime(formats=["%Y-%m-%d"]), help="cmif: date of publication.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Read the TEI files in this many processes.")
def export(fmt: str, sources: tuple[Path, ...], out: Path, profile: str | None, rdf_format: str,
           publisher: str | None, url: str | None, licence: str | None, pub_date, jobs: int) -> None:
    from rich.progress import Progress

    from tei_cables.export.run import run_export
    from tei_cables.files import find_xml_files

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    target = FORMATS_OUT[fmt]
    options = {k: v for k, v in {"profile": profile, "rdf_format": rdf_format, "publisher": publisher, "url": url,
                                 "licence": licence, "date": pub_date.date().isoformat() if pub_date else None
                                 }.items() if v}
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task(f"exporting {fmt}", total=len(find_xml_files(list(sources))))
        try:
            outcome = run_export(target, list(sources), out, options, jobs=jobs,
                                 advance=lambda: progress.advance(task))
        except ModuleNotFoundError as exc:
            err.print(f"[red]error[/red]: {fmt} needs the library {exc.name!r}: pip install tei_cables again")
            sys.exit(2)
        except TeiCablesError as exc:
            where = f"{exc.path}: " if exc.path else ""
            err.print(f"[red]error[/red]: {escape(where + exc.message)}")
            sys.exit(1)
    for _, message in outcome.errors:
        err.print(f"[red]error[/red]: {escape(message)}")
    table = Table(title=f"tei-cables export {fmt}")
    for column in ("files", "exported", "failed", "output"):
        table.add_column(column, justify="right")
    table.add_row(str(outcome.files), str(outcome.exported), str(len(outcome.errors)), str(out))
    Console(highlight=False).print(table)
    sys.exit(1 if outcome.errors else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of gold files: NAME.json (the reference's annotations) or NAME.xml (TEI corrected by "
                   "hand), one per TEI file NAME.xml.")
@click.option("--sources", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the transcriptions (NAME.txt), to measure the share of their words kept.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-v", "--verbose", is_flag=True, help="A line per cable with the fields it got wrong.")
def evaluate(paths: tuple[Path, ...], gold_dir: Path, sources: Path | None, fmt: str, verbose: bool) -> None:
    """Score TEI files against gold annotations: routing fields, names (precision, recall, F1), dates, words kept.

    The measures are those of the project's reference scorer; the last line is its SUMMARY line. Exit code 0
    when every file was read, 1 when one could not be, 2 when there is no gold to score against.
    """
    from tei_cables.evaluate import evaluate_paths
    from tei_cables.evaluate.report import as_json, cable_lines, tables

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        result = evaluate_paths(list(paths), gold_dir, sources)
    except TeiCablesError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}")
        sys.exit(2)
    for line in result.errors:
        err.print(f"[red]error[/red]: {escape(line)}")
    if not result.cables:
        if result.errors:
            sys.exit(1)
        _nothing_to_do(err, (gold_dir,), "gold files (NAME.json or NAME.xml)")
    for name in result.missing:
        err.print(f"[yellow]warning[/yellow]: {escape(name)}: no TEI file for this gold; scored as empty")
    if fmt == "json":
        click.echo(as_json(result), nl=False)
    else:
        out = Console(highlight=False, soft_wrap=True)
        for table in tables(result):
            out.print(table)
        for line in cable_lines(result) if verbose else []:
            out.print(escape(line))
        click.echo(result.summary())
    sys.exit(1 if result.errors else 0)


@main.command()
@click.option("--copy", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="Copy the schema files into this folder (beside a corpus of TEI files).")
def schema(folder: Path | None) -> None:
    """Say where the installed cable schema is (tei_cables.rng, tei_cables.sch), or copy it beside a corpus.

    Converted files find the schema through their <?xml-model?> lines, `../schema` by default (this repository's
    layout). For a corpus elsewhere, copy the files beside it and convert with --schema-href pointing at them as
    seen from the output folder.
    """
    from tei_cables.validate.schemas import copy_schema, schema_files

    out = Console(highlight=False, soft_wrap=True)
    if folder is None:
        for path in schema_files():
            out.print(escape(str(path)))
        return
    for path in copy_schema(folder):
        out.print(f"wrote {escape(str(path))}")
    out.print(f"convert with --schema-href set to {escape(str(folder))} as seen from the output folder "
              "(for example: --schema-href ../schema)")


@main.group()
def register() -> None:
    """The authority register: list its entries, find a name, report names left unlinked."""


@register.command("list")
@click.option("--kind", type=click.Choice(["person", "place", "org"]), help="Only entries of this kind.")
def register_list(kind: str | None) -> None:
    """List the register's entries (id, kind, regularised name)."""
    from tei_cables.tag.register import load_register

    out = Console(highlight=False)
    table = Table(title="authority register")
    for column in ("id", "kind", "name", "variants", "description"):
        table.add_column(column)
    entries = [e for e in load_register().entries.values() if kind is None or e.kind == kind]
    for e in entries:
        table.add_row(e.id, e.kind, e.name, str(len(e.variants)), e.description)
    out.print(table)
    out.print(f"{len(entries)} entries")


@register.command("find")
@click.argument("name")
def register_find(name: str) -> None:
    """Find the entries a NAME stands for, in any spelling, script or case."""
    from tei_cables.tag.lookup import find_entries

    out = Console(highlight=False)
    found = find_entries(name)
    if not found:
        out.print(f"no entry for {name!r}")
        sys.exit(1)
    table = Table(title=f"entries for {name!r}")
    for column in ("id", "kind", "name", "matched form", "score"):
        table.add_column(column)
    for f in found:
        table.add_row(f.entry.id, f.entry.kind, f.entry.name, f.form, f"{f.score:.2f}")
    out.print(table)


@register.command("export")
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The TEI file to write (register/register.xml in this repository).")
def register_export(out: Path) -> None:
    """Write the authority register as one TEI file, which converted files point at (@sameAs)."""
    from tei_cables.encode.register import register_tei
    from tei_cables.tag.register import load_register

    write_atomic(out, register_tei())
    Console(highlight=False).print(f"wrote {out} ({len(load_register().entries)} entries)")


@register.command("unlinked")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def register_unlinked(paths: tuple[Path, ...]) -> None:
    """Names left unlinked across TEI files (folders too), most mentioned first."""
    from tei_cables.corpus import unlinked_names

    out = Console(highlight=False)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        rows = unlinked_names(list(paths))
    except TeiCablesError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}")
        sys.exit(2)
    table = Table(title="names left unlinked")
    for column in ("kind", "name", "mentions", "files", "forms"):
        table.add_column(column)
    for u in rows:
        table.add_row(u.kind, u.name, str(u.mentions), str(u.files), "; ".join(u.forms))
    out.print(table)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help="text for people; json; junit (GitLab, Jenkins); github (workflow annotations).")
@click.option("--allow-empty", is_flag=True, help="Finding no XML file is not an error.")
@click.option("--schema", "schema_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Check against this schema instead of the cable schema: RELAX NG (.rng), W3C XML Schema "
                   "(.xsd, e.g. the TEI's tei_all.xsd) or ISO Schematron (.sch). May be given more than once.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Check files in this many processes (at most one per core); the output is the same.")
def validate(paths: tuple[Path, ...], fmt: str, allow_empty: bool, schema_files: tuple[Path, ...], jobs: int) -> None:
    """Check TEI files (and the *.xml in folders) against the cable schema and rules, or the schemas given.

    Exit code 0 when every file is valid (warnings allowed), 1 when one is invalid, 2 when one is not XML, when
    there is no file to check, or when a schema cannot be read.
    """
    from tei_cables.files import find_xml_files
    from tei_cables.validate.check import validate_paths
    from tei_cables.validate.other import load_schema
    from tei_cables.validate.summary import Summary, exit_code, summary_table

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if not find_xml_files(paths) and not allow_empty:
        _nothing_to_do(err, paths, "XML files")
    try:
        for p in schema_files:
            load_schema(p)
    except TeiCablesError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}")
        sys.exit(2)
    writer, summary = FORMATS[fmt](), Summary()
    for report in validate_paths(paths, schema_files, jobs=jobs):
        summary.add(report)
        click.echo(writer.file(report), nl=False)
    click.echo(writer.end(summary), nl=False)
    Console(stderr=fmt != "text", highlight=False).print(summary_table(summary))
    sys.exit(exit_code(summary))
