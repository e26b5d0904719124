"""Warehouse loads on real corpus filings: exact values, idempotent reloads, rollback on a
failure injected part way, concurrent loads, and every target (DuckDB, PostgreSQL, Parquet)."""
from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from pg_server import pg_server, pg_url  # noqa: F401  (fixtures)

from converter.errors import WarehouseError
from converter.model import Context, Duration, Entity, Fact, Instant, QName, USD
from converter.readers.facts import FactSet, read_facts
from converter.warehouse import load_paths, open_target, records
from converter.warehouse.parquet_target import ParquetTarget
from converter.warehouse.duckdb_target import DuckDBTarget
from converter.warehouse.postgresql_target import PostgresTarget

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
AAPL = CORPUS / "aapl-10-q-2025-08-01.htm.gz"
PG = CORPUS / "pg-10-q-2025-04-24.htm.gz"
AAPL_ID = "official-cik0000320193-10-q-2025-06-28"

pytestmark = pytest.mark.skipif(not AAPL.exists(), reason="dev corpus not found at ../shared")


@pytest.fixture(scope="module")
def aapl_facts():
    return read_facts(AAPL)


def _query(url: str, sql: str) -> list[tuple]:
    """Run a read query against any target, the way a user of that store would."""
    if url.startswith("duckdb:"):
        from converter.warehouse.duckdb_target import path_of

        with duckdb.connect(str(path_of(url)), read_only=True) as conn:
            return conn.execute(sql).fetchall()
    if url.startswith("parquet:"):
        root = url.partition(":")[2]
        conn = duckdb.connect()
        for table in ("filings", "facts", "fact_dimensions"):
            conn.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet("
                         f"'{root}/{table}/**/*.parquet', hive_partitioning = true, union_by_name = true)")
        conn.execute(f"CREATE VIEW concepts AS SELECT * FROM read_parquet('{root}/concepts/*.parquet')")
        return conn.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()


def _snapshot(url: str) -> dict:
    """Everything a reload or a rolled-back load must leave unchanged."""
    return {
        "counts": [_query(url, f"SELECT count(*) FROM {t}")[0][0]
                   for t in ("filings", "concepts", "facts", "fact_dimensions")],
        "filings": _query(url, "SELECT filing_id, loaded_at, fact_count FROM filings ORDER BY filing_id"),
        "value_sum": _query(url, "SELECT sum(value) FROM facts")[0][0],
    }


@pytest.fixture(params=["duckdb", "parquet", "postgresql"])
def target_url(request, tmp_path):
    if request.param == "duckdb":
        return f"duckdb:///{tmp_path}/x.duckdb"
    if request.param == "parquet":
        return f"parquet:{tmp_path}/pq"
    return request.getfixturevalue("pg_url")


def test_official_filing_loads_with_exact_values(target_url, aapl_facts):
    summary = load_paths([AAPL], target_url)
    assert not summary.failed
    assert [item.filing_id for item in summary.loaded] == [AAPL_ID]
    assert summary.loaded[0].source == "official"

    filing = _query(target_url, "SELECT cik, company, form, period_end, fiscal_year, fiscal_period, "
                                "source, fact_count, input_sha256 FROM filings")
    assert filing == [("0000320193", "Apple Inc.", "10-Q", dt.date(2025, 6, 28), 2025, "Q3", "official",
                       len(aapl_facts.facts), records.sha256_of(AAPL))]

    stored = _query(target_url, "SELECT concept, value FROM facts WHERE value IS NOT NULL")
    assert all(isinstance(value, Decimal) for _, value in stored)
    expected = Counter((records.prefixed(f.concept), f.value) for f in aapl_facts.facts if f.value is not None)
    assert Counter(stored) == expected

    n_dims = sum(len(f.context.dimensions) for f in aapl_facts.facts)
    assert n_dims > 0
    assert _query(target_url, "SELECT count(*) FROM fact_dimensions")[0][0] == n_dims
    revenue = _query(target_url, "SELECT is_extension, period_type, balance, data_type FROM concepts "
                                 "WHERE qname = 'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax'")
    assert revenue == [(False, "duration", "credit", "monetaryItemType")]
    assert _query(target_url, "SELECT count(*) FROM concepts WHERE is_extension AND qname LIKE 'aapl:%'")[0][0] > 0


def test_reload_replaces_and_counts_stay(target_url):
    load_paths([AAPL], target_url)
    first = _snapshot(target_url)
    load_paths([AAPL], target_url)
    second = _snapshot(target_url)
    assert second["counts"] == first["counts"]
    assert second["value_sum"] == first["value_sum"]
    assert second["filings"][0][1] > first["filings"][0][1]  # loaded_at moved: it was replaced


