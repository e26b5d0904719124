"""What the SQL targets share: replacing one filing's rows inside one transaction."""
from __future__ import annotations

from abc import ABC, abstractmethod

from converter.errors import WarehouseError
from converter.warehouse.records import FilingBatch

# Child tables first, so a store with foreign keys added by its owner still accepts it.
_FILING_TABLES = ("fact_dimensions", "facts", "filings")


class SqlTarget(ABC):
    """Template for a SQL store; a subclass supplies the connection and the bulk insert.

    ``write_filing`` deletes the filing's rows and inserts the new ones in a single
    transaction: a reload replaces (counts unchanged), and any failure rolls back to
    the store as it was.
    """

    url: str
    placeholder = "?"
    driver_errors: tuple[type[BaseException], ...] = ()

    def write_filing(self, batch: FilingBatch) -> None:
        with self.session() as conn:
            try:
                self.begin(conn)
                self.lock_filing(conn, batch.filing_id)
                for table in _FILING_TABLES:
                    conn.execute(f"DELETE FROM {table} WHERE filing_id = {self.placeholder}",
                                 (batch.filing_id,))
                self.insert(conn, "filings", batch.filings)
                self.upsert_concepts(conn, batch.concepts)
                self.insert(conn, "facts", batch.facts)
                self.insert(conn, "fact_dimensions", batch.dimensions)
                conn.commit()
            except BaseException as exc:
                conn.rollback()
                if isinstance(exc, self.driver_errors):
                    raise WarehouseError(f"loading {batch.filing_id} into {self.url} failed and was "
                                         f"rolled back: {exc}") from exc
                raise

    # -- supplied by each dialect ---------------------------------------------------
    @abstractmethod
    def session(self):
        """A context manager yielding an open connection, holding any lock the store needs."""

    @abstractmethod
    def begin(self, conn) -> None:
        ...

    @abstractmethod
    def lock_filing(self, conn, filing_id: str) -> None:
        ...

    @abstractmethod
    def insert(self, conn, table: str, rows) -> None:
        ...

    @abstractmethod
    def upsert_concepts(self, conn, rows) -> None:
        ...
