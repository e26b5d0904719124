"""The warehouse tables, defined once and rendered for each target (SQL dialects, Arrow).

Every target stores the same four tables with the same columns, so a query written
against one runs against the others. Values are ``DECIMAL(38, 12)``: exact, 26 digits
before the point and 12 after, which holds any reported amount, share count or ratio;
a value that does not fit is refused rather than rounded.
"""
from __future__ import annotations

import pyarrow as pa

VALUE_PRECISION = 38
VALUE_SCALE = 12

# (column, logical type); the first columns listed in KEYS form each table's key.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "filings": (
        ("filing_id", "text"),
        ("source", "text"),  # official | converted
        ("cik", "text"),
        ("company", "text"),
        ("form", "text"),
        ("period_end", "date"),
        ("fiscal_year", "int"),
        ("fiscal_period", "text"),
        ("input_path", "text"),
        ("input_kind", "text"),
        ("input_sha256", "text"),
        ("converter_version", "text"),
        ("loaded_at", "timestamp"),  # UTC, stored without a zone
        ("fact_count", "int"),
    ),
    "concepts": (
        ("qname", "text"),
        ("namespace", "text"),
        ("local_name", "text"),
        ("label", "text"),
        ("period_type", "text"),
        ("balance", "text"),
        ("data_type", "text"),
        ("is_extension", "bool"),
    ),
    "facts": (
        ("filing_id", "text"),
        ("fact_seq", "int"),
        ("source", "text"),
        ("concept", "text"),
        ("period_type", "text"),
        ("period_start", "date"),
        ("period_end", "date"),
        ("instant", "date"),
        ("unit", "text"),
        ("value", "decimal"),
        ("decimals", "int"),
        ("dimensions", "json"),
        ("source_table", "int"),
        ("source_row", "int"),
        ("source_column", "int"),
        ("source_locator", "text"),
        ("source_label", "text"),
        ("rule_id", "text"),
        ("confidence", "double"),
        ("fact_id", "text"),
    ),
    "fact_dimensions": (
        ("filing_id", "text"),
        ("fact_seq", "int"),
        ("axis", "text"),
        ("member", "text"),
    ),
}

KEYS = {
    "filings": ("filing_id",),
    "concepts": ("qname",),
    "facts": ("filing_id", "fact_seq"),
    "fact_dimensions": ("filing_id", "fact_seq", "axis"),
}

# Secondary indexes worth having in SQL targets: facts by concept, and by period.
INDEXES = {
    "facts": (("concept",), ("period_end",), ("instant",)),
    "filings": (("cik", "period_end"),),
}

_ARROW = {
    "text": pa.string(),
    "int": pa.int32(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us"),
    "decimal": pa.decimal128(VALUE_PRECISION, VALUE_SCALE),
    "bool": pa.bool_(),
    "double": pa.float64(),
    "json": pa.string(),
}

SQL_TYPES = {
    "duckdb": {
        "text": "VARCHAR", "int": "INTEGER", "date": "DATE", "timestamp": "TIMESTAMP",
        "decimal": f"DECIMAL({VALUE_PRECISION}, {VALUE_SCALE})", "bool": "BOOLEAN",
        "double": "DOUBLE", "json": "VARCHAR",
    },
    "postgresql": {
        "text": "TEXT", "int": "INTEGER", "date": "DATE", "timestamp": "TIMESTAMP",
        "decimal": f"NUMERIC({VALUE_PRECISION}, {VALUE_SCALE})", "bool": "BOOLEAN",
        "double": "DOUBLE PRECISION", "json": "JSONB",
    },
}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(name, _ARROW[kind]) for name, kind in TABLES[table]])


def columns(table: str) -> tuple[str, ...]:
    return tuple(name for name, _ in TABLES[table])


def create_statements(dialect: str) -> list[str]:
    """``CREATE TABLE/INDEX IF NOT EXISTS`` statements for a SQL dialect."""
    types = SQL_TYPES[dialect]
    statements = []
    for table, cols in TABLES.items():
        body = ",\n  ".join(f"{name} {types[kind]}" for name, kind in cols)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  {body},\n"
                          f"  PRIMARY KEY ({', '.join(KEYS[table])})\n)")
        for index_cols in INDEXES.get(table, ()):
            name = f"{table}_{'_'.join(index_cols)}_idx"
            statements.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(index_cols)})")
    return statements


def concept_upsert(staging: str) -> str:
    """Merge staged concept rows: known attributes fill in, nothing known is erased.

    A concept first seen in a filing without taxonomy information keeps NULL label and
    data type until a load that knows them; rows are sorted so concurrent loads take
    row locks in the same order (no deadlock in PostgreSQL).
    """
    cols = columns("concepts")
    updates = ", ".join(f"{c} = COALESCE(excluded.{c}, concepts.{c})" for c in cols[1:])
    return (f"INSERT INTO concepts ({', '.join(cols)}) SELECT {', '.join(cols)} FROM {staging} "
            f"ORDER BY qname ON CONFLICT (qname) DO UPDATE SET {updates}")
