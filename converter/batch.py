"""``xbrlconv batch INPUT_DIR --out OUT_DIR``: convert every filing in a folder with Dask.

A local cluster of worker processes by default; ``--scheduler ADDRESS`` uses an existing
Dask cluster instead, so the same command scales past one machine (its workers must
have this package installed and see the input and output folders at the same paths).

Each output folder gets a small manifest (input sha256, converter version, files); a
rerun skips a filing whose manifest matches its input, so only new or changed filings
are converted again. A filing that fails is reported and the others go on. ``--load``
loads each finished output folder into a warehouse from this (the client) process, one
writer, as results arrive.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import converter
from converter.errors import ConverterError, InputError
from converter.readers import load_bytes
from converter.warehouse.command import add_load_option
from converter.warehouse.loader import MANIFEST_NAME, load_paths, progress_bar

INPUT_SUFFIXES = (".htm", ".html", ".xhtml", ".txt")

CONVERTED, SKIPPED, FAILED = "converted", "skipped", "failed"


@dataclass(frozen=True)
class FilingStatus:
    """How one input fared: converted, skipped (outputs current) or failed, and why."""

    input: str
    out_dir: str
    status: str
    fact_count: int | None = None
    seconds: float = 0.0
    message: str = ""
    loaded: str = ""  # with --load: the filing id loaded, or the load error


@dataclass(frozen=True)
class BatchReport:
    statuses: tuple[FilingStatus, ...]
    seconds: float
    workers: int

    @property
    def counts(self) -> Counter:
        return Counter(s.status for s in self.statuses)

    @property
    def failed(self) -> tuple[FilingStatus, ...]:
        return tuple(s for s in self.statuses if s.status == FAILED or s.loaded.startswith("error"))


def find_inputs(input_dir: Path) -> list[Path]:
    """The filings in a folder (not its subfolders): .htm/.html/.xhtml/.txt, gzipped or not."""
    input_dir = Path(input_dir)
    if not input_dir.is_dir():
        raise InputError(f"not a folder: {input_dir}")
    return sorted(p for p in input_dir.iterdir()
                  if p.is_file() and not p.name.startswith(".")
                  and _strip_gz(p.name).lower().endswith(INPUT_SUFFIXES))


def output_dirs(inputs: list[Path], out_root: Path) -> dict[Path, Path]:
    """One output folder per input, named by its stem (by full name where stems clash)."""
    stems = Counter(Path(_strip_gz(p.name)).stem for p in inputs)
    return {p: Path(out_root) / (Path(_strip_gz(p.name)).stem if stems[Path(_strip_gz(p.name)).stem] == 1
                                 else _strip_gz(p.name)) for p in inputs}


def file_sha256(path: Path) -> str:
    """The hash the pipeline records: of the input's bytes as read (gunzipped)."""
    return hashlib.sha256(load_bytes(Path(path))).hexdigest()