def _fail_at_dimensions(monkeypatch, url):
    """Inject a failure after the filing and its facts are written, before its dimensions."""
    if url.startswith("parquet:"):
        original = ParquetTarget._write_part

        def failing(self, table, rows, final):
            if table == "fact_dimensions":
                raise WarehouseError("injected failure")
            return original(self, table, rows, final)

        monkeypatch.setattr(ParquetTarget, "_write_part", failing)
    else:
        target_cls = DuckDBTarget if url.startswith("duckdb:") else PostgresTarget
        original = target_cls.insert

        def failing(self, conn, table, rows):
            if table == "fact_dimensions":
                raise WarehouseError("injected failure")
            return original(self, conn, table, rows)

        monkeypatch.setattr(target_cls, "insert", failing)


def test_failure_part_way_leaves_store_as_it_was(target_url, monkeypatch):
    load_paths([AAPL], target_url)
    before = _snapshot(target_url)
    with monkeypatch.context() as patch:
        _fail_at_dimensions(patch, target_url)
        summary = load_paths([AAPL, PG], target_url)  # a reload and a new filing, both fail
    assert not summary.loaded
    assert [f.error for f in summary.failed] == ["XC700: injected failure"] * 2
    assert _snapshot(target_url) == before
    # and the store still takes loads afterwards
    assert not load_paths([PG], target_url).failed


def test_parquet_publish_failure_restores_previous_files(tmp_path, monkeypatch):
    url = f"parquet:{tmp_path}/pq"
    load_paths([AAPL], url)
    before = _snapshot(url)
    calls = []
    original = ParquetTarget._swap_in

    def failing_second(self, tmp, final):
        calls.append(final)
        if len(calls) == 2:
            raise OSError(28, "No space left on device (injected)")
        return original(self, tmp, final)

    monkeypatch.setattr(ParquetTarget, "_swap_in", failing_second)
    summary = load_paths([AAPL], url)
    assert summary.failed and "No space left" in summary.failed[0].error
    assert _snapshot(url) == before
    assert not list((tmp_path / "pq").rglob(".*.tmp")) and not list((tmp_path / "pq").rglob(".*.bak"))


def test_parquet_is_partitioned_and_read_back_exactly_by_pandas_and_duckdb(tmp_path, aapl_facts):
    root = tmp_path / "pq"
    load_paths([AAPL], f"parquet:{root}")
    part = root / "facts" / "company_key=cik0000320193" / "period_key=2025Q3" / f"{AAPL_ID}.parquet"
    assert part.is_file()

    frame = pd.read_parquet(root / "facts")
    assert set(frame["company_key"].astype(str)) == {"cik0000320193"}
    values = [v for v in frame["value"] if v is not None]
    assert all(isinstance(v, Decimal) for v in values)
    expected = Counter(f.value for f in aapl_facts.facts if f.value is not None)
    assert Counter(values) == expected

    column_type = duckdb.sql(f"DESCRIBE SELECT value FROM read_parquet('{root}/facts/**/*.parquet')").fetchall()
    assert column_type[0][1] == "DECIMAL(38,12)"
    total = duckdb.sql(f"SELECT sum(value) FROM read_parquet('{root}/facts/**/*.parquet')").fetchall()[0][0]
    assert total == sum(expected.elements(), Decimal(0))


def _crafted(value: Decimal) -> FactSet:
    entity = Entity("http://www.sec.gov/CIK", "0000000042")
    facts = (
        Fact(QName.std("us-gaap:Revenues"), Context(entity, Duration(dt.date(2024, 1, 1), dt.date(2024, 3, 31))),
             USD, value, decimals=-3, rule="test-rule", confidence=0.75, label="Total revenue"),
        Fact(QName("http://example.com/2024", "Widgets", "ex"), Context(entity, Instant(dt.date(2024, 3, 31))),
             USD, Decimal("-0.000000000001"), decimals=12),
    )
    info = {"EntityRegistrantName": "Example Corp", "EntityCentralIndexKey": "42", "DocumentType": "10-Q",
            "DocumentPeriodEndDate": "2024-03-31", "DocumentFiscalYearFocus": "2024",
            "DocumentFiscalPeriodFocus": "Q1"}
    return FactSet(facts=facts, info=info, source_kind="xbrl-json", path="crafted.json")


