"""A queryable store of facts: DuckDB (default), PostgreSQL or Parquet, chosen by URL.

    from converter.warehouse import load_paths
    summary = load_paths(["out/ko", "ko-10-q-2025-07-24.htm.gz"], "duckdb:///xbrl.duckdb")

The schema (filings, concepts, facts, fact_dimensions) is in ``schema`` and
docs/warehouse.md; each target module (``*_target``) writes one filing per transaction.
"""
from converter.warehouse.command import add_command, add_load_option, load_outputs
from converter.warehouse.loader import FilingLoad, LoadFailure, LoadSummary, load_paths
from converter.warehouse.targets import DEFAULT_TARGET, TARGET_MODULES, open_target

__all__ = ["load_paths", "LoadSummary", "FilingLoad", "LoadFailure", "open_target",
           "add_load_option", "load_outputs", "add_command", "DEFAULT_TARGET", "TARGET_MODULES"]
