"""Writers: turn a tagged ``Report`` into files. One module per output format.

A writer is ``writer(report, folder) -> list[Path]`` registered under a name with
``@register("name")``; adding a format is one new module listed in ``_FORMAT_MODULES``.
``write_all`` runs every writer through a staging folder, so a writer failing part way
leaves nothing behind in ``folder``.
"""
from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Callable

from converter._atomic import staged_dir
from converter.errors import OutputError
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


# A plain file name: no folder separator, no "..", no NUL, not hidden, not too long.
SAFE_STEM = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]{0,99}")


def file_stem(report: Report) -> str:
    """``<prefix>-<yyyymmdd>``: the EDGAR-style stem every output file name starts with.

    The prefix may come from the document (the company name) or the command line, so the
    stem is checked to be a plain file name: outputs never land outside the output folder.
    """
    stem = f"{report.prefix}-{report.filing.period_end:%Y%m%d}"
    if not SAFE_STEM.fullmatch(stem):
        raise OutputError(f"unsafe output file name {stem[:120]!r}", hint="use --prefix with letters and digits")
    return stem


def load_writers() -> dict[str, Writer]:
    """Import the built-in format modules (registering them) and return the registry."""
    for module in _FORMAT_MODULES:
        importlib.import_module(module)
    return WRITERS


def write_all(report: Report, folder: Path) -> list[Path]:
    """Run every registered writer; the files reach ``folder`` only if all succeed."""
    from converter.writers.manifest import MANIFEST  # a format module: imported after this package

    folder = Path(folder)
    staged: list[str] = []
    with staged_dir(folder, seal=MANIFEST) as stage:
        # the manifest lists the files written before it, so it runs last whatever the
        # order the format modules happened to be imported (and registered) in
        writers = sorted(load_writers().items(), key=lambda item: item[0] == "manifest")
        for _, writer in writers:
            staged.extend(path.name for path in writer(report, stage))
    return [folder / name for name in staged]
