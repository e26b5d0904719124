"""``xbrlconv load INPUT... --to TARGET`` and the ``--load TARGET`` option of other commands."""
from __future__ import annotations

import argparse
import sys

from converter.errors import WarehouseError
from converter.warehouse.loader import LoadSummary, load_paths
from converter.warehouse.records import SOURCES
from converter.warehouse.targets import DEFAULT_TARGET

TARGET_HELP = ("duckdb:///file.duckdb (relative; duckdb:////abs/path for absolute), "
               "postgresql://user@host/db, or parquet:DIR")


def add_command(subparsers) -> None:
    parser = subparsers.add_parser(
        "load", help="load facts into DuckDB, PostgreSQL or Parquet",
        description="Load facts (our output folders, xBRL-JSON files or official inline XBRL "
                    "filings) into a warehouse, one transaction per filing; reloading a filing "
                    "replaces its facts.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("--to", dest="target", default=DEFAULT_TARGET, metavar="TARGET",
                        help=f"{TARGET_HELP} (default {DEFAULT_TARGET})")
    parser.add_argument("--source", choices=SOURCES,
                        help="label the facts official or converted (default: from the input kind)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    summary = load_paths(args.inputs, args.target, args.source, progress=not args.quiet)
    if not args.quiet:
        print_summary(summary)
    for failure in summary.failed:
        print(f"error {failure.error} [{failure.path}]", file=sys.stderr)
    return 1 if summary.failed else 0


def print_summary(summary: LoadSummary) -> None:
    for item in summary.loaded:
        print(f"loaded {item.filing_id}: {item.fact_count} facts ({item.source}) "
              f"from {item.path} in {item.seconds:.2f}s")
    print(f"{len(summary.loaded)} filing(s), {summary.fact_count} facts into {summary.target}"
          + (f"; {len(summary.failed)} failed" if summary.failed else ""))


def add_load_option(parser: argparse.ArgumentParser) -> None:
    """Give a command (convert, batch) ``--load TARGET``; pair with ``load_outputs``."""
    parser.add_argument("--load", metavar="TARGET", default=None,
                        help=f"also load the outputs into a warehouse: {TARGET_HELP}")


def load_outputs(args: argparse.Namespace, out_dirs) -> LoadSummary | None:
    """Load the output folders when ``--load`` was given; a failed load is an error."""
    if not getattr(args, "load", None):
        return None
    summary = load_paths(out_dirs, args.load, "converted")
    if summary.failed:
        raise WarehouseError("; ".join(f"{f.path}: {f.error}" for f in summary.failed))
    return summary
