"""Parquet: ``parquet:DIR``, a folder of files any engine reads (DuckDB, Spark, pandas).

Layout (Hive-style partitions by company and fiscal period)::

    DIR/filings/company_key=cik0000320193/period_key=2025Q3/<filing_id>.parquet
    DIR/facts/company_key=.../period_key=.../<filing_id>.parquet
    DIR/fact_dimensions/company_key=.../period_key=.../<filing_id>.parquet
    DIR/concepts/concepts.parquet

Partition keys are not columns inside the files (Spark refuses duplicates) and start
with letters (so no reader turns a CIK into a number). A load is one transaction: every
file is first written under a hidden temporary name (readers skip names starting with a
dot), then the new files replace the old ones, old versions kept aside until all are in
place and put back if any step fails. ``DIR/.xbrlconv.lock`` makes writers take turns.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from converter.errors import WarehouseError
from converter.warehouse import locking, schema
from converter.warehouse.records import FilingBatch

_PARTITIONED = ("filings", "facts", "fact_dimensions")


def open_target(url: str) -> ParquetTarget:
    folder = url.partition(":")[2]
    if folder.startswith("//"):
        folder = folder[2:]
    if not folder:
        raise WarehouseError(f"Parquet URL {url!r} names no folder", hint="use parquet:DIR")
    return ParquetTarget(url, Path(folder))


class ParquetTarget:
    def __init__(self, url: str, root: Path, *, timeout: float = locking.DEFAULT_TIMEOUT):
        self.url = url
        self.root = root
        self.timeout = timeout

    def write_filing(self, batch: FilingBatch) -> None:
        with locking.exclusive(self.root / ".xbrlconv.lock", timeout=self.timeout):
            staged: list[tuple[Path, Path]] = []
            try:
                for table in _PARTITIONED:
                    final = self.part_path(table, batch)
                    staged.append((self._write_part(table, _rows_of(batch, table), final), final))
                concepts_final = self.root / "concepts" / "concepts.parquet"
                merged = merge_concepts(concepts_final, batch.concepts)
                staged.append((self._write_part("concepts", merged, concepts_final), concepts_final))
                finals = {final for _, final in staged}
                stale = [p for table in _PARTITIONED
                         for p in (self.root / table).glob(f"*/*/{batch.filing_id}.parquet")
                         if p not in finals]
                self._publish(staged, stale)
            except OSError as exc:
                raise WarehouseError(f"loading {batch.filing_id} into {self.root} failed and was "
                                     f"rolled back: {exc.strerror or exc}") from exc
            finally:
                for tmp, _ in staged:
                    tmp.unlink(missing_ok=True)

    def part_path(self, table: str, batch: FilingBatch) -> Path:
        return (self.root / table / f"company_key={batch.company_key}" / f"period_key={batch.period_key}"
                / f"{batch.filing_id}.parquet")

    def _write_part(self, table: str, rows: pa.Table, final: Path) -> Path:
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        pq.write_table(rows, tmp)
        return tmp

    def _publish(self, staged: list[tuple[Path, Path]], stale: list[Path]) -> None:
        """Move the staged files in; on any failure put every old file back."""
        backups: list[tuple[Path, Path]] = []
        placed: list[Path] = []
        try:
            for old in [final for _, final in staged if final.exists()] + stale:
                backup = old.with_name(f".{old.name}.{os.getpid()}.bak")
                os.replace(old, backup)
                backups.append((backup, old))
            for tmp, final in staged:
                self._swap_in(tmp, final)
                placed.append(final)
        except BaseException:
            for final in placed:
                final.unlink(missing_ok=True)
            for backup, old in backups:
                os.replace(backup, old)
            raise
        for backup, _ in backups:
            backup.unlink(missing_ok=True)

    def _swap_in(self, tmp: Path, final: Path) -> None:
        os.replace(tmp, final)

    def close(self) -> None:
        """Files are closed after each write; nothing stays open."""


def _rows_of(batch: FilingBatch, table: str) -> pa.Table:
    return {"filings": batch.filings, "facts": batch.facts, "fact_dimensions": batch.dimensions}[table]


def merge_concepts(path: Path, new_rows: pa.Table) -> pa.Table:
    """The concepts file with ``new_rows`` merged in: known attributes fill in, none erased."""
    merged = {}
    if path.exists():
        try:
            existing = pq.read_table(path).to_pylist()
        except (pa.ArrowInvalid, OSError) as exc:
            raise WarehouseError(f"cannot read {path}: {exc}") from exc
        merged = {row["qname"]: row for row in existing}
    for row in new_rows.to_pylist():
        old = merged.get(row["qname"], {})
        merged[row["qname"]] = {k: (v if v is not None else old.get(k)) for k, v in row.items()}
    return pa.Table.from_pylist([merged[q] for q in sorted(merged)], schema=schema.arrow_schema("concepts"))
