"""Writers: turn a tagged ``Report`` into files. One module per output format.

A writer is ``writer(report, folder) -> list[Path]`` registered under a name with
``@register("name")``; adding a format is one new module listed in ``_FORMAT_MODULES``.
``write_all`` runs every writer through a staging folder, so a writer failing part way
leaves nothing behind in ``folder``.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from converter._atomic import staged_dir
from converter.model import Report

Writer = Callable[[Report, Path], list[Path]]

WRITERS: dict[str, Writer] = {}

# The built-in formats, imported on first use so that each registers itself.
_FORMAT_MODULES = (
    "converter.writers.taxonomy",
    "converter.writers.ixbrl",
    "converter.writers.xbrl_json",
    "converter.writers.mapping_report",
    "converter.writers.manifest",
)


def register(name: str) -> Callable[[Writer], Writer]:
    """Class the decorated function as the writer of format ``name``."""

    def decorate(writer: Writer) -> Writer:
        WRITERS[name] = writer
        return writer

    return decorate


def file_stem(report: Report) -> str:
    """``<prefix>-<yyyymmdd>``: the EDGAR-style stem every output file name starts with."""
    return f"{report.prefix}-{report.filing.period_end:%Y%m%d}"


def load_writers() -> dict[str, Writer]:
    """Import the built-in format modules (registering them) and return the registry."""
    for module in _FORMAT_MODULES:
        importlib.import_module(module)
    return WRITERS


def write_all(report: Report, folder: Path) -> list[Path]:
    """Run every registered writer; the files reach ``folder`` only if all succeed."""
    folder = Path(folder)
    staged: list[str] = []
    with staged_dir(folder) as stage:
        for writer in load_writers().values():
            staged.extend(path.name for path in writer(report, stage))
    return [folder / name for name in staged]
