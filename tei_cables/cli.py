"""The command line: parses arguments and calls the pipeline; no conversion logic lives here."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from tei_cables import __version__
from tei_cables.errors import TeiCablesError
from tei_cables.files import find_sources, write_atomic
from tei_cables.pipeline import convert_bytes


@click.group()
@click.version_option(__version__, prog_name="tei-cables")
def main() -> None:
    """Convert ciphered-telegram transcriptions to TEI P5, validate and export them."""


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the TEI files (one <source stem>.xml per source).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and the summary.")
def convert(sources: tuple[Path, ...], out_dir: Path, quiet: bool) -> None:
    """Convert transcriptions (files or folders) to TEI in OUT_DIR."""
    err = Console(stderr=True, highlight=False)
    out = Console(highlight=False)
    files = find_sources(list(sources))
    stats = {"converted": 0, "failed": 0, "linked": 0, "unlinked": 0, "warnings": 0}
    with Progress(console=err, transient=True, disable=quiet or len(files) < 2) as progress:
        task = progress.add_task("converting", total=len(files))
        for path in files:
            try:
                result = convert_bytes(path.read_bytes(), path.name)
                write_atomic(out_dir / f"{path.stem}.xml", result.tei)
            except TeiCablesError as exc:
                stats["failed"] += 1
                err.print(f"[red]error[/red]: {exc if exc.path else f'{path}: {exc}'}", markup=True)
            except OSError as exc:
                stats["failed"] += 1
                err.print(f"[red]error[/red]: {path}: {exc.strerror or exc}")
            else:
                stats["converted"] += 1
                stats["linked"] += result.linked
                stats["unlinked"] += result.unlinked
                for w in result.warnings:
                    stats["warnings"] += 1
                    where = f"{path}:{w.line}" if w.line else str(path)
                    err.print(f"[yellow]warning[/yellow]: {where}: {w.message}")
            progress.advance(task)
    table = Table(title="tei-cables convert")
    for column in ("files", "converted", "failed", "entities linked", "left unlinked", "warnings"):
        table.add_column(column, justify="right")
    table.add_row(str(len(files)), str(stats["converted"]), str(stats["failed"]), str(stats["linked"]),
                  str(stats["unlinked"]), str(stats["warnings"]))
    out.print(table)
    sys.exit(1 if stats["failed"] else 0)
