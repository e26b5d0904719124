"""``xbrlconv compare OURS OFFICIAL``: our facts next to the official XBRL, fact by fact."""
from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from rich.console import Console

from converter import _atomic
from converter.compare.core import compare
from converter.compare.html import to_html
from converter.compare.render import print_table, to_csv, to_json
from converter.readers.facts import read_facts

FORMATS = ("table", "csv", "json", "html")


def add_command(subparsers) -> None:
    parser = subparsers.add_parser(
        "compare", help="compare our facts with the official XBRL of the same filing",
        description="Each side may be our output folder, an xBRL-JSON file, an inline XBRL filing "
                    "(.htm, .htm.gz), an XBRL 2.1 instance (.xml) or SEC company-facts JSON.")
    parser.add_argument("ours", help="our facts (output folder or any fact source)")
    parser.add_argument("official", help="the official facts (any fact source)")
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("--out", type=Path, help="write the report here instead of to standard output")
    parser.add_argument("--accession", help="the filing to take from a company-facts side (default: latest 10-Q/10-K)")
    parser.add_argument("--all", action="store_true", help="table format: list matches too, not only differences")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    comparison = compare(read_facts(args.ours, accession=args.accession),
                         read_facts(args.official, accession=args.accession))
    if args.format == "table":
        if args.out:
            buffer = io.StringIO()
            print_table(comparison, Console(file=buffer, width=200, color_system=None), show_matches=args.all)
            _atomic.write_text(args.out, buffer.getvalue())
        else:
            print_table(comparison, Console(), show_matches=args.all)
        return 0
    text = {"csv": to_csv, "json": to_json, "html": to_html}[args.format](comparison)
    if args.out:
        _atomic.write_text(args.out, text)
    else:
        sys.stdout.write(text)
    return 0
