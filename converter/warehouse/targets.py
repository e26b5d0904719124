"""The registry of warehouse targets, chosen by URL scheme.

A target module exposes ``open_target(url) -> Target``; adding a target is one line in
``TARGET_MODULES``. Modules are imported on first use, so PostgreSQL's driver is only
needed by those who load into PostgreSQL.
"""
from __future__ import annotations

import importlib
from typing import Protocol

from converter.errors import WarehouseError
from converter.warehouse.records import FilingBatch

DEFAULT_TARGET = "duckdb:///xbrl.duckdb"

TARGET_MODULES = {
    "duckdb": "converter.warehouse.duckdb_target",
    "postgresql": "converter.warehouse.postgresql_target",
    "postgres": "converter.warehouse.postgresql_target",
    "parquet": "converter.warehouse.parquet_target",
}


class Target(Protocol):
    url: str

    def write_filing(self, batch: FilingBatch) -> None:
        """Replace the filing's rows with ``batch``, all or nothing."""

    def close(self) -> None:
        """Release connections."""


def scheme_of(url: str) -> str:
    scheme, sep, _ = url.partition(":")
    if not sep:
        raise WarehouseError(f"not a target URL: {url!r}",
                             hint="use duckdb:///file.duckdb, postgresql://user@host/db or parquet:DIR")
    return scheme.lower()


def open_target(url: str | None) -> Target:
    url = url or DEFAULT_TARGET
    scheme = scheme_of(url)
    if scheme not in TARGET_MODULES:
        raise WarehouseError(f"unknown warehouse target {scheme!r} in {url!r}",
                             hint=f"known: {', '.join(sorted(TARGET_MODULES))}")
    return importlib.import_module(TARGET_MODULES[scheme]).open_target(url)