def read_manifest(out_dir: Path) -> dict | None:
    """The manifest of an output folder, or None when absent or unreadable (so: convert)."""
    try:
        manifest = json.loads((Path(out_dir) / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def outputs_current(out_dir: Path, input_sha256: str) -> dict | None:
    """The manifest if the folder holds outputs of this very input by this converter version."""
    manifest = read_manifest(out_dir)
    if (manifest is None or manifest.get("input_sha256") != input_sha256
            or manifest.get("converter_version") != converter.__version__):
        return None
    files = manifest.get("files") or []
    if not files or not all((Path(out_dir) / name).is_file() for name in files):
        return None
    return manifest


def convert_one(input_path: str, out_dir: str, cik: str | None = None) -> FilingStatus:
    """Convert one filing unless its outputs are current; runs on a Dask worker.

    Every failure is turned into a ``failed`` status carrying the error, so one bad
    filing never stops the batch.
    """
    started = time.perf_counter()
    try:
        sha = file_sha256(Path(input_path))
    except ConverterError as exc:
        return FilingStatus(input_path, out_dir, FAILED, message=str(exc))
    current = outputs_current(Path(out_dir), sha)
    if current is not None:
        return FilingStatus(input_path, out_dir, SKIPPED, current.get("fact_count"),
                            time.perf_counter() - started, "outputs match the input's hash")
    try:
        from converter.pipeline import convert

        result = convert(input_path, out_dir, cik=cik)  # writes manifest.json with the outputs
    except ConverterError as exc:
        return FilingStatus(input_path, out_dir, FAILED, seconds=time.perf_counter() - started,
                            message=str(exc))
    except Exception as exc:  # a bug on one filing: report it with its place, go on with the rest
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return FilingStatus(input_path, out_dir, FAILED, seconds=time.perf_counter() - started,
                            message=f"{type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})")
    return FilingStatus(input_path, out_dir, CONVERTED, result.fact_count, time.perf_counter() - started)


def run_batch(input_dir, out_dir, *, workers: int | None = None, scheduler: str | None = None,
              load: str | None = None, progress: bool = False) -> BatchReport:
    """Convert every filing in ``input_dir`` into ``out_dir/<name>/`` on a Dask cluster."""
    from dask.distributed import Client, LocalCluster, as_completed

    inputs = find_inputs(Path(input_dir))
    targets = output_dirs(inputs, Path(out_dir))
    started = time.perf_counter()
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=":0", silence_logs=logging.ERROR)
        client = Client(cluster)
    statuses: dict[str, FilingStatus] = {}
    try:
        n_workers = len(client.scheduler_info(n_workers=-1)["workers"])
        futures = {client.submit(convert_one, str(path), str(targets[path]), pure=False): path
                   for path in inputs}
        with progress_bar(progress, len(inputs)) as advance:
            for future in as_completed(futures):
                path = futures[future]
                try:
                    status = future.result()
                except Exception as exc:  # the worker died or the task was lost: that filing failed
                    status = FilingStatus(str(path), str(targets[path]), FAILED,
                                          message=f"{type(exc).__name__}: {exc}")
                if load and status.status != FAILED:
                    status = _load(status, load)
                statuses[str(path)] = status
                advance(path.name)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    ordered = tuple(statuses[str(p)] for p in inputs)
    return BatchReport(ordered, time.perf_counter() - started, n_workers)


def _load(status: FilingStatus, target: str) -> FilingStatus:
    """Load a finished output folder (reloading is idempotent, so skipped ones load too)."""
    try:
        summary = load_paths([status.out_dir], target, "converted")
    except ConverterError as exc:
        return replace(status, loaded=f"error {exc}")
    if summary.failed:
        return replace(status, loaded=f"error {summary.failed[0].error}")
    return replace(status, loaded=summary.loaded[0].filing_id)


def print_report(report: BatchReport, *, with_load: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(report.statuses)} filing(s) in {report.seconds:.1f}s on "
                        f"{report.workers} worker(s)")
    for column in ("input", "status", "facts", "seconds", "message") + (("load",) if with_load else ()):
        table.add_column(column, justify="right" if column in ("facts", "seconds") else "left")
    for s in report.statuses:
        row = [Path(s.input).name, s.status, "" if s.fact_count is None else str(s.fact_count),
               f"{s.seconds:.1f}", s.message]
        table.add_row(*row, *((s.loaded,) if with_load else ()))
    console = Console()
    console.print(table)
    counts = report.counts
    console.print(", ".join(f"{counts[k]} {k}" for k in (CONVERTED, SKIPPED, FAILED)))


def add_command(subparsers) -> None:
    parser = subparsers.add_parser(
        "batch", help="convert every filing in a folder in parallel (Dask)",
        description="Convert every .htm/.html/.txt filing in INPUT_DIR into OUT_DIR/<name>/ on a "
                    "local Dask cluster or an existing one; failed filings are reported and skipped, "
                    "and a rerun skips filings whose outputs match the input's hash.")
    parser.add_argument("input_dir", metavar="INPUT_DIR")
    parser.add_argument("--out", required=True, metavar="OUT_DIR")
    parser.add_argument("--workers", type=int, default=None,
                        help="worker processes of the local cluster (default: CPU count)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="address of an existing Dask scheduler, e.g. tcp://10.0.0.5:8786")
    add_load_option(parser)
    parser.add_argument("--quiet", action="store_true", help="no progress bar or table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        raise InputError("--workers must be at least 1")
    report = run_batch(args.input_dir, args.out, workers=args.workers, scheduler=args.scheduler,
                       load=args.load, progress=not args.quiet)
    if not args.quiet:
        print_report(report, with_load=bool(args.load))
    for s in report.failed:
        print(f"error {s.message or s.loaded} [{s.input}]", file=sys.stderr)
    return 1 if report.failed else 0


def _strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name
