"""An exclusive lock on a file beside the store, for targets that allow one writer.

DuckDB lets only one process open a database file for writing, and a Parquet folder
has no transaction manager; so writers of those targets take this lock (an OS ``flock``
on ``<store>.lock``) for the span of one filing's load. Threads and processes queue on
it alike; a writer waits up to ``timeout`` seconds, then gives up with a clear error.
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

from converter.errors import WarehouseError

DEFAULT_TIMEOUT = 600.0
_POLL_SECONDS = 0.05


@contextmanager
def exclusive(lock_path: Path, *, timeout: float = DEFAULT_TIMEOUT):
    lock_path = Path(lock_path)
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise WarehouseError(f"cannot create lock file {lock_path}: {exc.strerror or exc}") from exc
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseError(
                        f"another load has held {lock_path} for over {timeout:.0f}s",
                        hint="wait for it to finish, or remove a stale lock holder") from None
                time.sleep(_POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
