"""DuckDB: an embedded file, nothing to start. ``duckdb:///rel.duckdb``, ``duckdb:////abs.duckdb``.

DuckDB lets one process at a time open a file for writing. Each filing's load therefore
takes the lock file ``<db>.lock`` (waiting its turn), opens the database, writes in
one transaction and closes it again, so several loader processes or threads take turns
per filing instead of failing. A program that keeps the file open (a DuckDB shell) makes
writers retry until it lets go or the timeout passes.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from converter.errors import WarehouseError
from converter.warehouse import locking, schema
from converter.warehouse.sql import SqlTarget


def path_of(url: str) -> Path:
    """``duckdb:///x.duckdb`` is ./x.duckdb, ``duckdb:////tmp/x.duckdb`` is absolute."""
    rest = url.partition(":")[2]
    if rest.startswith("///"):
        rest = rest[3:]
    elif rest.startswith("//"):
        raise WarehouseError(f"DuckDB URL {url!r} has a host part",
                             hint="use duckdb:///relative.duckdb or duckdb:////absolute/path.duckdb")
    if not rest:
        raise WarehouseError(f"DuckDB URL {url!r} names no file")
    return Path(rest)


def open_target(url: str) -> DuckDBTarget:
    return DuckDBTarget(url, path_of(url))


class DuckDBTarget(SqlTarget):
    driver_errors = (duckdb.Error,)

    def __init__(self, url: str, path: Path, *, timeout: float = locking.DEFAULT_TIMEOUT):
        self.url = url
        self.path = path
        self.timeout = timeout

    @contextmanager
    def session(self):
        with locking.exclusive(self.path.with_name(self.path.name + ".lock"), timeout=self.timeout):
            conn = self._connect()
            try:
                for statement in schema.create_statements("duckdb"):
                    conn.execute(statement)
                yield conn
            finally:
                conn.close()

    def _connect(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.timeout
        delay = 0.05
        while True:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                return duckdb.connect(str(self.path))
            except duckdb.IOException as exc:
                # Another program (not a loader: those hold the lock) has the file open.
                if time.monotonic() + delay > deadline:
                    raise WarehouseError(f"cannot open {self.path} for writing: {exc}",
                                         hint="close other programs using the database file") from exc
                time.sleep(delay)
                delay = min(delay * 2, 2.0)
            except OSError as exc:
                raise WarehouseError(f"cannot create {self.path.parent}: {exc.strerror or exc}") from exc

    def begin(self, conn) -> None:
        conn.begin()

    def lock_filing(self, conn, filing_id: str) -> None:
        """The file lock already makes each load the only writer."""

    def insert(self, conn, table: str, rows) -> None:
        conn.register("staged_rows", rows)
        try:
            conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM staged_rows")
        finally:
            conn.unregister("staged_rows")

    def upsert_concepts(self, conn, rows) -> None:
        conn.register("staged_concepts", rows)
        try:
            conn.execute(schema.concept_upsert("staged_concepts"))
        finally:
            conn.unregister("staged_concepts")

    def close(self) -> None:
        """Connections live for one filing's load; nothing stays open."""
