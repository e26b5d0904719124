"""Command line: ``xbrlconv COMMAND ...``. Each command lives beside the stage it drives.

A command module exposes ``add_command(subparsers)``, which adds its parser and sets
``func(args) -> int``. Errors of the package print as one line with their code.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from converter.errors import ConverterError

# Modules that contribute a subcommand; adding a command is one line here.
COMMAND_MODULES = (
    "converter.pipeline",
    "converter.proof",
    "converter.compare.cli",
    "converter.warehouse.command",
    "converter.batch",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xbrlconv",
        description="Tag untagged 10-Q/10-K financial statements as US-GAAP XBRL.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_command(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ConverterError as exc:
        print(f"error {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("error XC001: interrupted", file=sys.stderr)
        return 130
