"""Load fact sources (our outputs, xBRL-JSON, official iXBRL) into a warehouse target."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from converter.errors import ConverterError, WarehouseError
from converter.warehouse import records
from converter.warehouse.targets import DEFAULT_TARGET, open_target

# Written by ``converter.batch`` (and ``convert``'s own manifest.json) into each output
# folder: the hash of the filing the outputs were converted from, which is the input
# hash a warehouse should record.
from converter.writers.manifest import MANIFEST as MANIFEST_NAME

_MANIFESTS = (MANIFEST_NAME,)


@dataclass(frozen=True)
class FilingLoad:
    """One input loaded: which filing row it became and how many facts it holds."""

    path: str
    filing_id: str
    source: str
    fact_count: int
    seconds: float


@dataclass(frozen=True)
class LoadFailure:
    path: str
    error: str  # "XC###: message"


@dataclass(frozen=True)
class LoadSummary:
    target: str
    loaded: tuple[FilingLoad, ...]
    failed: tuple[LoadFailure, ...]

    @property
    def fact_count(self) -> int:
        return sum(item.fact_count for item in self.loaded)


def load_paths(paths, target_url: str | None = None, source: str | None = None, *,
               progress: bool = False) -> LoadSummary:
    """Load each path as one filing (one transaction each) into ``target_url``.

    ``source`` (official/converted) overrides the guess from the kind of input. A
    filing that fails is rolled back and reported in the summary; the others load.
    An unreachable or unknown target raises ``WarehouseError`` before anything loads.
    """
    from converter.readers.facts import read_facts  # lxml and the readers: on first use

    target_url = target_url or DEFAULT_TARGET
    if source is not None and source not in records.SOURCES:
        raise WarehouseError(f"unknown fact source {source!r}", hint="use official or converted")
    paths = [Path(p) for p in paths]
    target = open_target(target_url)
    loaded, failed = [], []
    try:
        with progress_bar(progress, len(paths)) as advance:
            for path in paths:
                started = time.perf_counter()
                try:
                    factset = read_facts(path)
                    batch = records.build_batch(
                        factset, source=source or records.source_of(factset.source_kind),
                        input_sha256=input_sha256(path))
                    target.write_filing(batch)
                except ConverterError as exc:
                    failed.append(LoadFailure(str(path), str(exc)))
                else:
                    loaded.append(FilingLoad(str(path), batch.filing_id, batch.source,
                                             batch.facts.num_rows, time.perf_counter() - started))
                advance(path.name)
    finally:
        target.close()
    return LoadSummary(target_url, tuple(loaded), tuple(failed))


def input_sha256(path: Path) -> str:
    """The hash of the filing behind ``path``: the batch manifest's, else the file's own."""
    folder = path if path.is_dir() else path.parent
    for manifest in (folder / name for name in _MANIFESTS):
        if not manifest.is_file():
            continue
        try:
            recorded = json.loads(manifest.read_text(encoding="utf-8")).get("input_sha256")
        except (OSError, ValueError, AttributeError) as exc:
            raise WarehouseError(f"cannot read {manifest}: {exc}") from exc
        if recorded:
            return recorded
    try:
        return records.sha256_of(path)
    except OSError as exc:
        raise WarehouseError(f"cannot read {path}: {exc.strerror or exc}") from exc


class progress_bar:
    """A rich progress bar on stderr when asked for, else a no-op ``advance``."""

    def __init__(self, show: bool, total: int):
        self.show, self.total, self._progress = show, total, None

    def __enter__(self):
        if not self.show:
            return lambda label: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self._progress.start()
        task = self._progress.add_task("loading", total=self.total)
        return lambda label: self._progress.update(task, advance=1, description=f"loaded {label}")

    def __exit__(self, *exc):
        if self._progress is not None:
            self._progress.stop()
        return False
