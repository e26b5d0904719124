"""PostgreSQL: ``postgresql://user:password@host:port/db`` (libpq URL, psycopg 3).

Many loaders may write at once: each filing is one transaction; a transaction-scoped
advisory lock on the filing id serializes two loads of the same filing, and concepts
are merged in name order so concurrent loads never deadlock on them.
"""
from __future__ import annotations

from contextlib import contextmanager

from converter.errors import WarehouseError
from converter.warehouse import schema
from converter.warehouse.sql import SqlTarget

# A fixed advisory lock key held while creating the tables, so that two first loads
# do not race on CREATE TABLE IF NOT EXISTS.
_SCHEMA_LOCK = 0x7862726C  # "xbrl"


def open_target(url: str) -> PostgresTarget:
    try:
        import psycopg
    except ImportError as exc:
        raise WarehouseError("loading into PostgreSQL needs psycopg 3",
                             hint='pip install "psycopg[binary]"') from exc
    return PostgresTarget(url, psycopg)


class PostgresTarget(SqlTarget):
    placeholder = "%s"

    def __init__(self, url: str, psycopg):
        self.url = url
        self._psycopg = psycopg
        self.driver_errors = (psycopg.Error,)
        try:
            self._conn = psycopg.connect(url, autocommit=False)
        except psycopg.Error as exc:
            raise WarehouseError(f"cannot connect to {url}: {str(exc).strip()}") from exc
        try:
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            for statement in schema.create_statements("postgresql"):
                self._conn.execute(statement)
            self._conn.commit()
        except psycopg.Error as exc:
            self._conn.rollback()
            self._conn.close()
            raise WarehouseError(f"cannot create the warehouse tables in {url}: {exc}") from exc

    @contextmanager
    def session(self):
        yield self._conn

    def begin(self, conn) -> None:
        """psycopg opens a transaction with the first statement (autocommit is off)."""

    def lock_filing(self, conn, filing_id: str) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (filing_id,))

    def insert(self, conn, table: str, rows) -> None:
        cols = rows.column_names
        with conn.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in rows.to_pylist():
                    copy.write_row([row[c] for c in cols])

    def upsert_concepts(self, conn, rows) -> None:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS staged_concepts "
                     "(LIKE concepts INCLUDING DEFAULTS) ON COMMIT DELETE ROWS")
        self.insert(conn, "staged_concepts", rows)
        conn.execute(schema.concept_upsert("staged_concepts"))

    def close(self) -> None:
        self._conn.close()