def test_values_too_wide_for_floats_round_trip_exactly(target_url):
    big = Decimal("12345678901234567890123456.123456789012")  # 38 digits: no float holds it
    batch = records.build_batch(_crafted(big), source="converted", input_sha256="0" * 64)
    assert batch.filing_id == "converted-cik0000000042-10-q-2024-03-31"
    target = open_target(target_url)
    try:
        target.write_filing(batch)
    finally:
        target.close()
    rows = _query(target_url, "SELECT concept, value, rule_id, confidence, period_start, instant, source "
                              "FROM facts ORDER BY fact_seq")
    assert rows == [("us-gaap:Revenues", big, "test-rule", 0.75, dt.date(2024, 1, 1), None, "converted"),
                    ("ex:Widgets", Decimal("-0.000000000001"), None, 1.0, None, dt.date(2024, 3, 31), "converted")]


def test_value_that_does_not_fit_is_refused_not_rounded():
    with pytest.raises(WarehouseError, match="does not fit"):
        records.build_batch(_crafted(Decimal("1.0000000000001")), source="converted", input_sha256="0" * 64)
    with pytest.raises(WarehouseError, match="does not fit"):
        records.build_batch(_crafted(Decimal("1E+26")), source="converted", input_sha256="0" * 64)


def test_unknown_target_is_an_error():
    with pytest.raises(WarehouseError, match="unknown warehouse target"):
        load_paths([AAPL], "oracle://db")


def test_threads_loading_different_filings_at_once(target_url):
    errors = []

    def load(path):
        summary = load_paths([path], target_url)
        errors.extend(summary.failed)

    threads = [threading.Thread(target=load, args=(p,)) for p in (AAPL, PG)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert _query(target_url, "SELECT count(*) FROM filings")[0][0] == 2
    n_facts = len(read_facts(AAPL).facts) + len(read_facts(PG).facts)
    assert _query(target_url, "SELECT count(*) FROM facts")[0][0] == n_facts


def _load_in_process(path: str, url: str) -> int:
    return len(load_paths([path], url).loaded)


def test_two_processes_share_one_duckdb_file(tmp_path):
    url = f"duckdb:///{tmp_path}/x.duckdb"
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(_load_in_process, [str(AAPL), str(PG)], [url, url]))
    assert results == [1, 1]
    assert _query(url, "SELECT count(*) FROM filings")[0][0] == 2


def test_postgres_same_filing_twice_at_once_keeps_one_copy(pg_url):
    threads = [threading.Thread(target=load_paths, args=([AAPL], pg_url)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert _query(pg_url, "SELECT count(*) FROM filings")[0][0] == 1
    assert _query(pg_url, "SELECT count(*) FROM facts")[0][0] == len(read_facts(AAPL).facts)


def _doc_queries() -> list[str]:
    text = (Path(__file__).resolve().parents[1] / "docs" / "warehouse.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0].strip() for b in text.split("```sql")[1:]]
    return [b for b in blocks if b.upper().startswith(("SELECT", "WITH"))]


def test_documented_queries_run_on_every_target(target_url):
    load_paths([AAPL], target_url)
    load_paths([AAPL], target_url, source="converted")  # the same facts as if we had made them
    queries = _doc_queries()
    assert len(queries) == 3
    results = [_query(target_url, q.rstrip(";")) for q in queries]
    revenue, by_product, side_by_side = results
    assert ("Apple Inc.", "official", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
            dt.date(2025, 3, 30), dt.date(2025, 6, 28), Decimal("94036000000")) in revenue
    assert {"us-gaap:ProductMember", "us-gaap:ServiceMember"} <= {row[1] for row in by_product}
    assert {row[1] for row in revenue} == {"official", "converted"}
    n_distinct = len({(records.prefixed(f.concept), f.context, f.value) for f in read_facts(AAPL).facts})
    assert len(side_by_side) >= n_distinct * 0.9  # duplicates and nil facts aside, one row each
    assert all(row[7] for row in side_by_side if row[5] is not None)  # ours equals official


def test_load_command_loads_good_inputs_and_fails_on_a_bad_one(tmp_path, capsys):
    from converter.cli import main

    bad = tmp_path / "notes.htm"
    bad.write_text("<html><body><p>no tags here</p></body></html>")
    url = f"duckdb:///{tmp_path}/cli.duckdb"
    assert main(["load", str(AAPL), str(bad), "--to", url, "--quiet"]) == 1
    assert "XC600" in capsys.readouterr().err
    assert _query(url, "SELECT filing_id FROM filings") == [(AAPL_ID,)]
